/// Findings with one root cause, shown as one item: the same threat on the same model element in several
/// environments (`TS-HDR-001@middleware#preview` and `#production`), or the same threat on several
/// endpoints (`TS-ROUTE-009@routers[1].endpoints[0]` and `[1]`).
///
/// Only the documents group; the machine-readable exports keep one result per finding id.
struct FindingGroup: Sendable, Equatable {
    /// The findings it merges, most severe first, then the most production-like environment first.
    var members: [Finding]
    /// `THREAT-ID@model.path` without the environment: stable across runs and environments.
    var id: String
    /// Whether the members are different endpoints (rather than one element in different environments).
    var isAcrossEndpoints: Bool

    /// The finding whose prose the item shows: the most severe in the most production-like environment.
    var representative: Finding { members[0] }
    var severity: Severity { representative.severity }
    /// Environments where any member holds, in model order.
    func environments(in order: [String]) -> [String] {
        order.filter { name in members.contains { $0.environments.contains(name) } }
    }
    /// The distinct elements (`routers[1].endpoints[0]`) of the members, in first-seen order.
    var rootIDs: [String] {
        var ids: [String] = []
        var seen: Set<String> = []
        for member in members {
            let id = Self.rootID(of: member)
            if seen.insert(id).inserted { ids.append(id) }
        }
        return ids
    }

    /// `THREAT-ID@model.path` of a finding, without `#environment`.
    static func rootID(of finding: Finding) -> String { "\(finding.threatID)@\(finding.subjectPath)" }

    /// One group per root cause, ranked for the reader: severity, then confidence (clear-cut first), then
    /// exposure (the most production-like environment first), then the number of environments; the id
    /// only breaks the remaining ties.
    static func grouping(_ findings: [Finding], environments: [ResolvedEnvironment]) -> [FindingGroup] {
        let exposure = { (finding: Finding) in
            finding.environments.map { name in rank(of: environments.first { $0.name == name }?.kind) }.max() ?? 0
        }
        let order = { (left: Finding, right: Finding) -> Bool in
            if left.severity != right.severity { return left.severity > right.severity }
            if exposure(left) != exposure(right) { return exposure(left) > exposure(right) }
            return left.id < right.id
        }
        // Same element in several environments.
        var byElement: [String: [Finding]] = [:]
        var elementOrder: [String] = []
        for finding in findings {
            let key = rootID(of: finding)
            if byElement[key] == nil { elementOrder.append(key) }
            byElement[key, default: []].append(finding)
        }
        // Same threat on several endpoints.
        var byThreat: [String: [String]] = [:]
        for key in elementOrder where isEndpoint(byElement[key]![0].subjectPath) {
            byThreat[byElement[key]![0].threatID, default: []].append(key)
        }
        var groups: [FindingGroup] = []
        var done: Set<String> = []
        for key in elementOrder where !done.contains(key) {
            let first = byElement[key]![0]
            let keys = isEndpoint(first.subjectPath) ? byThreat[first.threatID] ?? [key] : [key]
            done.formUnion(keys)
            let members = keys.flatMap { byElement[$0]! }.sorted(by: order)
            groups.append(FindingGroup(members: members, id: rootID(of: members[0]), isAcrossEndpoints: keys.count > 1))
        }
        let confidence = { (group: FindingGroup) in group.representative.confidence == .clearCut ? 1 : 0 }
        return groups.sorted { left, right in
            if left.severity != right.severity { return left.severity > right.severity }
            if confidence(left) != confidence(right) { return confidence(left) > confidence(right) }
            let (l, r) = (exposure(left.representative), exposure(right.representative))
            if l != r { return l > r }
            let (lc, rc) = (Set(left.members.flatMap(\.environments)).count, Set(right.members.flatMap(\.environments)).count)
            if lc != rc { return lc > rc }
            return left.id < right.id
        }
    }

    /// Production first, then staging, then an environment of unstated kind, then the rest.
    static func rank(of kind: EnvironmentKind?) -> Int {
        switch kind {
        case .production?: 3
        case .staging?: 2
        case nil: 1
        default: 0
        }
    }

    /// `routers[0].endpoints[2]` and the like: one route among many.
    private static func isEndpoint(_ path: ModelPath) -> Bool {
        guard let last = path.description.split(separator: ".").last else { return false }
        return last.hasPrefix("endpoints[") && last.hasSuffix("]")
    }
}
