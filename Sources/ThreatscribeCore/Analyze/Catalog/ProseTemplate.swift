import Foundation

/// Catalog prose with `{{field}}` placeholders filled from the subject's facts.
///
/// Forms: `{{field}}` (plain text; lists joined by ", "), `{{field|code}}` (Markdown inline code),
/// `{{field|python}}` (a Python literal for FastAPI snippets), `{{field|shell}}` (single-quoted shell words), `{{scope.field}}` for a global scope,
/// and `{{subject}}`, the element's short name.
public enum ProseTemplate {
    struct Placeholder: Equatable {
        var scope: String?
        var field: String
        var format: String?
        var offset: Int
        var range: Range<String.Index>
    }

    static let formats = ["code", "python", "shell"]

    static func placeholders(in text: String) -> [Placeholder] {
        var result: [Placeholder] = []
        var searchStart = text.startIndex
        while let open = text.range(of: "{{", range: searchStart..<text.endIndex),
              let close = text.range(of: "}}", range: open.upperBound..<text.endIndex) {
            let inner = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            let parts = inner.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let name = parts.first ?? ""
            let pieces = name.split(separator: ".", maxSplits: 1).map(String.init)
            result.append(Placeholder(
                scope: pieces.count == 2 ? pieces[0] : nil,
                field: pieces.last ?? "",
                format: parts.count > 1 ? parts[1] : nil,
                offset: text.distance(from: text.startIndex, to: open.lowerBound),
                range: open.lowerBound..<close.upperBound))
            searchStart = close.upperBound
        }
        return result
    }

    /// Checks every placeholder against the vocabulary.
    static func check(_ text: String, checker: ConditionChecker) throws(ConditionError) {
        for placeholder in placeholders(in: text) {
            if placeholder.scope == nil, placeholder.field == "subject" { continue }
            if let format = placeholder.format, !formats.contains(format) {
                throw ConditionError(message: "unknown format `\(format)` (use `code`, `python` or `shell`)", offset: placeholder.offset)
            }
            _ = try checker.resolve(scope: placeholder.scope, field: placeholder.field, offset: placeholder.offset)
        }
    }

    /// The text with every placeholder replaced.
    static func fill(_ text: String, evaluator: ConditionEvaluator) -> String {
        var result = text
        for placeholder in placeholders(in: text).reversed() {
            let replacement: String
            if placeholder.scope == nil, placeholder.field == "subject" {
                replacement = evaluator.subject.name
            } else {
                let value = evaluator.value(of: .fact(scope: placeholder.scope, field: placeholder.field, offset: 0))
                switch placeholder.format {
                case "code": replacement = value.codeText
                case "python": replacement = value.pythonLiteral
                case "shell": replacement = value.shellWords
                default: replacement = value.plainText
                }
            }
            result.replaceSubrange(placeholder.range, with: replacement)
        }
        return result
    }
}
