/// Appendix D: every endpoint of an item whose endpoint table stops after `VariationTableView.maximumRows`
/// rows, grouped by router, so that the report still names each affected endpoint.
public struct AffectedEndpointsView: Sendable, Equatable {
    public var id: Code
    /// The item's anchor, which the appendix links back to.
    public var anchor: String
    public var title: String
    public var count: Int
    public var routers: [RouterEndpointsView]
}

/// The affected endpoints of one router: its prefix once, then each endpoint's methods and path under it.
public struct RouterEndpointsView: Sendable, Equatable {
    /// The router's prefix (`/r12`), else its name or model path and `(no prefix)`.
    public var router: Code
    /// `GET /; GET, POST /item1`: each endpoint's methods and its path under the prefix, joined by `; `.
    public var endpoints: Code
}

extension AffectedEndpointsView {
    /// The section's HTML anchor.
    static let anchor = "affected-endpoints"

    /// The appendix entry of `group` (shown as `item`), or `nil` when its endpoint table names every endpoint.
    init?(_ group: FindingGroup, item: FindingView, model: ArchitectureModel) {
        guard group.isAcrossEndpoints, item.variations?.more != nil else { return nil }
        let routers = model.routers ?? []
        var order: [String] = []
        var lines: [String: [String]] = [:]
        var labels: [String: String] = [:]
        var seen: Set<ModelPath> = []
        // In model order (the members are ranked by severity, then id), an element outside `routers` last.
        let position = { (path: ModelPath) -> [Int] in
            path.components.count == 4 ? path.components.compactMap { if case .index(let i) = $0 { i } else { nil } } : [Int.max]
        }
        let members = group.members.filter { seen.insert($0.subjectPath).inserted }
            .sorted { position($0.subjectPath).lexicographicallyPrecedes(position($1.subjectPath)) }
        for member in members {
            let components = member.subjectPath.components
            var key = "other"
            var label = "other"
            var entry = member.subjectName
            if components.count == 4, components[0] == .key("routers"), case .index(let r) = components[1],
               components[2] == .key("endpoints"), case .index(let e) = components[3],
               routers.indices.contains(r), routers[r].endpoints.indices.contains(e) {
                let router = routers[r]
                let endpoint = router.endpoints[e]
                key = "routers[\(r)]"
                label = router.prefix.flatMap { $0.isEmpty ? nil : $0 } ?? "\(router.name ?? key) (no prefix)"
                // Under a prefix the path is written relative to it; `prefix + path` is the full path.
                let path = router.prefix.map { _ in endpoint.path.isEmpty || endpoint.path.hasPrefix("/") ? endpoint.path : "/" + endpoint.path }
                    ?? RouteTable.join("", endpoint.path)
                entry = "\(endpoint.methods.map { $0.uppercased() }.joined(separator: ", ")) \(path.isEmpty ? "(the prefix)" : path)"
            }
            if lines[key] == nil { order.append(key); labels[key] = label }
            lines[key, default: []].append(entry)
        }
        self.init(
            id: item.idCode, anchor: item.anchor, title: item.title, count: seen.count,
            routers: order.map { RouterEndpointsView(router: Code(labels[$0]!), endpoints: Code(lines[$0]!.joined(separator: "; "))) })
    }
}
