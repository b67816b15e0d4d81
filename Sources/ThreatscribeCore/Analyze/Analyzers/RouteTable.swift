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

        var path: ModelPath { ModelPath("routers").appending(routerIndex).appending("endpoints").appending(endpointIndex) }
        var routerPath: ModelPath { ModelPath("routers").appending(routerIndex) }

        /// The path the client requests: the router's prefix joined with the endpoint's path.
        var fullPath: String { RouteTable.join(router.prefix ?? "", endpoint.path) }

        var methods: [String] { endpoint.methods.map { $0.uppercased() } }

        /// `POST /bookings/{id}`.
        var displayName: String { "\(methods.joined(separator: ", ")) \(fullPath)" }

        /// The auth mechanism ids that run for this route and authenticate (not `type: none`).
        var mechanisms: [String] {
            var ids = (router.dependencies ?? []).filter { !anonymousMechanisms.contains($0) }
            if let own = endpoint.auth, own != "none", !anonymousMechanisms.contains(own), !ids.contains(own) { ids.append(own) }
            return ids
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

    init(model: ArchitectureModel) {
        var routes: [Route] = []
        let anonymous = Set((model.auth ?? []).filter { $0.type == .none }.map(\.id))
        for (routerIndex, router) in (model.routers ?? []).enumerated() {
            for (endpointIndex, endpoint) in router.endpoints.enumerated() {
                routes.append(Route(endpoint: endpoint, router: router, routerIndex: routerIndex, endpointIndex: endpointIndex,
                                    anonymousMechanisms: anonymous))
            }
        }
        self.routes = routes
    }

    /// Routes that use an auth mechanism.
    func routes(using mechanism: String) -> [Route] { routes.filter { $0.mechanisms.contains(mechanism) } }

    static func join(_ prefix: String, _ path: String) -> String {
        let left = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        if path.isEmpty { return left.isEmpty ? "/" : left }
        return left + (path.hasPrefix("/") ? path : "/" + path)
    }
}
