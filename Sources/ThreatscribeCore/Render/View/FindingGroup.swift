/// Findings with one root cause, shown as one item: the same threat on the same model element in several
/// environments (`TS-HDR-001@middleware#preview` and `#production`), or the same threat on several
/// endpoints (`TS-ROUTE-009@routers[1].endpoints[0]` and `[1]`) or sibling elements (`TS-FLOW-006@data_stores[0]`
/// and `[1]`), or the security response header findings on one middleware (one middleware sets them all).
///
/// Only the documents group; the machine-readable exports keep one result per finding id.
struct FindingGroup: Sendable, Equatable {
    /// The findings it merges, most severe first, then the most production-like environment first.
    var members: [Finding]
    /// `THREAT-ID@model.path` without the environment: stable across runs and environments.
    var id: String
    /// Whether the members are different endpoints (rather than one element in different environments).
    var isAcrossEndpoints: Bool
    /// The item's own finding when it merges different threats or sibling elements: title, prose and fix
    /// that cover every member.
    var merged: Finding? = nil

    /// The finding whose prose the item shows: the merged finding, else the most severe in the most
    /// production-like environment.
    var representative: Finding { merged ?? members[0] }
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
        // The rank of each environment list, worked out once per distinct list (a large model has
        // thousands of findings over a handful of lists).
        let rankOf = { (names: [String]) in
            names.map { name in rank(of: environments.first { $0.name == name }?.kind) }.max() ?? 0
        }
        var ranks: [[String]: Int] = [:]
        for finding in findings where ranks[finding.environments] == nil {
            ranks[finding.environments] = rankOf(finding.environments)
        }
        let exposure = { (finding: Finding) in
            ranks[finding.environments] ?? rankOf(finding.environments)
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
        // Same threat on several endpoints or sibling elements; header findings on one middleware.
        // The family of each element's first finding, worked out once.
        var byFamily: [String: [String]] = [:]
        var familyOf: [String: String] = [:]
        for key in elementOrder {
            let first = byElement[key]![0]
            let family = SharedFix.cover(of: first, in: findings).map { familyKey(of: $0) } ?? familyKey(of: first)
            familyOf[key] = family
            byFamily[family, default: []].append(key)
        }
        var groups: [FindingGroup] = []
        var done: Set<String> = []
        for key in elementOrder where !done.contains(key) {
            let first = byElement[key]![0]
            let keys = byFamily[familyOf[key]!] ?? [key]
            done.formUnion(keys)
            var members = keys.flatMap { byElement[$0]! }.sorted(by: order)
            var merged: Finding? = nil
            if keys.count > 1, !isEndpoint(first.subjectPath) {
                let threats = Set(members.map(\.threatID))
                if threats.count == 1 {
                    merged = siblings(members)
                } else if HeaderFamily.contains(first.threatID) {
                    merged = HeaderFamily.finding(members)
                } else {
                    merged = SharedFix.finding(members)
                    // The broader finding names the item.
                    members = members.filter { $0.threatID == merged!.threatID } + members.filter { $0.threatID != merged!.threatID }
                }
                // The merged finding says what each member adds; the variation table only what differs
                // between environments.
                members = members.map { member in
                    var member = member
                    member.severity = merged!.severity
                    member.evidence = merged!.evidence
                    return member
                }
            }
            groups.append(FindingGroup(members: members, id: rootID(of: members[0]),
                                       isAcrossEndpoints: keys.count > 1 && isEndpoint(first.subjectPath), merged: merged))
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

    /// What one action fixes: a header threat on one middleware, one threat on every endpoint, one threat on
    /// sibling elements (`data_stores[0]`, `data_stores[1]`); else the finding's own element.
    private static func familyKey(of finding: Finding) -> String {
        if HeaderFamily.contains(finding.threatID) { return "headers@\(finding.subjectPath)" }
        if isEndpoint(finding.subjectPath) { return "\(finding.threatID)@endpoints" }
        if let collection = siblingCollection(finding.subjectPath) { return "\(finding.threatID)@\(collection)[]" }
        return rootID(of: finding)
    }

    /// `data_stores` for `data_stores[1]`: a top-level list element; `nil` for anything else.
    private static func siblingCollection(_ path: ModelPath) -> String? {
        let text = path.description
        guard !text.contains("."), let open = text.firstIndex(of: "["), text.hasSuffix("]") else { return nil }
        return String(text[..<open])
    }

    /// The first member, its title naming every sibling element and its fix applied to each.
    private static func siblings(_ members: [Finding]) -> Finding {
        var names: [String] = []
        for member in members where !names.contains(member.subjectName) { names.append(member.subjectName) }
        var item = members[0]
        let others = names.filter { $0 != item.subjectName }
        guard !others.isEmpty else { return item }
        let also = others.joined(separator: ", ")
        if let range = item.title.range(of: item.subjectName) {
            item.title.replaceSubrange(range, with: "\(item.subjectName) (and \(also))")
        } else {
            item.title += " (and \(also))"
        }
        for member in members { for line in member.evidence where !item.evidence.contains(line) { item.evidence.append(line) } }
        item.recommendation += "\n\nDo the same for \(others.map { MarkdownEscaping.codeSpan($0) }.joined(separator: ", "))."
        return item
    }

    /// `routers[0].endpoints[2]` and the like: one route among many.
    private static func isEndpoint(_ path: ModelPath) -> Bool {
        guard let last = path.description.split(separator: ".").last else { return false }
        return last.hasPrefix("endpoints[") && last.hasSuffix("]")
    }
}
