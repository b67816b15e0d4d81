/// Every path operation of the model with its router and the authentication FastAPI applies to it.
///
/// Router-level `dependencies=[Depends(...)]` run for every route of the router and cannot be
/// removed by a route, so a route's mechanisms are the router's plus its own (`none` adds nothing).
struct RouteTable {
    /// One path operation and where it sits.
    struct Route {
        var endpoint: Endpoint
        var router: Router
        var routerIndex: Int
        var endpointIndex: Int
        /// Ids of auth mechanisms of `type: none`: naming one states the route is public, it authenticates nobody.
        var anonymousMechanisms: Set<String> = []
        /// Mechanisms switched off in this environment (`auth[].enabled: false`): they run for no route.
        var disabledMechanisms: Set<String> = []
        /// Mechanisms an authenticating middleware applies to this route (its path is not exempt), with the middleware's index.
        var middlewareMechanisms: [(id: String, middlewareIndex: Int)] = []

        var path: ModelPath { ModelPath([.key("routers"), .index(routerIndex), .key("endpoints"), .index(endpointIndex)]) }
        var routerPath: ModelPath { ModelPath([.key("routers"), .index(routerIndex)]) }

        /// The path the client requests: the router's prefix joined with the endpoint's path.
        var fullPath: String { RouteTable.join(router.prefix ?? "", endpoint.path) }

        var methods: [String] { endpoint.methods.map { $0.uppercased() } }

        /// `POST /bookings/{id}`.
        var displayName: String { "\(methods.joined(separator: ", ")) \(fullPath)" }

        /// The auth mechanism ids that run for this route and authenticate (not `type: none`): all of the
        /// router's dependencies and the endpoint's own, plus those of which any one is enough (`auth_any`)
        /// and an authenticating middleware's; switched-off ones are dropped.
        var mechanisms: [String] {
            namedMechanisms.filter { !disabledMechanisms.contains($0) }
        }

        /// The authenticating mechanism ids the model names for this route, switched-off ones included: the
        /// routes a switched-off mechanism would protect if it were on.
        var namedMechanisms: [String] {
            var ids = router.dependencies ?? []
            if let own = endpoint.auth, own != "none", !ids.contains(own) { ids.append(own) }
            for id in (router.authAny ?? []) + (endpoint.authAny ?? []) where id != "none" && !ids.contains(id) { ids.append(id) }
            for (id, _) in middlewareMechanisms where !ids.contains(id) { ids.append(id) }
            return ids.filter { !anonymousMechanisms.contains($0) }
        }

        /// Mechanisms of which any one is enough (router and endpoint `auth_any`), switched-off and `type: none` ones dropped.
        var anyOfMechanisms: [String] {
            var ids: [String] = []
            for id in (router.authAny ?? []) + (endpoint.authAny ?? []) where id != "none" && !ids.contains(id) { ids.append(id) }
            return ids.filter { !disabledMechanisms.contains($0) && !anonymousMechanisms.contains($0) }
        }

        /// Scopes or roles required: the router's and the endpoint's.
        var scopes: [String] {
            var all = router.scopes ?? []
            for scope in endpoint.scopes ?? [] where !all.contains(scope) { all.append(scope) }
            return all
        }

        /// `authenticated`, `public` (the model marks it `auth: none`, or names only mechanisms of `type: none`)
        /// or `unspecified`.
        var authState: String {
            if !mechanisms.isEmpty { return "authenticated" }
            let named = (router.dependencies ?? []) + (endpoint.auth.map { [$0] } ?? [])
            return named.contains { $0 == "none" || anonymousMechanisms.contains($0) } ? "public" : "unspecified"
        }

        /// Some method is POST, PUT, PATCH or DELETE and the model does not mark the handler read-only.
        var isMutating: Bool { endpoint.readOnly != true && methods.contains { ["POST", "PUT", "PATCH", "DELETE"].contains($0) } }
    }

    var routes: [Route]
    /// Mechanisms switched off in this environment (`auth[].enabled: false`).
    var disabledMechanisms: Set<String> = []
    /// Mechanisms of `type: none`, which authenticate nobody.
    var anonymousMechanisms: Set<String> = []

    /// What the table is built from: the routers, the auth mechanisms, and of each middleware whom it
    /// authenticates and which paths it exempts.
    struct Input: Equatable {
        var routers: [Router]?
        var auth: [AuthMechanism]?
        var middleware: [Authenticating]?

        struct Authenticating: Equatable {
            var authenticatesWith: String?
            var exemptPaths: [String]?
        }

        init(_ model: ArchitectureModel) {
            routers = model.routers
            auth = model.auth
            middleware = model.middleware?.map { Authenticating(authenticatesWith: $0.authenticatesWith, exemptPaths: $0.exemptPaths) }
        }
    }

    init(model: ArchitectureModel) {
        self.init(Input(model))
    }

    init(_ model: Input) {
        let disabled = Set((model.auth ?? []).filter { $0.enabled == false }.map(\.id))
        let authenticating = (model.middleware ?? []).enumerated().compactMap { index, middleware -> (id: String, exempt: [String], index: Int)? in
            guard let id = middleware.authenticatesWith, id != "none" else { return nil }
            return (id, middleware.exemptPaths ?? [], index)
        }
        var routes: [Route] = []
        let anonymous = Set((model.auth ?? []).filter { $0.type == .none }.map(\.id))
        for (routerIndex, router) in (model.routers ?? []).enumerated() {
            for (endpointIndex, endpoint) in router.endpoints.enumerated() {
                var route = Route(endpoint: endpoint, router: router, routerIndex: routerIndex, endpointIndex: endpointIndex,
                                  anonymousMechanisms: anonymous, disabledMechanisms: disabled)
                route.middlewareMechanisms = authenticating
                    .filter { entry in !entry.exempt.contains { EndpointAnalyzer.path(route.fullPath, isUnder: $0) } }
                    .map { ($0.id, $0.index) }
                routes.append(route)
            }
        }
        self.routes = routes
        self.disabledMechanisms = disabled
        self.anonymousMechanisms = anonymous
    }

    /// Whether `router` authenticates every route in this environment: its `dependencies` or `auth_any`
    /// name a mechanism that is neither switched off here nor of `type: none`.
    func protects(_ router: Router) -> Bool {
        router.routeAuthentication.contains { !disabledMechanisms.contains($0) && !anonymousMechanisms.contains($0) && $0 != "none" }
    }

    /// Routes that use an auth mechanism.
    func routes(using mechanism: String) -> [Route] { routes.filter { $0.mechanisms.contains(mechanism) } }

    /// The routes that name `mechanism`, whether or not it is switched on in this environment.
    func routes(naming mechanism: String) -> [Route] { routes.filter { $0.namedMechanisms.contains(mechanism) } }

    static func join(_ prefix: String, _ path: String) -> String {
        let left = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        if path.isEmpty { return left.isEmpty ? "/" : left }
        return left + (path.hasPrefix("/") ? path : "/" + path)
    }
}

extension Router {
    /// Auth mechanism ids the router applies to every route: its `dependencies` and its `auth_any`.
    var routeAuthentication: [String] { (dependencies ?? []) + (authAny ?? []).filter { $0 != "none" } }
}
