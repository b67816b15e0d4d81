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
        let parts = text.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let name = parts.first ?? ""
        let pieces = name.split(separator: ".", maxSplits: 1).map(String.init)
        return Placeholder(scope: pieces.count == 2 ? pieces[0] : nil, field: pieces.last ?? "",
                           format: parts.count > 1 ? parts[1] : nil, start: start, end: end, context: .prose)
    }
}

/// How far bash quoting has got in a fenced shell block: enough to tell whether a word placed here is a
/// word of its own.
struct ShellQuoting {
    private enum State { case normal, single, ansi, double, comment, hereDocument }
    private var state = State.normal
    private var escaped = false
    private var atWordStart = true
    private var pendingDelimiters: [(word: String, stripsTabs: Bool)] = []
    private var hereDocuments: [(word: String, stripsTabs: Bool)] = []

    /// Why a placeholder cannot stand here as one shell word, or nil when it can.
    func problemForWord(before previous: Unicode.Scalar?) -> String? {
        if escaped { return "a placeholder right after a backslash in a shell block: remove the backslash" }
        switch state {
        case .single, .ansi, .double:
            return "a placeholder inside a quoted string in a shell block: put it outside the quotes (it is filled as one quoted shell word, e.g. `-H 'Origin: '{{origin}}`)"
        case .hereDocument:
            return "a placeholder inside a here-document: pass the value as an argument or environment variable instead"
        case .normal where previous == "$":
            return "a placeholder right after `$` in a shell block: a quoted word there would become `$'…'`"
        case .normal, .comment:
            return nil
        }
    }

    /// A placeholder was filled here: it reads as part of a word.
    mutating func skipWord() {
        escaped = false
        if state == .normal { atWordStart = false }
    }

    /// Whether `line`, the first line after a here-document started, ends it.
    mutating func endsHereDocument(line: ArraySlice<Unicode.Scalar>) -> Bool {
        guard state == .hereDocument, let current = hereDocuments.first else { return false }
        var text = String(String.UnicodeScalarView(line))
        if current.stripsTabs { text = String(text.drop { $0 == "\t" }) }
        guard text == current.word else { return false }
        hereDocuments.removeFirst()
        if hereDocuments.isEmpty { state = .normal; atWordStart = true }
        return true
    }

    mutating func read(_ s: [Unicode.Scalar], at index: Int) {
        let scalar = s[index]
        if escaped { escaped = false; return }
        switch state {
        case .normal:
            switch scalar {
            case "\\": escaped = true
            case "'": state = index > 0 && s[index - 1] == "$" ? .ansi : .single
            case "\"": state = .double
            case "#" where atWordStart: state = .comment
            case "<" where index + 1 < s.count && s[index + 1] == "<" && (index == 0 || s[index - 1] != "<")
                && (index + 2 >= s.count || s[index + 2] != "<"):
                readHereDocumentStart(s, at: index + 2)
            case "\n":
                if !pendingDelimiters.isEmpty {
                    hereDocuments = pendingDelimiters
                    pendingDelimiters = []
                    state = .hereDocument
                }
            default: break
            }
            switch scalar {
            case " ", "\t", "\n", ";", "|", "&", "(", ")": atWordStart = true
            default: atWordStart = false
            }
        case .single: if scalar == "'" { state = .normal }
        case .ansi, .double:
            if scalar == "\\" { escaped = true } else if scalar == (state == .ansi ? "'" : "\"") { state = .normal }
        case .comment:
            if scalar == "\n" { state = .normal; atWordStart = true; read(s, at: index) }
        case .hereDocument: break
        }
    }

    private mutating func readHereDocumentStart(_ s: [Unicode.Scalar], at start: Int) {
        var index = start
        let stripsTabs = index < s.count && s[index] == "-"
        if stripsTabs { index += 1 }
        while index < s.count, s[index] == " " { index += 1 }
        var word = String.UnicodeScalarView()
        while index < s.count, !" \t\n;|&<>()".unicodeScalars.contains(s[index]) {
            if s[index] != "'", s[index] != "\"", s[index] != "\\" { word.append(s[index]) }
            index += 1
        }
        if !word.isEmpty { pendingDelimiters.append((String(word), stripsTabs)) }
    }
}

/// How far Python's tokenizer has got in a fenced Python block: enough to tell whether a literal placed
/// here is an expression of its own.
struct PythonQuoting {
    private enum State: Equatable { case normal, comment, string(quote: Unicode.Scalar, triple: Bool) }
    private var state = State.normal
    private var escaped = false
    private var closingQuotes = 0

    /// Why a placeholder cannot stand here as a Python literal, or nil when it can.
    func problemForLiteral(before previous: Unicode.Scalar?) -> String? {
        if case .string = state {
            return "a placeholder inside a string literal in a Python block: put it outside the quotes (it is filled as a Python literal; adjacent literals concatenate: `\"wss://\" {{host}}`)"
        }
        if state == .normal, let previous, previous == "_" || previous == "\\" || previous.properties.isAlphabetic || ("0"..."9").contains(previous) {
            return "a placeholder glued to a name or prefix in a Python block (`f{{x}}` would make an f-string): put a space or operator before it"
        }
        return nil
    }

    /// Why a literal cannot follow `keyword`, where Python expects a name (`def {{name}}` would not parse).
    static func problemForName(keyword: String) -> String? {
        ["def", "class", "import", "from", "as", "global", "nonlocal"].contains(keyword)
            ? "a placeholder where Python expects a name (after `\(keyword)`): use a fixed name and show the value in a comment"
            : nil
    }

    mutating func skipLiteral() { escaped = false }

    mutating func read(_ s: [Unicode.Scalar], at index: Int) {
        let scalar = s[index]
        switch state {
        case .normal:
            if scalar == "#" { state = .comment }
            else if scalar == "'" || scalar == "\"" {
                let triple = index + 2 < s.count && s[index + 1] == scalar && s[index + 2] == scalar
                state = .string(quote: scalar, triple: triple)
                closingQuotes = triple ? -2 : 0
            }
        case .comment:
            if scalar == "\n" { state = .normal }
        case .string(let quote, let triple):
            if escaped { escaped = false; return }
            if scalar == "\\" { escaped = true; closingQuotes = 0; return }
            if !triple {
                if scalar == quote || scalar == "\n" { state = .normal }
                return
            }
            if scalar == quote {
                closingQuotes += 1
                if closingQuotes == 3 { state = .normal }
            } else {
                closingQuotes = 0
            }
        }
    }
}
