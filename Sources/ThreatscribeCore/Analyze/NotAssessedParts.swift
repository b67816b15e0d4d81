/// The parts of a system the model says nothing about, so the report can say "not assessed" instead of guessing.
enum NotAssessedParts {
    static func list(for model: ArchitectureModel) -> [String] {
        var parts: [String] = []
        func note(_ missing: Bool, _ text: String) { if missing { parts.append(text) } }
        note(model.frameworks == nil, "framework versions (fastapi, starlette, pydantic, uvicorn)")
        note(model.middleware == nil, "the middleware pipeline")
        note(model.auth == nil, "authentication mechanisms")
        note(model.routers == nil, "routers and endpoints")
        note(model.models == nil, "request and response models")
        note(model.clients == nil, "the clients that call the API")
        note(model.dataStores == nil && model.externalServices == nil, "data stores and external services")
        note(model.dataFlows == nil, "data flows")
        note(model.trustBoundaries == nil, "trust boundaries")
        note(model.server == nil, "the ASGI server configuration")
        note(model.deployment == nil, "the deployment")
        note(model.build == nil, "the build process")
        note(model.dependencies == nil && model.frameworks == nil, "dependencies")
        note(model.logging == nil, "logging")
        note(model.controls == nil, "the controls the team claims")
        return parts
    }

    /// One part per value the model leaves unresolved (`{unresolved: …}`), naming the expression and
    /// where the code computes it, and the environments it is unresolved in when not all of them.
    static func unresolved(in environments: [ResolvedEnvironment]) -> [String] {
        var order: [UnresolvedValue] = []
        var names: [UnresolvedValue: [String]] = [:]
        for environment in environments {
            for value in environment.model.unresolved ?? [] {
                if names[value] == nil { order.append(value) }
                names[value, default: []].append(environment.name)
            }
        }
        return order.map { value in
            let within = names[value]?.count == environments.count ? "" : " in " + (names[value] ?? []).joined(separator: ", ")
            return "the value of \(value.path)\(within), which the code computes as \(value.expression)"
                + (value.source.map { " (\($0))" } ?? "")
        }
    }
}
