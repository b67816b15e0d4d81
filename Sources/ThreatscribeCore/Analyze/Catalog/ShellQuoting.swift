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
