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

    /// Where in the Markdown a placeholder stands, which decides how a model value is made safe there.
    enum Context { case prose, codeSpan, codeBlock }

    /// The text with every placeholder replaced. Model values cannot change the Markdown's structure:
    /// in prose they are escaped, in code spans and fenced blocks they stay on one line and cannot close the code.
    static func fill(_ text: String, evaluator: ConditionEvaluator) -> String {
        var result = text
        for placeholder in placeholders(in: text).reversed() {
            let context = self.context(of: placeholder.range.lowerBound, in: text)
            let replacement: String
            if placeholder.scope == nil, placeholder.field == "subject" {
                replacement = safe(evaluator.subject.name, in: context)
            } else {
                let value = evaluator.value(of: .fact(scope: placeholder.scope, field: placeholder.field, offset: 0))
                switch placeholder.format {
                case "code":
                    if case .list(let items) = value, context == .prose {
                        replacement = items.map { MarkdownEscaping.codeSpan($0) }.joined(separator: ", ")
                    } else if context == .prose, value.isKnown {
                        replacement = MarkdownEscaping.codeSpan(value.plainText)
                    } else {
                        replacement = safe(value.plainText, in: context)
                    }
                case "python": replacement = safe(value.pythonLiteral, in: context)
                case "shell": replacement = safe(value.shellWords, in: context)
                default: replacement = safe(value.plainText, in: context)
                }
            }
            result.replaceSubrange(placeholder.range, with: replacement)
        }
        return result
    }

    static func safe(_ value: String, in context: Context) -> String {
        switch context {
        case .prose: return MarkdownEscaping.inline(value)
        case .codeSpan: return MarkdownEscaping.singleLine(value).replacingOccurrences(of: "`", with: "'")
        case .codeBlock: return MarkdownEscaping.singleLine(value).replacingOccurrences(of: "```", with: "'''")
        }
    }

    /// Whether `index` lies in a fenced code block, an inline code span, or plain prose.
    static func context(of index: String.Index, in text: String) -> Context {
        var inFence = false
        for line in text[..<index].split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.drop(while: { $0 == " " }).hasPrefix("```") { inFence.toggle() }
        }
        if inFence { return .codeBlock }
        let lineStart = text[..<index].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let ticks = text[lineStart..<index].filter { $0 == "`" }.count
        return ticks % 2 == 1 ? .codeSpan : .prose
    }
}
