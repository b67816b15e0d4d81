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
        // Each finding's element and exposure worked out once, and findings handled by their index until
        // the groups are made (a large model has thousands of findings; copying them is much of the work).
        // The rank of each environment list is worked out once per distinct list.
        let rankOf = { (names: [String]) in
            names.map { name in rank(of: environments.first { $0.name == name }?.kind) }.max() ?? 0
        }
        var ranks: [[String]: Int] = [:]
        var exposures: [Int] = []
        var paths: [String] = []
        var rootIDs: [String] = []
        exposures.reserveCapacity(findings.count)
        paths.reserveCapacity(findings.count)
        rootIDs.reserveCapacity(findings.count)
        for finding in findings {
            if let known = ranks[finding.environments] {
                exposures.append(known)
            } else {
                let rank = rankOf(finding.environments)
                ranks[finding.environments] = rank
                exposures.append(rank)
            }
            let path = finding.subjectPath.description
            paths.append(path)
            rootIDs.append("\(finding.threatID)@\(path)")
        }
        let exposure = { (finding: Finding) in
            ranks[finding.environments] ?? rankOf(finding.environments)
        }
        let order = { (left: Int, right: Int) -> Bool in
            let (l, r) = (findings[left], findings[right])
            if l.severity != r.severity { return l.severity > r.severity }
            if exposures[left] != exposures[right] { return exposures[left] > exposures[right] }
            return l.id < r.id
        }
        // Same element in several environments.
        var byElement: [String: [Int]] = [:]
        var elementOrder: [String] = []
        for index in findings.indices {
            let key = rootIDs[index]
            if byElement[key] == nil { elementOrder.append(key) }
            byElement[key, default: []].append(index)
        }
        // Same threat on several endpoints or sibling elements; header findings on one middleware.
        // The family of each element's first finding, worked out once.
        var byFamily: [String: [String]] = [:]
        var familyOf: [String: String] = [:]
        for key in elementOrder {
            let first = byElement[key]![0]
            let family = SharedFix.cover(of: findings[first], in: findings).map { familyKey(of: $0) }
                ?? familyKey(of: findings[first], path: paths[first], rootID: rootIDs[first])
            familyOf[key] = family
            byFamily[family, default: []].append(key)
        }
        var groups: [FindingGroup] = []
        var done: Set<String> = []
        for key in elementOrder where !done.contains(key) {
            let first = findings[byElement[key]![0]]
            let keys = byFamily[familyOf[key]!] ?? [key]
            done.formUnion(keys)
            var members = keys.flatMap { byElement[$0]! }.sorted(by: order).map { findings[$0] }
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
                for index in members.indices {
                    members[index].severity = merged!.severity
                    members[index].evidence = merged!.evidence
                }
            }
            groups.append(FindingGroup(members: members, id: rootID(of: members[0]),
                                       isAcrossEndpoints: keys.count > 1 && isEndpoint(first.subjectPath), merged: merged))
        }
        // The ranking's keys worked out once per group, not once per comparison.
        let keys = groups.map { group in
            (confidence: group.representative.confidence == .clearCut ? 1 : 0, exposure: exposure(group.representative),
             environmentCount: Set(group.members.flatMap(\.environments)).count)
        }
        return groups.indices.sorted { left, right in
            let (lg, rg, lk, rk) = (groups[left], groups[right], keys[left], keys[right])
            if lg.severity != rg.severity { return lg.severity > rg.severity }
            if lk.confidence != rk.confidence { return lk.confidence > rk.confidence }
            if lk.exposure != rk.exposure { return lk.exposure > rk.exposure }
            if lk.environmentCount != rk.environmentCount { return lk.environmentCount > rk.environmentCount }
            return lg.id < rg.id
        }.map { groups[$0] }
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
        let path = finding.subjectPath.description
        return familyKey(of: finding, path: path, rootID: "\(finding.threatID)@\(path)")
    }

    /// `familyKey(of:)` given the finding's model path as text and its `rootID`.
    private static func familyKey(of finding: Finding, path: String, rootID: String) -> String {
        if HeaderFamily.contains(finding.threatID) { return "headers@\(path)" }
        if isEndpoint(finding.subjectPath) { return "\(finding.threatID)@endpoints" }
        if let collection = siblingCollection(path) { return "\(finding.threatID)@\(collection)[]" }
        return rootID
    }

    /// `data_stores` for `data_stores[1]`: a top-level list element; `nil` for anything else.
    private static func siblingCollection(_ text: String) -> String? {
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
        // `…endpoints[2]` read from the components when the last key is a plain name (without `.`, `[` or
        // `]`), as the text would read: the key, then one or more indices.
        let components = path.components
        if case .index? = components.last, let keyPosition = components.lastIndex(where: { if case .key = $0 { true } else { false } }),
           case .key(let key) = components[keyPosition], !key.isEmpty, !key.contains(where: { $0 == "." || $0 == "[" || $0 == "]" }) {
            return key == "endpoints"
        }
        return isEndpoint(path.description)
    }

    private static func isEndpoint(_ path: String) -> Bool {
        guard let last = path.split(separator: ".").last else { return false }
        return last.hasPrefix("endpoints[") && last.hasSuffix("]")
    }
}
