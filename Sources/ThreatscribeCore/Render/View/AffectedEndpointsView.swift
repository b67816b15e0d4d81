/// Appendix D: every endpoint of the items whose endpoint table stops after `VariationTableView.maximumRows`
/// rows, or whose evidence lists more endpoints than prose shows (`FactValue.proseListLimit`), so that the
/// report still names each affected endpoint. Each endpoint is named once: endpoints are grouped by the
/// items that apply to them, then by router.
public struct AffectedEndpointsView: Sendable, Equatable {
    public var items: [AffectedItemView]
    public var sections: [AffectedSectionView]
}

/// An item of the appendix, with its short label (`D1`) and how many endpoints it applies to.
public struct AffectedItemView: Sendable, Equatable {
    public var label: String
    public var id: Code
    /// The item's anchor, which the appendix links back to.
    public var anchor: String
    public var title: String
    public var count: Int
}

/// The endpoints that exactly `items` apply to, by router.
public struct AffectedSectionView: Sendable, Equatable {
    public var items: [AffectedItemView]
    public var count: Int
    public var routers: [RouterEndpointsView]
}

/// Endpoints of one router: its prefix once, then each endpoint's methods and path under it.
public struct RouterEndpointsView: Sendable, Equatable {
    /// The router's prefix (`/r12`), else its name or model path and `(no prefix)`.
    public var router: Code
    /// `GET /; GET, POST /item1`: each endpoint's methods and its path under the prefix, joined by `; `.
    public var endpoints: Code
}

extension AffectedEndpointsView {
    /// The appendix for `items` (one per group of `groups`), or `nil` when every item names all its endpoints.
    /// `index` is the model's (`EndpointIndex(model:)`), when already made.
    init?(groups: [FindingGroup], items: [FindingView], model: ArchitectureModel, index: EndpointIndex? = nil) {
        let index = index ?? EndpointIndex(model: model)
        var listed: [AffectedItemView] = []
        var itemsOf: [EndpointIndex.Place: [Int]] = [:]
        for (group, item) in zip(groups, items) {
            guard let places = Self.places(of: group, shownAs: item, index: index) else { continue }
            for place in places { itemsOf[place, default: []].append(listed.count) }
            listed.append(AffectedItemView(label: "D\(listed.count + 1)", id: item.idCode, anchor: item.anchor, title: item.title, count: places.count))
        }
        guard !listed.isEmpty else { return nil }
        var placesOf: [[Int]: [EndpointIndex.Place]] = [:]
        for (place, set) in itemsOf { placesOf[set, default: []].append(place) }
        let routers = model.routers ?? []
        self.init(items: listed, sections: placesOf.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { set in
            let places = placesOf[set]!.sorted()
            return AffectedSectionView(items: set.map { listed[$0] }, count: places.count, routers: Self.lines(places, routers: routers))
        })
    }

    /// The endpoints of `group` (shown as `item`) without repeats, or `nil` when the item names all of them.
    private static func places(of group: FindingGroup, shownAs item: FindingView, index: EndpointIndex) -> Set<EndpointIndex.Place>? {
        var places: Set<EndpointIndex.Place> = []
        if group.isAcrossEndpoints {
            guard item.variations?.more != nil else { return nil }
            for member in group.members { places.insert(index.place(of: member.subjectPath) ?? EndpointIndex.Place(name: member.subjectName)) }
        } else {
            for member in group.members {
                for evidence in member.evidence { places.formUnion(index.places(listedIn: evidence.value) ?? []) }
            }
        }
        return places.isEmpty ? nil : places
    }

    /// One line per router of `places` (sorted), in model order; names that are no endpoint of the model last.
    private static func lines(_ places: [EndpointIndex.Place], routers: [Router]) -> [RouterEndpointsView] {
        var order: [Int] = []
        var lines: [Int: [String]] = [:]
        for place in places {
            if lines[place.router] == nil { order.append(place.router) }
            guard place.router < routers.count else {
                lines[place.router, default: []].append(place.name)
                continue
            }
            let router = routers[place.router]
            let endpoint = router.endpoints[place.endpoint]
            let methods = endpoint.methods.map { $0.uppercased() }.joined(separator: ", ")
            // Under a prefix the path is written relative to it: `prefix + path` is the full path.
            let path = hasPrefix(router) ? (endpoint.path.isEmpty || endpoint.path.hasPrefix("/") ? endpoint.path : "/" + endpoint.path)
                                         : RouteTable.join("", endpoint.path)
            lines[place.router, default: []].append("\(methods) \(path.isEmpty ? "(the prefix)" : path)")
        }
        return order.map { position in
            let label = position >= routers.count ? "other"
                : hasPrefix(routers[position]) ? routers[position].prefix!
                : "\(routers[position].name ?? "routers[\(position)]") (no prefix)"
            return RouterEndpointsView(router: Code(label), endpoints: Code(lines[position]!.joined(separator: "; ")))
        }
    }

    private static func hasPrefix(_ router: Router) -> Bool { !(router.prefix ?? "").isEmpty }
}

/// The model's endpoints by where they are and by the name findings list them under (`GET, POST /r0/item1`).
struct EndpointIndex {
    /// An endpoint: `routers[router].endpoints[endpoint]`, or a name that is no endpoint of the model (ordered last).
    struct Place: Hashable, Comparable {
        var router = Int.max
        var endpoint = Int.max
        var name = ""

        static func < (left: Place, right: Place) -> Bool {
            (left.router, left.endpoint, left.name) < (right.router, right.endpoint, right.name)
        }
    }

    private var routers: [Router]
    /// Each endpoint by its name as a Python string literal, as list values of evidence write it; the first
    /// endpoint of a name (Starlette matches routes in order).
    private var byLiteral: [String: Place] = [:]

    init(model: ArchitectureModel) {
        routers = model.routers ?? []
        for (r, router) in routers.enumerated() {
            for (e, endpoint) in router.endpoints.enumerated() {
                let name = "\(endpoint.methods.map { $0.uppercased() }.joined(separator: ", ")) \(RouteTable.join(router.prefix ?? "", endpoint.path))"
                let literal = PythonLiteral.string(name)
                if byLiteral[literal] == nil { byLiteral[literal] = Place(router: r, endpoint: e) }
            }
        }
    }

    /// `routers[r].endpoints[e]` of the model, or `nil` for any other path.
    func place(of path: ModelPath) -> Place? {
        let c = path.components
        guard c.count == 4, c[0] == .key("routers"), c[2] == .key("endpoints"), case .index(let r) = c[1], case .index(let e) = c[3],
              routers.indices.contains(r), routers[r].endpoints.indices.contains(e) else { return nil }
        return Place(router: r, endpoint: e)
    }

    /// The endpoints a Python list literal of more than `FactValue.proseListLimit` strings names (prose shows
    /// only the first ones), or `nil` when it is no such list or an element is not an endpoint of the model.
    func places(listedIn value: String) -> [Place]? {
        guard value.hasPrefix("[\""), value.hasSuffix("\"]") else { return nil }
        var places: [Place] = []
        var index = value.index(after: value.startIndex)
        while index < value.endIndex, value[index] == "\"" {
            var end = value.index(after: index)
            while end < value.endIndex, value[end] != "\"" {
                end = value.index(after: value[end] == "\\" && value.index(after: end) < value.endIndex ? value.index(after: end) : end)
            }
            guard end < value.endIndex, let place = byLiteral[String(value[index...end])] else { return nil }
            places.append(place)
            index = value.index(after: end)
            if value[index...].hasPrefix(", ") { index = value.index(index, offsetBy: 2) } else { break }
        }
        guard index < value.endIndex, value[index] == "]", value.index(after: index) == value.endIndex,
              places.count > FactValue.proseListLimit else { return nil }
        return places
    }
}
