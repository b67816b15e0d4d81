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
