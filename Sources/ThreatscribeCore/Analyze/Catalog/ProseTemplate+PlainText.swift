extension ProseTemplate {
    /// A one-line catalog text (a finding's title) as plain text: placeholders get the model's values
    /// unescaped and the catalog's code-span backticks are dropped, so that each output escapes the
    /// result for its own context (HTML text, Markdown inline, SARIF and CSV fields) and no Markdown
    /// syntax (`` ` ``, `\<`) reaches a reader of the HTML or a tool reading the exports.
    static func plainText(_ text: String, evaluator: ConditionEvaluator) -> String {
        let placeholders = ProseLayoutMemo.shared.placeholders(of: text)
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var copied = 0
        func copyLiteral(upTo end: Int) {
            for scalar in scalars[copied..<end] where scalar != "`" { result.append(scalar) }
        }
        for placeholder in placeholders {
            copyLiteral(upTo: placeholder.start)
            result.append(contentsOf: plainValue(of: placeholder, evaluator: evaluator).unicodeScalars)
            copied = placeholder.end
        }
        copyLiteral(upTo: scalars.count)
        return MarkdownEscaping.singleLine(String(result))
    }

    static func plainValue(of placeholder: ProseLayout.Placeholder, evaluator: ConditionEvaluator) -> String {
        if placeholder.problem != nil { return "[placeholder refused: not fillable here]" }
        if placeholder.scope == nil && placeholder.field == "subject" { return evaluator.subject.name }
        let value = evaluator.value(of: .fact(scope: placeholder.scope, field: placeholder.field, offset: 0))
        switch placeholder.format {
        case "python": return value.pythonLiteral
        case "shell": return value.shellWords
        default: return value.plainText
        }
    }
}
