import Foundation

/// Catalog prose with `{{field}}` placeholders filled from the subject's facts.
///
/// Forms: `{{field}}` (plain text; lists joined by ", "), `{{field|code}}` (Markdown inline code),
/// `{{field|python}}` (a Python literal), `{{field|shell}}` (single-quoted shell words), `{{field|items}}` (a
/// Markdown bullet list, one element a line; the placeholder stands alone on its line), `{{scope.field}}` for
/// a global scope, and `{{subject}}`, the element's short name.
///
/// Code decides over the format: in a shell block (or a prose line starting with `curl `) a placeholder is
/// always shell words (`ShellWord`), in a Python block always a Python literal (`PythonLiteral`), so that
/// no model value can become code when a reader pastes the snippet. A placeholder inside a quoted string
/// of such a block is refused when the catalog is loaded (`ProseLayout`).
public enum ProseTemplate {
    static let formats = ["code", "python", "shell", "items"]

    /// Checks every placeholder against the vocabulary and where it stands in code, in one pass (the
    /// Character offset of a placeholder is counted only for the one that is reported).
    static func check(_ text: String, checker: ConditionChecker) throws(ConditionError) {
        let layout = ProseLayout(text)
        for placeholder in layout.placeholders {
            let offset = { layout.characterOffset(of: placeholder.start) }
            if let problem = placeholder.problem {
                throw ConditionError(message: problem, offset: offset())
            }
            if placeholder.scope == nil, placeholder.field == "subject" { continue }
            if let format = placeholder.format, !formats.contains(format) {
                throw ConditionError(message: "unknown format `\(DiagnosticText.excerpt(format))` (use `code`, `python`, `shell` or `items`)", offset: offset())
            }
            if placeholder.format == "items", placeholder.context != .prose || !standsAlone(placeholder, in: text) {
                throw ConditionError(message: "`|items` makes a bullet list: the placeholder must stand alone on a prose line", offset: offset())
            }
            do {
                _ = try checker.resolve(scope: placeholder.scope, field: placeholder.field, offset: 0)
            } catch {
                throw ConditionError(message: error.message, offset: offset())
            }
        }
    }

    /// The text with every placeholder replaced, built in one pass. Model values cannot change the Markdown's
    /// structure: in prose they are escaped, in code spans and fenced blocks they stay on one line and cannot
    /// close the code; in shell and Python code they are one word or one literal.
    static func fill(_ text: String, evaluator: ConditionEvaluator) -> String {
        let placeholders = ProseLayoutMemo.shared.placeholders(of: text)
        if placeholders.isEmpty { return text }
        let scalars = text.unicodeScalars
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var copied = scalars.startIndex
        var copiedOffset = 0
        for placeholder in placeholders {
            let start = scalars.index(copied, offsetBy: placeholder.start - copiedOffset)
            result += Substring(scalars[copied..<start])
            result += replacement(for: placeholder, evaluator: evaluator)
            copied = scalars.index(start, offsetBy: placeholder.end - placeholder.start)
            copiedOffset = placeholder.end
        }
        result += Substring(scalars[copied...])
        return result
    }

    static func replacement(for placeholder: ProseLayout.Placeholder, evaluator: ConditionEvaluator) -> String {
        // Text that is inert in every string of every language: shown only for catalog text that skipped the load check.
        if placeholder.problem != nil { return "[placeholder refused: not fillable here]" }
        let isSubject = placeholder.scope == nil && placeholder.field == "subject"
        let value: FactValue = isSubject ? .string(evaluator.subject.name)
            : evaluator.value(of: .fact(scope: placeholder.scope, field: placeholder.field, offset: 0))
        switch placeholder.context {
        case .shell:
            if !isSubject, let standIn = evaluator.shellStandIn(scope: placeholder.scope, field: placeholder.field) {
                return standIn
            }
            return value.shellWords
        case .python: return value.pythonLiteral
        case .prose, .codeSpan, .codeBlock: break
        }
        let context = placeholder.context
        if isSubject { return safe(evaluator.subject.name, in: context) }
        // A value the model does not give reads as the variable the report defines once (`$BASE_URL`), never "(not described)".
        if !value.isKnown, let standIn = evaluator.shellStandIn(scope: placeholder.scope, field: placeholder.field),
           let variable = CommandVariable.allCases.first(where: { $0.reference == standIn }) {
            return safe("$" + variable.rawValue, in: context)
        }
        // A long list in prose names its first elements and counts the rest: a model with thousands of
        // endpoints would otherwise repeat all of them in every sentence that names them.
        let isText = (context == .prose || context == .codeSpan) && !["python", "shell"].contains(placeholder.format ?? "")
        let shown = isText ? value.cappedForProse : value
        switch placeholder.format {
        case "items":
            let items: [String] = if case .list(let values) = shown { values } else { shown.isKnown ? [shown.plainText] : [] }
            return items.map { "- " + MarkdownEscaping.inline(MarkdownEscaping.singleLine($0)) }.joined(separator: "\n")
        case "code":
            if case .list(let items) = shown, context == .prose {
                let more = shown != value ? items.last : nil   // "and 4990 more" is prose, not a name
                return items.dropLast(more == nil ? 0 : 1).map { MarkdownEscaping.codeSpan($0) }.joined(separator: ", ")
                    + (more.map { " " + MarkdownEscaping.inline($0) } ?? "")
            } else if context == .prose, shown.isKnown {
                return MarkdownEscaping.codeSpan(shown.plainText)
            }
            return safe(shown.plainText, in: context)
        case "python": return safe(shown.pythonLiteral, in: context)
        case "shell": return safe(shown.shellWords, in: context)
        default: return safe(shown.plainText, in: context)
        }
    }

    /// Whether only blanks share the placeholder's line (offsets are Unicode scalar offsets).
    private static func standsAlone(_ placeholder: ProseLayout.Placeholder, in text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let before = scalars[..<placeholder.start].reversed().prefix { $0 != "\n" }
        let after = scalars[placeholder.end...].prefix { $0 != "\n" }
        return (Array(before) + Array(after)).allSatisfy { $0 == " " || $0 == "\t" }
    }

    static func safe(_ value: String, in context: ProseLayout.Context) -> String {
        switch context {
        case .prose: return MarkdownEscaping.inline(value)
        // Scalar by scalar: a backtick followed by a combining mark is still a backtick to Markdown.
        case .codeSpan: return replacingFenceCharacters(in: MarkdownEscaping.singleLine(value), minimumRun: 1)
        case .codeBlock, .shell, .python: return replacingFenceCharacters(in: MarkdownEscaping.singleLine(value), minimumRun: 3)
        }
    }

    /// `text` with every run of at least `minimumRun` backticks (or tildes, for runs of three or more)
    /// turned into apostrophes (hyphens), read scalar by scalar: a code span cannot be closed
    /// (`minimumRun` 1) and no fence can be opened or closed (3).
    static func replacingFenceCharacters(in text: String, minimumRun: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let replaceable = scalar == "`" || (scalar == "~" && minimumRun >= 3)
            guard replaceable else { result.append(scalar); index += 1; continue }
            var end = index
            while end < scalars.count, scalars[end] == scalar { end += 1 }
            let run = end - index
            let replacement: Unicode.Scalar = run >= minimumRun ? (scalar == "`" ? "'" : "-") : scalar
            for _ in 0..<run { result.append(replacement) }
            index = end
        }
        return String(result)
    }
}
