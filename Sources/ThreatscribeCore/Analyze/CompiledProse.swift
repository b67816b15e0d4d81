/// A catalog prose text split at its placeholders once per run: filling it joins the literal parts with
/// each placeholder's replacement, as `ProseTemplate.fill` and `ProseTemplate.plainText` write it,
/// without looking the placeholders up or walking the text again for every finding.
struct CompiledProse: Sendable {
    /// The text as the catalog writes it.
    let text: String
    let placeholders: [ProseLayout.Placeholder]
    /// The text before, between and after the placeholders (one more than `placeholders`).
    let literals: [String]
    /// `literals` without backticks, as `ProseTemplate.plainText` copies them.
    let plainLiterals: [String]

    init(_ text: String) {
        self.text = text
        placeholders = ProseLayoutMemo.shared.placeholders(of: text)
        let scalars = Array(text.unicodeScalars)
        var literals: [String] = []
        var copied = 0
        for placeholder in placeholders {
            literals.append(String(String.UnicodeScalarView(scalars[copied..<placeholder.start])))
            copied = placeholder.end
        }
        literals.append(String(String.UnicodeScalarView(scalars[copied...])))
        self.literals = literals
        plainLiterals = literals.map { literal in String(String.UnicodeScalarView(literal.unicodeScalars.filter { $0 != "`" })) }
    }

    /// `ProseTemplate.fill(text, evaluator:)`.
    func filled(_ evaluator: ConditionEvaluator) -> String {
        if placeholders.isEmpty { return text }
        var result = literals[0]
        result.reserveCapacity(text.utf8.count)
        for (index, placeholder) in placeholders.enumerated() {
            result += ProseTemplate.replacement(for: placeholder, evaluator: evaluator)
            result += literals[index + 1]
        }
        return result
    }

    /// `ProseTemplate.plainText(text, evaluator:)`.
    func plainText(_ evaluator: ConditionEvaluator) -> String {
        var result = plainLiterals[0]
        for (index, placeholder) in placeholders.enumerated() {
            result += ProseTemplate.plainValue(of: placeholder, evaluator: evaluator)
            result += plainLiterals[index + 1]
        }
        return MarkdownEscaping.singleLine(result)
    }
}

/// The prose texts of one catalog entry, compiled (`CompiledProse`); shared, not copied, by the findings
/// filled from it.
final class EntryProse: Sendable {
    let title: CompiledProse
    let description: CompiledProse
    let impactText: CompiledProse
    let mitigation: CompiledProse
    let validation: CompiledProse

    init(_ entry: CatalogEntry) {
        title = CompiledProse(entry.title)
        description = CompiledProse(entry.description)
        impactText = CompiledProse(entry.impactText)
        mitigation = CompiledProse(entry.mitigation)
        validation = CompiledProse(entry.validation)
    }
}
