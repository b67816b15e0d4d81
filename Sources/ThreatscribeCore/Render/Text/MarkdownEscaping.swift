/// How model strings are made safe for GitHub-flavoured Markdown.
///
/// Every function reads Unicode scalars, never `Character`s (see `Escaping`): CommonMark reads a `<`
/// or a backtick whatever combining mark or Prepend character stands next to it.
enum MarkdownEscaping {
    /// Inline text: a model string can neither start a block, nor open emphasis, links, code, HTML
    /// or entities, nor end a table cell or a line.
    static func inline(_ text: String) -> String {
        let scalars = Array(singleLine(text).unicodeScalars)
        var result = String.UnicodeScalarView()
        result.reserveCapacity(scalars.count)
        for index in scalars.indices {
            if needsEscape(at: index, in: scalars) { result.append("\\") }
            result.append(scalars[index])
        }
        return String(result)
    }

    private static func needsEscape(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let previous: Unicode.Scalar = index > 0 ? scalars[index - 1] : " "
        let next: Unicode.Scalar = index + 1 < scalars.count ? scalars[index + 1] : " "
        // Only spaces before it: the value may start a line, where a block can begin.
        let startsLine = scalars[..<index].allSatisfy { $0 == " " }
        switch scalars[index] {
        case "\\", "`", "*", "[", "]", "<", ">", "|", "~":
            return true
        case "_":
            // Inside a word (`allow_origins`) GFM never reads `_` as emphasis.
            return !(isAlphanumeric(previous) && isAlphanumeric(next))
        case "&":
            // Only where it could start an entity such as `&lt;`.
            return isAlphanumeric(next) || next == "#"
        case "#", "-", "+", "=":
            // A heading, list item or setext underline when the value starts a line.
            return startsLine
        case ".", ")":
            // An ordered list marker: digits at the start, then `.` or `)` and a space.
            let digits = scalars[..<index].drop { $0 == " " }
            return !digits.isEmpty && digits.allSatisfy { ("0"..."9").contains($0) } && next == " "
        default:
            return false
        }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII (most text) without the Unicode property tables: letters and digits are its only alphanumerics.
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: true
        default: scalar.properties.isAlphabetic
        }
    }

    /// A code span that shows `text` verbatim; `inTable` escapes `|`, which GFM tables split on
    /// even inside code.
    static func codeSpan(_ text: String, inTable: Bool = false) -> String {
        var body = String.UnicodeScalarView()
        for scalar in singleLine(text).unicodeScalars {
            if inTable && scalar == "|" { body.append("\\") }
            body.append(scalar)
        }
        guard let first = body.first, let last = body.last else { return "` `" }
        let fence = String(repeating: "`", count: longestRun(of: "`", in: body) + 1)
        let isAllSpaces = body.allSatisfy { $0 == " " }
        let padded = first == "`" || last == "`" || (first == " " && last == " " && !isAllSpaces)
        let content = String(body)
        return fence + (padded ? " \(content) " : content) + fence
    }

    /// A fenced code block (with a trailing newline) that shows `text` verbatim: the fence is longer
    /// than any backtick run in the text, so no line of it closes the block, and the closing fence
    /// does.
    static func fencedBlock(_ text: String, language: String = "") -> String {
        let body = MarkdownFence.lines(of: text).map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: body.unicodeScalars) + 1))
        let ending = body.hasSuffix("\n") ? "" : "\n"
        return "\(fence)\(language)\n\(body)\(ending)\(fence)\n"
    }

    /// Markdown prose in which every `<` outside code spans and fenced blocks is backslash-escaped,
    /// so neither the catalog nor a model value filled into it can open raw HTML; a fenced block
    /// left open is closed.
    ///
    /// Fences are found as CommonMark finds them (`MarkdownFence`). A non-blank line indented less
    /// than the fence that is open may end the list item holding that fence, so the fence is closed
    /// before it and it is treated as outside: at worst a `<` in code shows a backslash, never raw HTML.
    static func neutralizingHTML(in prose: String) -> String {
        var lines: [String] = []
        var fence: MarkdownFence?
        for line in MarkdownFence.lines(of: prose) {
            if let open = fence {
                if open.isClosed(by: line) {
                    fence = nil
                    lines.append(String(String.UnicodeScalarView(line)))
                    continue
                }
                let isBlank = line.allSatisfy { $0 == " " || $0 == "\t" }
                if isBlank || line.prefix(while: { $0 == " " }).count >= open.indent {
                    lines.append(String(String.UnicodeScalarView(line)))
                    continue
                }
                // Closed explicitly: at the top level the line would still be inside the fence,
                // which would then swallow the rest of the report (and invert its later fences).
                lines.append(open.closingLine)
                fence = nil
            }
            if let opening = MarkdownFence.opening(line) {
                fence = opening
                lines.append(String(String.UnicodeScalarView(line)))
                continue
            }
            lines.append(escapingAngleBrackets(outsideCodeSpansIn: line))
        }
        // A fence left open would swallow the rest of the report.
        if let open = fence { lines.append(open.closingLine) }
        return lines.joined(separator: "\n")
    }

    /// `<` backslash-escaped unless it is already escaped or inside a code span. A code span runs from
    /// an unescaped backtick run to the next run of exactly the same length, as CommonMark has it;
    /// otherwise the backticks are text.
    private static func escapingAngleBrackets(outsideCodeSpansIn line: [Unicode.Scalar]) -> String {
        var result = String.UnicodeScalarView()
        var index = 0
        var backslashes = 0
        func run(at start: Int) -> Int { line[start...].prefix { $0 == "`" }.count }
        while index < line.count {
            let scalar = line[index]
            if scalar == "`" && backslashes % 2 == 0 {
                let length = run(at: index)
                var search = index + length
                var closing: Int?
                while search < line.count {
                    if line[search] == "`" {
                        let candidate = run(at: search)
                        if candidate == length { closing = search; break }
                        search += candidate
                    } else {
                        search += 1
                    }
                }
                let end = (closing ?? index) + length
                result.append(contentsOf: line[index..<end])
                index = end
                backslashes = 0
                continue
            }
            if scalar == "<" && backslashes % 2 == 0 { result.append("\\") }
            result.append(scalar)
            backslashes = scalar == "\\" ? backslashes + 1 : 0
            index += 1
        }
        return String(result)
    }

    /// Line breaks and tabs become spaces; other control characters are dropped.
    static func singleLine(_ text: String) -> String {
        // Printable ASCII (most text) has nothing to replace or drop.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}": result.append(" ")
            default:
                // In ASCII the control characters are U+0000–U+001F and U+007F.
                let isControl = scalar.isASCII ? scalar.value < 0x20 || scalar.value == 0x7F : scalar.properties.generalCategory == .control
                if isControl { continue }
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The longest run of `scalar` in `scalars`.
    static func longestRun(of scalar: Unicode.Scalar, in scalars: some Sequence<Unicode.Scalar>) -> Int {
        var longest = 0
        var current = 0
        for each in scalars {
            current = each == scalar ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
