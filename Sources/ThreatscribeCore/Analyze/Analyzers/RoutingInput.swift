/// What the routing analyzers (endpoints, routers, data models, capabilities, blocking handlers) read of
/// a model: the routers, auth mechanisms, data models, WebSocket routes and background tasks, and of the
/// middleware, app, server and deployment only what decides authentication, CSRF defence, rate limits,
/// body-size limits and workers.
/// Environments that differ elsewhere (CORS origins, server reload) share one computation of their subjects.
enum RoutingInput {
    /// The routing part of `model`; every list keeps its order, so indices in paths are the model's.
    static func of(_ model: ArchitectureModel) -> ArchitectureModel {
        var input = ArchitectureModel(system: SystemDescription(name: ""))
        input.routers = model.routers
        input.auth = model.auth
        input.models = model.models
        input.websockets = model.websockets
        input.backgroundTasks = model.backgroundTasks
        input.middleware = model.middleware?.map { middleware in
            var kept = Middleware(type: middleware.type)
            kept.library = middleware.library
            kept.defaultLimit = middleware.defaultLimit
            kept.authenticatesWith = middleware.authenticatesWith
            kept.exemptPaths = middleware.exemptPaths
            kept.purpose = middleware.purpose
            return kept
        }
        if let size = model.app?.maxBodySize {
            var app = AppSettings()
            app.maxBodySize = size
            input.app = app
        }
        if let server = model.server, server.maxBodySize != nil || server.workers != nil {
            var kept = ServerSettings()
            kept.maxBodySize = server.maxBodySize
            kept.workers = server.workers
            input.server = kept
        }
        if let ingress = model.deployment?.ingress, ingress.rateLimiting != nil || ingress.requestSizeLimit != nil {
            input.deployment = Deployment(ingress: Ingress(requestSizeLimit: ingress.requestSizeLimit, rateLimiting: ingress.rateLimiting))
        }
        return input
    }

    /// The routing part plus what the auth-mechanism analyzer reads besides: controls and package versions.
    static func withControlsAndVersions(_ model: ArchitectureModel) -> ArchitectureModel {
        var input = of(model)
        input.controls = model.controls
        input.frameworks = model.frameworks
        input.dependencies = model.dependencies
        return input
    }
}
