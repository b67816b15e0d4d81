import Foundation

/// How model strings are made safe for GitHub-flavoured Markdown.
enum MarkdownEscaping {
    /// Inline text: a model string can neither start a block, nor open emphasis, links, code, HTML
    /// or entities, nor end a table cell or a line.
    static func inline(_ text: String) -> String {
        let flat = singleLine(text)
        var result = ""
        result.reserveCapacity(flat.count)
        let characters = Array(flat)
        for (index, character) in characters.enumerated() {
            if needsEscape(character, at: index, in: characters) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    private static func needsEscape(_ character: Character, at index: Int, in characters: [Character]) -> Bool {
        let previous = index > 0 ? characters[index - 1] : " "
        let next = index + 1 < characters.count ? characters[index + 1] : " "
        switch character {
        case "\\", "`", "*", "[", "]", "<", ">", "|", "~":
            return true
        case "_":
            // Inside a word (`allow_origins`) GFM never reads `_` as emphasis.
            return !(previous.isLetter || previous.isNumber) || !(next.isLetter || next.isNumber)
        case "&":
            // Only where it could start an entity such as `&lt;`.
            return next.isLetter || next.isNumber || next == "#"
        case "#", "-", "+", "=":
            // A heading, list item or setext underline when the value starts a line.
            return index == 0
        case ".", ")":
            // An ordered list marker: digits at the start, then `.` or `)` and a space.
            return index > 0 && characters[..<index].allSatisfy(\.isNumber) && next == " "
        default:
            return false
        }
    }

    /// A code span that shows `text` verbatim; `inTable` escapes `|`, which GFM tables split on
    /// even inside code.
    static func codeSpan(_ text: String, inTable: Bool = false) -> String {
        var body = singleLine(text)
        if inTable { body = body.replacingOccurrences(of: "|", with: "\\|") }
        if body.isEmpty { return "` `" }
        let fence = String(repeating: "`", count: longestRun(of: "`", in: body) + 1)
        let padded = body.first == "`" || body.last == "`" || body.first == " " && body.last == " "
            ? " \(body) " : body
        return fence + padded + fence
    }

    /// A fenced code block (with a trailing newline) that shows `text` verbatim.
    static func fencedBlock(_ text: String, language: String = "") -> String {
        let body = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: body) + 1))
        let ending = body.hasSuffix("\n") ? "" : "\n"
        return "\(fence)\(language)\n\(body)\(ending)\(fence)\n"
    }

    /// Markdown prose in which every `<` outside code spans and fenced blocks is backslash-escaped,
    /// so neither the catalog nor a model value filled into it can open raw HTML; a fenced block
    /// left open is closed.
    static func neutralizingHTML(in prose: String) -> String {
        var result = ""
        var fence: Substring?
        for (number, line) in prose.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if number > 0 { result += "\n" }
            let indentless = line.drop { $0 == " " }
            let run = indentless.prefix { $0 == "`" || $0 == "~" }
            if let open = fence {
                result += line
                if run.count >= open.count, run.first == open.first, indentless.dropFirst(run.count).allSatisfy(\.isWhitespace) { fence = nil }
                continue
            }
            if run.count >= 3, run.allSatisfy({ $0 == run.first }) {
                fence = run
                result += line
                continue
            }
            result += escapingAngleBrackets(outsideCodeSpansIn: line)
        }
        // A fence left open would swallow the rest of the report.
        if let open = fence { result += "\n" + open }
        return result
    }

    private static func escapingAngleBrackets(outsideCodeSpansIn line: Substring) -> String {
        let characters = Array(line)
        var result = ""
        var index = 0
        var backslashes = 0
        while index < characters.count {
            let character = characters[index]
            if character == "`" && backslashes % 2 == 0 {
                let run = characters[index...].prefix { $0 == "`" }.count
                // A code span runs to the next run of exactly the same length; otherwise the backticks are text.
                var search = index + run
                var closing: Int?
                while search < characters.count {
                    if characters[search] == "`" {
                        let length = characters[search...].prefix { $0 == "`" }.count
                        if length == run { closing = search; break }
                        search += length
                    } else {
                        search += 1
                    }
                }
                let end = (closing ?? index) + run
                result += String(characters[index..<end])
                index = end
                backslashes = 0
                continue
            }
            if character == "<" && backslashes % 2 == 0 { result += "\\" }
            result.append(character)
            backslashes = character == "\\" ? backslashes + 1 : 0
            index += 1
        }
        return result
    }

    /// Line breaks and tabs become spaces; other control characters are dropped.
    static func singleLine(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}": result.unicodeScalars.append(" ")
            default:
                if scalar.properties.generalCategory == .control { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for each in text {
            current = each == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}

