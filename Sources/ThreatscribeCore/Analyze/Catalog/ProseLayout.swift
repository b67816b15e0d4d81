/// Where each `{{…}}` placeholder of a catalog prose text stands, found in one forward scan.
///
/// The context decides how a value is written there: escaped Markdown in prose, a code span, a line of a
/// fenced block, one shell word in a `bash`/`sh`/`shell`/`console` block (or a prose line starting with
/// `curl ` or `$ `), a Python literal in a `python` block. In shell and Python code the scan follows quoting
/// far enough to know whether a placeholder sits inside a string, a here-document, after `$` or a
/// backslash, or glued to a Python string prefix (`f{{x}}`): such a placeholder is a catalog error, since
/// a self-delimiting word or literal placed there would not be one.
struct ProseLayout {
    /// A placeholder's text and position, in Unicode scalars of the prose.
    struct Placeholder: Equatable {
        var scope: String?
        var field: String
        var format: String?
        /// Scalar offsets of `{{` and just after `}}`.
        var start: Int
        var end: Int
        var context: Context
        /// Why the placeholder cannot be filled safely where it stands, for catalog authors.
        var problem: String?
    }

    enum Context: Equatable { case prose, codeSpan, codeBlock, shell, python }

    let scalars: [Unicode.Scalar]
    let placeholders: [Placeholder]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        placeholders = Self.scan(scalars)
    }

    /// The offset of scalar `index` counted in Characters, as locations in catalog files count columns.
    func characterOffset(of index: Int) -> Int {
        String(String.UnicodeScalarView(scalars[..<index])).count
    }

    private enum Language { case shell, python, other }

    private static func language(ofInfo info: [Unicode.Scalar]) -> Language {
        let word = String(String.UnicodeScalarView(info.prefix { $0 != " " && $0 != "{" && $0 != "\t" })).lowercased()
        switch word {
        case "bash", "sh", "shell", "console", "zsh": return .shell
        case "python", "py", "python3", "pycon": return .python
        default: return .other
        }
    }

    private static func hasPrefix(_ s: [Unicode.Scalar], at index: Int, _ prefix: String) -> Bool {
        var position = index
        for scalar in prefix.unicodeScalars {
            guard position < s.count, s[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    private static func lineEnd(_ s: [Unicode.Scalar], from index: Int) -> Int {
        var end = index
        while end < s.count, s[end] != "\n" { end += 1 }
        return end
    }

    private static func scan(_ s: [Unicode.Scalar]) -> [Placeholder] {
        var result: [Placeholder] = []
        var fence: Language?
        var shell = ShellQuoting()
        var python = PythonQuoting()
        var proseTicks = 0
        var proseShellLine = false
        var index = 0
        var atLineStart = true
        while index < s.count {
            if atLineStart {
                atLineStart = false
                var first = index
                while first < s.count, s[first] == " " { first += 1 }
                if hasPrefix(s, at: first, "```") {
                    if fence == nil {
                        var info = first + 3
                        while info < s.count, s[info] == "`" { info += 1 }
                        while info < s.count, s[info] == " " { info += 1 }
                        fence = language(ofInfo: Array(s[info..<lineEnd(s, from: info)]))
                        shell = ShellQuoting()
                        python = PythonQuoting()
                    } else {
                        fence = nil
                    }
                    index = lineEnd(s, from: first)
                    continue
                }
                if fence == .shell, shell.endsHereDocument(line: s[index..<lineEnd(s, from: index)]) {
                    index = lineEnd(s, from: index)
                    continue
                }
                if fence == nil {
                    proseTicks = 0
                    proseShellLine = hasPrefix(s, at: first, "curl ") || hasPrefix(s, at: first, "$ ")
                    if proseShellLine { shell = ShellQuoting() }
                }
            }
            let scalar = s[index]
            if scalar == "{", index + 1 < s.count, s[index + 1] == "{" {
                var close = index + 2
                while close + 1 < s.count, !(s[close] == "}" && s[close + 1] == "}") { close += 1 }
                guard close + 1 < s.count else { break }
                var placeholder = parse(s[(index + 2)..<close], start: index, end: close + 2)
                switch fence {
                case .shell?:
                    placeholder.context = .shell
                    placeholder.problem = shell.problemForWord(before: index > 0 ? s[index - 1] : nil)
                case .python?:
                    placeholder.context = .python
                    placeholder.problem = python.problemForLiteral(before: index > 0 ? s[index - 1] : nil)
                        ?? PythonQuoting.problemForName(keyword: previousWord(s, before: index))
                case .other?:
                    placeholder.context = .codeBlock
                case nil where proseShellLine:
                    placeholder.context = .shell
                    placeholder.problem = shell.problemForWord(before: index > 0 ? s[index - 1] : nil)
                case nil:
                    placeholder.context = proseTicks % 2 == 1 ? .codeSpan : .prose
                }
                result.append(placeholder)
                shell.skipWord()
                python.skipLiteral()
                index = close + 2
                continue
            }
            switch fence {
            case .shell?: shell.read(s, at: index)
            case .python?: python.read(s, at: index)
            case .other?: break
            case nil:
                if proseShellLine { shell.read(s, at: index) }
                if scalar == "`" { proseTicks += 1 }
            }
            if scalar == "\n" { atLineStart = true }
            index += 1
        }
        return result
    }

    /// The word before `index` on its line, skipping spaces (`def` in `def {{name}}`).
    private static func previousWord(_ s: [Unicode.Scalar], before index: Int) -> String {
        var end = index
        while end > 0, s[end - 1] == " " || s[end - 1] == "\t" { end -= 1 }
        var start = end
        while start > 0, end - start < 8, s[start - 1].properties.isAlphabetic { start -= 1 }
        return String(String.UnicodeScalarView(s[start..<end]))
    }

    private static func parse(_ inner: ArraySlice<Unicode.Scalar>, start: Int, end: Int) -> Placeholder {
        let text = String(String.UnicodeScalarView(inner))
        let parts = text.split(separator: "|", maxSplits: 1).map { $0.trimmingWhitespaces }
        let name = parts.first ?? ""
        let pieces = name.split(separator: ".", maxSplits: 1).map(String.init)
        return Placeholder(scope: pieces.count == 2 ? pieces[0] : nil, field: pieces.last ?? "",
                           format: parts.count > 1 ? parts[1] : nil, start: start, end: end, context: .prose)
    }
}
