/// Describes each component the model has, for the report's appendix "What the model says".
struct ComponentSections {
    /// Application components ("Security implications"), in report order.
    var application: [ComponentView] = []
    /// Server, deployment, build, dependencies.
    var operations: [ComponentView] = []

    private struct Spec {
        var name: String
        var aliases: [String]
        /// `nil` when the model does not describe the component.
        var facts: [FactView]?
        var missing: String
        var pipeline: [PipelineStepView] = []
        var pipelineNote: String? = nil
    }

    init(model: ArchitectureModel) {
        let app = model.app
        let hasCORS = model.middleware?.contains { $0.type == .cors } ?? false
        let applicationSpecs = [
            Spec(name: Component.application, aliases: ["app", "fastapi app"], facts: app.map(ComponentFacts.application), missing: "the app settings"),
            Spec(name: Component.middleware, aliases: ["middleware", "middleware order"], facts: model.middleware.map { _ in [] },
                 missing: "the middleware pipeline", pipeline: MiddlewarePipeline.steps(of: model),
                 pipelineNote: model.middleware.map { _ in MiddlewarePipeline.note(for: model) }),
            Spec(name: Component.cors, aliases: ["cors middleware"], facts: hasCORS ? ComponentFacts.cors(model) : nil, missing: "a CORS policy"),
            Spec(name: Component.routing, aliases: ["routing", "authorization"], facts: model.routers.map { _ in ComponentFacts.routing(model) },
                 missing: "routers and endpoints"),
            Spec(name: Component.authentication, aliases: ["authentication", "auth"], facts: model.auth.map(ComponentFacts.authentication),
                 missing: "authentication mechanisms"),
            Spec(name: Component.openAPI, aliases: ["openapi", "openapi exposure", "docs"], facts: app.map(ComponentFacts.openAPI), missing: "the docs and OpenAPI routes"),
            Spec(name: Component.errors, aliases: ["error handling", "errors"], facts: app.map(ComponentFacts.errorHandling), missing: "the error handling"),
            Spec(name: Component.validation, aliases: ["data models", "pydantic", "models"], facts: model.models.map(ComponentFacts.dataModels), missing: "request and response models"),
            Spec(name: Component.staticFiles, aliases: ["static"], facts: model.staticFiles.map(ComponentFacts.staticFiles), missing: "static file mounts"),
            Spec(name: Component.templates, aliases: ["template engine"], facts: model.templates.map(ComponentFacts.templates), missing: "template rendering"),
            Spec(name: Component.webSockets, aliases: ["websocket"], facts: model.websockets.map(ComponentFacts.websockets), missing: "WebSocket routes"),
            Spec(name: Component.backgroundTasks, aliases: ["background task"], facts: model.backgroundTasks.map(ComponentFacts.backgroundTasks), missing: "background tasks"),
            Spec(name: "Logging", aliases: ["logging and monitoring"], facts: model.logging.map(ComponentFacts.logging), missing: "logging"),
        ]
        let operationSpecs = [
            Spec(name: Component.server, aliases: ["server"], facts: model.server.map(OperationsFacts.server), missing: "the ASGI server configuration"),
            Spec(name: Component.deployment, aliases: ["infrastructure"], facts: model.deployment.map(OperationsFacts.deployment), missing: "the deployment"),
            Spec(name: Component.build, aliases: ["build", "build process", "supply chain"], facts: model.build.map(OperationsFacts.build), missing: "the build process"),
            Spec(name: Component.dependencies, aliases: ["dependency"], facts: OperationsFacts.dependencies(model.dependencies, frameworks: model.frameworks), missing: "dependencies"),
        ]
        let make = { (spec: Spec, always: Bool) -> ComponentView? in
            guard always || spec.facts != nil else { return nil }
            let facts = UnresolvedFacts.marked(spec.facts ?? [FactView(label: spec.name, value: NotAssessed.sentence(spec.missing), isKnown: false)],
                                               of: spec.name, in: model)
            return ComponentView(
                name: spec.name, anchor: Anchor.component(spec.name), facts: facts, hasFacts: !facts.isEmpty,
                pipeline: spec.pipeline, hasPipeline: !spec.pipeline.isEmpty, pipelineNote: spec.pipelineNote
            )
        }
        application = applicationSpecs.compactMap { make($0, false) }
        operations = operationSpecs.compactMap { make($0, true) }
    }
}
