/// A catalog prose text split at its placeholders once per run: filling it joins the literal parts with
/// each placeholder's replacement, as `ProseTemplate.fill` and `ProseTemplate.plainText` write it,
/// without looking the placeholders up or walking the text again for every finding.
struct CompiledProse: Sendable {
    /// The text as the catalog writes it.
    let text: String
    let placeholders: [ProseLayout.Placeholder]
    /// The text before, between and after the placeholders (one more than `placeholders`).
    let literals: [String]
    /// `literals` without backticks, as `ProseTemplate.plainText` copies them (for a text filled as plain text).
    let plainLiterals: [String]

    /// `plainText` says whether the text is also filled as plain text (`plainText(_:)`).
    init(_ text: String, plainText: Bool = false) {
        self.text = text
        placeholders = ProseLayoutMemo.shared.placeholders(of: text)
        // Cut at the placeholders' scalar offsets in one walk, each part copied as a substring.
        let scalars = text.unicodeScalars
        var literals: [String] = []
        literals.reserveCapacity(placeholders.count + 1)
        var copied = scalars.startIndex
        var copiedOffset = 0
        for placeholder in placeholders {
            let start = scalars.index(copied, offsetBy: placeholder.start - copiedOffset)
            literals.append(String(Substring(scalars[copied..<start])))
            copied = scalars.index(start, offsetBy: placeholder.end - placeholder.start)
            copiedOffset = placeholder.end
        }
        literals.append(String(Substring(scalars[copied...])))
        self.literals = literals
        plainLiterals = !plainText ? [] : literals.map { literal in
            literal.utf8.contains(UInt8(ascii: "`")) ? String(String.UnicodeScalarView(literal.unicodeScalars.filter { $0 != "`" })) : literal
        }
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

    /// `ProseTemplate.plainText(text, evaluator:)`; the text must be compiled with `plainText: true`.
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
        title = CompiledProse(entry.title, plainText: true)
        description = CompiledProse(entry.description)
        impactText = CompiledProse(entry.impactText)
        mitigation = CompiledProse(entry.mitigation)
        validation = CompiledProse(entry.validation)
    }
}
