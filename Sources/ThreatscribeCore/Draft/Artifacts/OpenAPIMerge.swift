import Foundation

/// An OpenAPI document merged into the endpoints the code shows: an operation confirms the
/// endpoint with its path and method, gives it the auth its security requirement names when the
/// code left that unresolved (a dependency not followed), and is added, citing the document's
/// line, when the code shows no such endpoint and the document states its security (an operation
/// without a requirement is a question: absent `security` does not mean public). A document that
/// matches none of the code's endpoints, or, when the code shows none, is not titled as its app, is
/// not merged. An operation that requires auth on an
/// endpoint the code shows as public is a conflict.
extension MergeState {
    /// Where an endpoint sits in the draft: `routers[r].endpoints[e]`, or `apps[a].routers[r]…`.
    struct EndpointPlace {
        var app: Int?
        var router: Int
        var endpoint: Int
        var keys: Set<String>
        var methods: Set<String>
    }

    mutating func merge(openAPI document: OpenAPIDescription, file: String) {
        let places = endpointPlaces()
        let basePaths = Set(document.servers.compactMap { Self.path(ofServer: $0.url) })
        var schemeIDs: [String: String] = [:]
        func ids(_ names: [String]) -> [String] {
            orderedUnique(names.compactMap { name in
                if let id = schemeIDs[name] { return id }
                guard let scheme = document.schemes.first(where: { $0.name == name }) else { return nil }
                let id = mechanismID(for: scheme, file: file)
                schemeIDs[name] = id
                return id
            })
        }
        var matched = 0, filled = 0
        var unmatched: [OpenAPIDescription.Operation] = []
        let before = conflicts.count
        for operation in document.operations {
            let keys = Set([Self.key(operation.path)] + basePaths.map { Self.key($0 + operation.path) })
            let names = orderedUnique((operation.security ?? document.security ?? []).flatMap { $0.map(\.scheme) })
            let line = "\(file):\(operation.location.line)"
            let candidates = places.filter { !$0.keys.isDisjoint(with: keys) && $0.methods.contains(operation.method) }
            guard !candidates.isEmpty else {
                unmatched.append(operation)
                continue
            }
            matched += 1
            for place in candidates {
                var endpoint = self.endpoint(at: place)
                let codeAuth = endpoint["auth"]?.shownText
                let unresolved = codeAuth == "unknown" || codeAuth == nil && endpoint["auth_any"] == nil
                    && endpoint.notes.contains { $0.hasPrefix("dependency not followed") }
                let routerAuth = !(router(at: place)["dependencies"]?.items ?? []).isEmpty
                guard !names.isEmpty, !routerAuth, codeAuth == nil || codeAuth == "unknown" || codeAuth == "none", endpoint["auth_any"] == nil else { continue }
                if unresolved {
                    let found = ids(names)
                    guard !found.isEmpty else { continue }
                    endpoint["auth"] = nil
                    if found.count == 1 { endpoint["auth"] = .string(found[0], comment: "\(line) security: the code's dependency was not followed") }
                    else { endpoint["auth_any"] = .strings(found, comment: "\(line) security: the code's dependency was not followed") }
                    if let source = endpoint["source"] { endpoint["source"] = nil; endpoint["source"] = source }
                    setEndpoint(endpoint, at: place)
                    filled += 1
                } else {
                    conflicts.append("\(operation.method) \(operation.path): the code (\(endpoint["source"]?.shownText ?? "?")) shows no authentication, \(line) requires \(names.joined(separator: " or "))")
                }
            }
        }
        var added: [DraftNode] = []
        var unstated: [String] = []
        let codeTitle = model["app"]?["title"]?.shownText
        if matched == 0 && !places.isEmpty {
            // A document that describes none of the code's endpoints is another service's, or stale.
            questions.append("\(file) describes none of the code's \(places.count) endpoints: is it another service's API, or out of date? Its \(document.operations.count) operations were not added.")
        } else if places.isEmpty, codeTitle == nil || codeTitle?.lowercased() != document.title?.lowercased() {
            // Without endpoints to compare, only the app's title ties the document to this service.
            questions.append("The code shows no endpoints and \(file) (\(document.title ?? "untitled")) is not titled as the app: is it this service's API? Its \(document.operations.count) operations were not added.")
        } else {
            for operation in unmatched {
                guard let requirements = operation.security ?? document.security else {
                    // No security requirement in the document says nothing about the operation's auth.
                    unstated.append("\(operation.method) \(operation.path) (\(file):\(operation.location.line))")
                    continue
                }
                var endpoint = DraftNode.mapping([("path", .string((basePaths.count == 1 ? basePaths.first! : "") + operation.path)),
                                                  ("methods", .strings([operation.method]))])
                let found = ids(orderedUnique(requirements.flatMap { $0.map(\.scheme) }))
                if requirements.isEmpty || requirements.contains(where: \.isEmpty) && found.isEmpty {
                    endpoint["auth"] = .string("none", comment: "security: []")
                } else if found.count == 1 {
                    endpoint["auth"] = .string(found[0])
                } else if found.count > 1 {
                    endpoint["auth_any"] = .strings(found)
                } else {
                    unstated.append("\(operation.method) \(operation.path) (\(file):\(operation.location.line))")
                    continue
                }
                endpoint["source"] = .string("\(file):\(operation.location.line)")
                added.append(endpoint)
            }
        }
        if !unstated.isEmpty {
            questions.append("\(unstated.count) operations of \(file) the code does not show state no security requirement, so they were not added; state their auth: \(unstated.prefix(5).joined(separator: ", "))\(unstated.count > 5 ? ", …" : "")")
        }
        if !added.isEmpty {
            var routers = model["routers"]?.items ?? []
            var router = DraftNode.mapping([("name", .string("\(file): operations the code does not show")), ("endpoints", .sequence(added)),
                                            ("source", .string(file))])
            router.notes = ["in \(file) but not found in the code (a route built at run time, another service, or a stale document): check each"]
            routers.append(router)
            model["routers"] = .sequence(routers)
        }
        var summary = "\(file) (OpenAPI \(document.version)): \(document.operations.count) operations, \(matched) matched endpoints of the code"
        summary += ", \(filled) given the auth the code left unresolved, \(added.count) added"
        if !unstated.isEmpty { summary += ", \(unstated.count) not added (no security requirement stated)" }
        if conflicts.count > before { summary += "; \(counted(conflicts.count - before, "conflict"))" }
        merged.append(summary)
    }

    /// The code's mechanism a security scheme names (same id, FastAPI's class name as scheme name, or
    /// the one mechanism of the same type and transport), else the scheme added to `auth`.
    mutating func mechanismID(for scheme: OpenAPIDescription.SecurityScheme, file: String) -> String {
        var auth = model["auth"]?.items ?? []
        let drafted = OpenAPIDraft.mechanism(scheme)
        if let same = auth.first(where: { $0["id"]?.shownText == scheme.name || $0.comment == scheme.name || $0.notes.contains(scheme.name) }) {
            return same["id"]?.shownText ?? scheme.name
        }
        let alike = auth.filter { $0["type"]?.shownText == drafted["type"]?.shownText && $0["transport"]?.shownText == drafted["transport"]?.shownText
            && ($0["parameter"] == nil || drafted["parameter"] == nil || $0["parameter"]?.shownText?.lowercased() == drafted["parameter"]?.shownText?.lowercased()) }
        if alike.count == 1, let id = alike[0]["id"]?.shownText { return id }
        var used = Set(auth.compactMap { $0["id"]?.shownText })
        let id = DraftSource.unique(scheme.name, in: &used)
        var added = drafted
        added["id"] = .string(id)
        added.notes = ["security scheme \(scheme.name) of \(file); the code that checks it was not found"]
        auth.append(added)
        model["auth"] = .sequence(auth)
        return id
    }

    func endpointPlaces() -> [EndpointPlace] {
        var places: [EndpointPlace] = []
        func collect(_ routers: [DraftNode], app: Int?, mount: String) {
            for (r, router) in routers.enumerated() {
                let prefix = router["prefix"]?.shownText ?? ""
                for (e, endpoint) in (router["endpoints"]?.items ?? []).enumerated() {
                    guard let path = endpoint["path"]?.shownText else { continue }
                    let methods = Set((endpoint["methods"]?.items ?? []).compactMap { $0.shownText?.uppercased() })
                    places.append(EndpointPlace(app: app, router: r, endpoint: e, keys: [Self.key(mount + prefix + path), Self.key(prefix + path)], methods: methods))
                }
            }
        }
        collect(model["routers"]?.items ?? [], app: nil, mount: "")
        for (a, app) in (model["apps"]?.items ?? []).enumerated() {
            collect(app["routers"]?.items ?? [], app: a, mount: app["mount"]?.shownText ?? "")
        }
        return places
    }

    func router(at place: EndpointPlace) -> DraftNode {
        let routers = place.app.map { model["apps"]!.items![$0]["routers"]! } ?? model["routers"]!
        return routers.items![place.router]
    }

    func endpoint(at place: EndpointPlace) -> DraftNode { router(at: place)["endpoints"]!.items![place.endpoint] }

    mutating func setEndpoint(_ endpoint: DraftNode, at place: EndpointPlace) {
        var router = router(at: place)
        var endpoints = router["endpoints"]!.items!
        endpoints[place.endpoint] = endpoint
        router["endpoints"] = .sequence(endpoints)
        if let app = place.app {
            var apps = model["apps"]!.items!
            var routers = apps[app]["routers"]!.items!
            routers[place.router] = router
            apps[app]["routers"] = .sequence(routers)
            model["apps"] = .sequence(apps)
        } else {
            var routers = model["routers"]!.items!
            routers[place.router] = router
            model["routers"] = .sequence(routers)
        }
    }

    /// A path for matching: `{name}` parameters as `{}`, no trailing `/`, no doubled `/`.
    static func key(_ path: String) -> String {
        var result = ""
        var inParameter = false
        for character in path {
            if character == "{" { inParameter = true; result += "{}"; continue }
            if character == "}" { inParameter = false; continue }
            if inParameter { continue }
            if character == "/", result.hasSuffix("/") { continue }
            result.append(character)
        }
        while result.count > 1, result.hasSuffix("/") { result.removeLast() }
        return result.isEmpty ? "/" : result
    }

    /// The path of a server URL (`https://api.example.com/v1` → `/v1`; `/api` → `/api`), `nil` when none.
    static func path(ofServer url: String) -> String? {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            rest = rest[slash...]
        }
        guard rest.hasPrefix("/"), !rest.contains("{") else { return nil }
        let path = String(rest).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return path.isEmpty ? nil : "/" + path
    }
}

/// The distinct elements of `items`, in their first order.
func orderedUnique<S: Sequence>(_ items: S) -> [S.Element] where S.Element: Hashable {
    var seen: Set<S.Element> = []
    return items.filter { seen.insert($0).inserted }
}
