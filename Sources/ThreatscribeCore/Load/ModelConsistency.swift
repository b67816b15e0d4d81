/// Checks that go beyond one value's type: the format version, unique ids and names,
/// and references between elements (auth ids, data flow ends, trust boundary members).
struct ModelConsistency {
    let schema: ModelSchema
    private(set) var problems: [Diagnostic] = []

    /// Lists whose ids share one namespace: the ends of data flows and members of trust boundaries.
    static let elementLists = ["clients", "data_stores", "external_services"]
    /// The id that names the service itself.
    static let serviceId = "api"
    /// The auth value of a deliberately public route.
    static let publicAuth = "none"

    init(schema: ModelSchema) { self.schema = schema }

    /// A value that names another element, as the whole-tree walk meets it.
    struct ReferenceSite {
        var scalar: LocatedScalar
        var kind: ModelReferenceKind
        var path: ModelPath
    }

    /// The references of each top-level section of the last tree checked whole, in walk order.
    private(set) var referenceSites: [String: [ReferenceSite]] = [:]

    /// Checks a whole tree.
    mutating func check(_ root: LocatedNode) {
        check(root, walking: { _ in true }, replaying: [:])
    }

    /// Checks an environment's merged tree whose top-level keys `changed` differ from the base's, given
    /// the base's `referenceSites`; reports what `check(_:)` of the whole merged tree reports, except
    /// problems the base check reported at the same places.
    ///
    /// Unique ids, mount paths and regex bounds are checked within one section, so an unchanged section
    /// gives the base's problems again; a reference depends on the whole tree (the auth ids, element ids,
    /// environment names and paths it may name), so every section's references are checked again: an
    /// unchanged section's from the base's sites, which are the same scalars at the same paths.
    mutating func check(_ merged: LocatedNode, changing changed: Set<String>, baseSites: [String: [ReferenceSite]]) {
        check(merged, walking: { changed.contains($0) }, replaying: baseSites)
    }

    private mutating func check(_ root: LocatedNode, walking walked: (String) -> Bool, replaying baseSites: [String: [ReferenceSite]]) {
        checkVersion(root)
        checkMountedApps(root)
        let elementIds = checkElementIds(root)
        let authIds = ids(in: root["auth"])
        let environmentNames = root["environments"]?.items.map { items in
            items.compactMap { $0["name"]?.scalarValue?.text }
        } ?? ["default"]
        referenceSites = [:]
        for entry in root.entries ?? [] {
            let sites: [ReferenceSite]
            if walked(entry.key) {
                sites = walk(section: entry)
                referenceSites[entry.key] = sites
            } else {
                sites = baseSites[entry.key] ?? []
            }
            for site in sites {
                switch site.kind {
                case .environment: checkEnvironment(site.scalar, at: site.path, names: environmentNames)
                case .modelPath: checkModelPath(site.scalar, at: site.path, root: root)
                case .authMechanism, .element: checkReference(site.scalar, kind: site.kind, at: site.path, authIds: authIds, elementIds: elementIds)
                }
            }
        }
    }

    /// One pass over a top-level section: duplicate ids and regex bounds are reported, references collected.
    private mutating func walk(section entry: LocatedEntry) -> [ReferenceSite] {
        var sites: [ReferenceSite] = []
        var found: [Diagnostic] = []
        SchemaWalk(schema: schema).visit(section: entry) { visit in
            found += Self.duplicateKeys(visit, schema: schema)
            found += Self.originRegexBounds(visit)
            if let kind = visit.property?.reference, let scalar = visit.node.scalarValue, scalar.kind == .string {
                sites.append(ReferenceSite(scalar: scalar, kind: kind, path: visit.path))
            }
        }
        problems += found
        return sites
    }

    /// An `allow_origin_regex` beyond what threatscribe evaluates (length, nesting, repeat counts) is an
    /// error here, at its place; other regex problems are findings about the modelled app.
    private static func originRegexBounds(_ visit: SchemaWalk.Visit) -> [Diagnostic] {
        guard visit.property?.key == "allow_origin_regex", let scalar = visit.node.scalarValue, scalar.kind == .string else { return [] }
        do throws(CORSConfigurationError) { _ = try OriginRegex(scalar.text) } catch {
            if case .regexTooComplex = error { return [Diagnostic(.error, error.description, at: scalar.location)] }
        }
        return []
    }

    /// Each `apps[]` item says how requests reach it: a mount path starting with `/` (Starlette
    /// asserts it), a host, or both (`Host("api.example.com", app=Router([Mount("/v1", api)]))`).
    private mutating func checkMountedApps(_ root: LocatedNode) {
        for (index, item) in (root["apps"]?.items ?? []).enumerated() {
            let mount = item["mount"]?.scalarValue, host = item["host"]?.scalarValue
            switch (mount, host) {
            case (nil, nil):
                report("`apps[\(index)]` needs `mount` (the path of `app.mount(...)`) or `host` (the name of `Host(...)`)", at: item.location)
            case (let mount?, _):
                if !mount.text.hasPrefix("/") {
                    report("`apps[\(index)].mount` must start with `/` (Starlette refuses \"\(mount.text)\"); write \"/\(mount.text)\"", at: mount.location)
                }
            case (nil, _?):
                break
            }
        }
    }

    private mutating func checkVersion(_ root: LocatedNode) {
        guard let scalar = root["threatscribe"]?.scalarValue, scalar.kind == .int, scalar.intValue != schema.version else { return }
        report("unsupported format version `threatscribe: \(DiagnosticText.excerpt(scalar.text))`; this threatscribe reads version \(schema.version)", at: scalar.location)
    }

    /// Duplicate `id`s (or environment `name`s) within one list.
    private static func duplicateKeys(_ visit: SchemaWalk.Visit, schema: ModelSchema) -> [Diagnostic] {
        guard case .list(.object(let name)) = visit.type, let key = schema.object(named: name)?.uniqueKey,
              let items = visit.node.items else { return [] }
        var found: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard let scalar = item[key]?.scalarValue, scalar.kind == .string else { continue }
            if let first = seen[scalar.text] {
                let noun = key == "id" ? "id" : "\(key)"
                found.append(Diagnostic(.error, "duplicate \(noun) `\(DiagnosticText.excerpt(scalar.text))` in \(visit.path.appending(index)); already used by \(visit.path.appending(first))", at: scalar.location))
            } else {
                seen[scalar.text] = index
            }
        }
        return found
    }

    /// Ids of clients, data stores and external services, which share one namespace; reports clashes between lists.
    private mutating func checkElementIds(_ root: LocatedNode) -> [String] {
        var firstUse: [String: ModelPath] = [:]
        var order: [String] = []
        for list in Self.elementLists {
            for (index, item) in (root[list]?.items ?? []).enumerated() {
                guard let scalar = item["id"]?.scalarValue, scalar.kind == .string else { continue }
                let path = ModelPath.root.appending(list).appending(index)
                if scalar.text == Self.serviceId {
                    report("id `\(Self.serviceId)` in \(path) is reserved for the service itself; choose another", at: scalar.location)
                } else if let first = firstUse[scalar.text] {
                    if first.components.first != path.components.first {
                        report("duplicate id `\(DiagnosticText.excerpt(scalar.text))` in \(path); already used by \(first)", at: scalar.location)
                    }
                } else {
                    firstUse[scalar.text] = path
                    order.append(scalar.text)
                }
            }
        }
        return order
    }

    /// The distinct `id`s of a list's items, in file order.
    private func ids(in list: LocatedNode?) -> [String] {
        var ids: [String] = []
        for item in list?.items ?? [] {
            guard let scalar = item["id"]?.scalarValue, scalar.kind == .string, !ids.contains(scalar.text) else { continue }
            ids.append(scalar.text)
        }
        return ids
    }

    private mutating func checkReference(_ scalar: LocatedScalar, kind: ModelReferenceKind, at path: ModelPath, authIds: [String], elementIds: [String]) {
        let value = scalar.text
        switch kind {
        case .authMechanism:
            guard value != Self.publicAuth, !authIds.contains(value) else { return }
            var message = "`\(path)` refers to unknown auth mechanism `\(DiagnosticText.excerpt(value))`"
            if let suggestion = Suggestion.closest(to: value, in: authIds + [Self.publicAuth]) { message += "; did you mean `\(suggestion)`?" }
            message += authIds.isEmpty
                ? " (no `auth` mechanisms are defined; use `none` for a public route)"
                : " (ids in `auth`: \(authIds.joined(separator: ", ")); or `none` for a public route)"
            report(message, at: scalar.location)
        case .element:
            guard value != Self.serviceId, !elementIds.contains(value) else { return }
            var message = "`\(path)` refers to unknown element `\(DiagnosticText.excerpt(value))`"
            if let suggestion = Suggestion.closest(to: value, in: elementIds + [Self.serviceId]) { message += "; did you mean `\(suggestion)`?" }
            message += elementIds.isEmpty
                ? " (no clients, data_stores or external_services are defined; `api` is the service itself)"
                : " (ids in clients, data_stores and external_services: \(elementIds.joined(separator: ", ")); or `api`)"
            report(message, at: scalar.location)
        case .environment, .modelPath:
            break  // checked by checkEnvironment / checkModelPath
        }
    }

    private mutating func checkEnvironment(_ scalar: LocatedScalar, at path: ModelPath, names: [String]) {
        guard !names.contains(scalar.text) else { return }
        var message = "`\(path)` refers to unknown environment `\(scalar.text)`"
        if let suggestion = Suggestion.closest(to: scalar.text, in: names) { message += "; did you mean `\(suggestion)`?" }
        report(message + " (environments: \(names.joined(separator: ", ")))", at: scalar.location)
    }

    /// A path such as `routers[1].endpoints[0]` must lead to a value of the file.
    private mutating func checkModelPath(_ scalar: LocatedScalar, at path: ModelPath, root: LocatedNode) {
        var node: LocatedNode? = root
        var walked = ModelPath()
        for component in ModelPath(parsing: scalar.text).components {
            guard let current = node else { break }
            switch component {
            case .key(let key):
                node = current[key]
                if node == nil {
                    let keys = current.entries?.map(\.key) ?? []
                    var message = "`\(path)` names `\(scalar.text)`, but \(walked.components.isEmpty ? "the model" : "`\(walked)`") has no key `\(key)`"
                    if let suggestion = Suggestion.closest(to: key, in: keys) { message += "; did you mean `\(suggestion)`?" }
                    report(message, at: scalar.location)
                    return
                }
                walked = walked.appending(key)
            case .index(let index):
                let items = current.items ?? []
                guard items.indices.contains(index) else {
                    report("`\(path)` names `\(scalar.text)`, but `\(walked)` has \(items.count) item(s) (indices start at 0)", at: scalar.location)
                    return
                }
                node = items[index]
                walked = walked.appending(index)
            }
        }
    }

    private mutating func report(_ message: String, at location: SourceLocation) {
        problems.append(Diagnostic(.error, message, at: location))
    }
}
