/// Facts about each `APIRouter` and how its router-level auth dependencies compare with the
/// other routers' (scope `router`).
struct RouterAnalyzer: Analyzer {
    let scopes = [FactScope("router", "An APIRouter (or the app's own routes when it has no prefix).", fields: [
        FactField("prefix", .string, "The router's prefix (empty for routes on the app)."),
        FactField("dependencies", .list, "Auth mechanism ids the router applies to every route."),
        FactField("has_auth_dependency", .bool, "The router applies an auth mechanism to every route."),
        FactField("protected_routers", .list, "Prefixes of the other routers that do apply an auth dependency in this environment (one not switched off with `enabled: false`, not of `type: none`)."),
        FactField("unauthenticated_endpoints", .list, "Its endpoints with neither a router dependency nor their own mechanism, and not marked `auth: none` (`METHOD /path`)."),
        FactField("public_endpoints", .list, "Its endpoints the model marks `auth: none`."),
        FactField("endpoint_count", .int, "How many endpoints it has."),
    ])]

    func input(of model: ArchitectureModel) -> ArchitectureModel? { RoutingInput.of(model) }

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let routers = context.model.routers ?? []
        let table = context.routeTable
        // Computed once, not once per router: a model can have thousands of routers.
        let protecting = routers.indices.filter { table.protects(routers[$0]) }
        let routesByRouter = Dictionary(grouping: table.routes, by: \.routerIndex)
        // The protecting routers' names, shared by every router that is not one of them.
        let positions = Dictionary(uniqueKeysWithValues: protecting.enumerated().map { ($1, $0) })
        let protectingNames = protecting.map { routers[$0].prefix.flatMap { $0.isEmpty ? nil : $0 } ?? "(app routes)" }
        return routers.enumerated().map { index, router in
            let path = ModelPath("routers").appending(index)
            let prefix = router.prefix ?? ""
            var subject = FactSubject(scope: "router", path: path, name: prefix.isEmpty ? (router.name ?? "app routes") : "router \(prefix)",
                                      component: Component.routing)
            subject.set("prefix", .string(prefix), from: path.appending("prefix"))
            let dependencies = router.dependencies ?? []
            subject.set("dependencies", .list(dependencies), from: path.appending("dependencies"))
            subject.set("has_auth_dependency", .bool(!router.routeAuthentication.isEmpty), from: path.appending(router.dependencies == nil && router.authAny != nil ? "auth_any" : "dependencies"),
                        shownAs: dependencies.isEmpty ? "false (no `dependencies` on this router)" : nil)
            // The others: all of them, or all but this one.
            var others = protecting
            var names = protectingNames
            if let position = positions[index] {
                others.remove(at: position)
                names.remove(at: position)
            }
            subject.set("protected_routers", .list(names),
                        from: others.first.map { ModelPath("routers").appending($0).appending("dependencies") } ?? "routers")
            let own = routesByRouter[index] ?? []
            let unauthenticated = own.filter { $0.authState == "unspecified" }
            subject.set("unauthenticated_endpoints", .list(unauthenticated.map(\.displayName)),
                        from: unauthenticated.first?.path ?? path.appending("endpoints"))
            subject.set("public_endpoints", .list(own.filter { $0.authState == "public" }.map(\.displayName)), from: path.appending("endpoints"))
            subject.set("endpoint_count", .int(router.endpoints.count), from: path.appending("endpoints"))
            return subject
        }
    }
}
