/// Findings whose fix is part of another finding's fix: moving every runtime secret into a Secret also moves
/// each data store's credentials; a NetworkPolicy that admits only the ingress controller also stops clients
/// bypassing the proxy. When both are reported, the report shows one item, under the broader finding.
enum SharedFix {
    /// The broader threat, keyed by the threats its fix covers.
    static let coveredBy: [String: String] = [
        "TS-FLOW-006": "TS-DEPLOY-004",  // Kubernetes Secret (`envFrom: secretRef`) for every runtime secret
        "TS-SRV-009": "TS-DEPLOY-002",   // NetworkPolicy: ingress only from the ingress controller
    ]

    /// The finding of the broader threat `finding` is covered by, when `findings` has one that holds in every
    /// environment where `finding` does.
    static func cover(of finding: Finding, in findings: [Finding]) -> Finding? {
        guard let broader = coveredBy[finding.threatID] else { return nil }
        let covering = findings.filter { $0.threatID == broader }
        guard Set(finding.environments).isSubset(of: Set(covering.flatMap(\.environments))) else { return nil }
        return covering.first
    }

    /// The item for `members`: the broader finding's prose, its fix naming each finding it also fixes.
    static func finding(_ members: [Finding]) -> Finding {
        let broader = members.first { coveredBy[$0.threatID] == nil } ?? members[0]
        var item = broader
        var covered: [String] = []
        for member in members where member.threatID != broader.threatID {
            let title = MarkdownEscaping.singleLine(EnvironmentFreeTitle.title(member.title, environments: member.environments))
            let line = "- \(MarkdownEscaping.codeSpan(FindingGroup.rootID(of: member))): \(title) (\(member.severity.label))"
            if !covered.contains(line) { covered.append(line) }
        }
        for member in members { for line in member.evidence where !item.evidence.contains(line) { item.evidence.append(line) } }
        item.severity = members.map(\.severity).max() ?? item.severity
        item.recommendation += "\n\nThis also fixes:\n\n" + covered.joined(separator: "\n")
        return item
    }
}
