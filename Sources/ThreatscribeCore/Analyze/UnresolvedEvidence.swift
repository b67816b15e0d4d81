/// Findings that rest on a value the model leaves unresolved (`{unresolved: …}`) become findings to
/// confirm: the value is unknown, so a finding computed from the default it would otherwise take is
/// neither a clear-cut claim nor a reason to call the part safe.
enum UnresolvedEvidence {
    /// `findings` with every one whose evidence reads an unresolved value of one of its environments
    /// marked `judgment`, that evidence shown as unresolved, and a paragraph naming what to confirm.
    static func marked(_ findings: [Finding], in environments: [ResolvedEnvironment]) -> [Finding] {
        guard environments.contains(where: { !($0.model.unresolved ?? []).isEmpty }) else { return findings }
        return findings.map { finding in
            // A finding about the unresolved values themselves (TS-CORS-021) already says so.
            guard !finding.evidence.contains(where: { $0.fact?.hasPrefix("unresolved") == true }) else { return finding }
            var finding = finding
            var unknown: [UnresolvedValue] = []
            for environment in environments where finding.environments.contains(environment.name) {
                for value in environment.model.unresolved ?? [] where !unknown.contains(value) {
                    guard finding.evidence.contains(where: { value.path.isPrefix(of: $0.path) }) else { continue }
                    unknown.append(value)
                }
            }
            guard !unknown.isEmpty else { return finding }
            finding.confidence = .judgment
            for index in finding.evidence.indices {
                guard let value = unknown.first(where: { $0.path.isPrefix(of: finding.evidence[index].path) }) else { continue }
                finding.evidence[index].value = "(unresolved: \(value.expression))"
                if let source = value.source, let reference = CodeReference(parsing: source) {
                    finding.evidence[index].codeLocation = reference.location
                }
            }
            let cited = unknown.map { value in
                MarkdownEscaping.codeSpan(value.path.description) + " is computed by the code as "
                    + MarkdownEscaping.codeSpan(value.expression) + (value.source.map { " (" + MarkdownEscaping.inline(MarkdownEscaping.singleLine($0)) + ")" } ?? "")
            }
            finding.description = "**To confirm:** " + cited.joined(separator: "; ")
                + ", and the model leaves it unresolved. This finding assumes the value the analysis takes when it is not set; it holds only if that is what the code computes. State the value in the model to settle it.\n\n"
                + finding.description
            return finding
        }
    }
}

extension ModelPath {
    /// Whether `self` is `other` or one of its ancestors.
    func isPrefix(of other: ModelPath) -> Bool {
        other.components.starts(with: components)
    }
}
