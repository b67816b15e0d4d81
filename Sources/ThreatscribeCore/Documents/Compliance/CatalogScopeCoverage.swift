/// Whether a model describes what the catalog entries of one fact scope read, and where: a
/// compliance row can say "met" only for checks that had something to check.
struct CatalogScopeCoverage {
    /// The model part a scope reads, as a noun phrase without article ("CORSMiddleware"), and its path in the model.
    struct Part: Equatable {
        var description: String
        var path: ModelPath
    }

    /// The part `scope` reads and whether `model` has it; `nil` part for a scope this table does not know.
    static func part(for entry: CatalogEntry, in model: ArchitectureModel) -> (part: Part, isPresent: Bool)? {
        // Endpoint checks that read what a handler does need the model to say what it does.
        if entry.whenText.contains("fetches_user_url") {
            return (Part(description: "endpoint capabilities (`capabilities:` on an endpoint or WebSocket route)", path: "routers"), declaresCapabilities(model))
        }
        // The ReDoS check reads one regex (`allow_origin_regex`); the application's other patterns (validators,
        // `Field(pattern=...)`, routing) are not in the model, so it never shows a requirement about all of them met.
        if entry.whenText.contains("backtracking_regex") {
            return (Part(description: "regular expressions outside CORSMiddleware (validators, `Field(pattern=...)`)", path: "models"), false)
        }
        return part(for: entry.scope, in: model)
    }

    /// The model leaves out the whole part a scope reads (the top-level key is absent, as
    /// `NotAssessedParts` counts it), rather than stating there is none: a check there proves nothing.
    static func isSilent(about scope: String, in model: ArchitectureModel) -> Bool {
        switch scope {
        case "cors", "headers", "middleware_stack": model.middleware == nil
        case "session": model.middleware == nil && model.auth == nil
        case "auth": model.auth == nil
        case "endpoint", "router", "blocking_handler", "code_execution", "file_access", "upload", "upload_serving": model.routers == nil
        case "advisory": model.frameworks == nil && model.dependencies == nil
        case "build": model.build == nil
        case "container", "deployment": model.deployment == nil
        case "server": model.server == nil
        case "client_app": model.clients == nil
        case "data_flow": model.dataFlows == nil
        case "data_model": model.models == nil
        case "data_store": model.dataStores == nil
        case "external_service": model.externalServices == nil
        case "logging": model.logging == nil
        default: false
        }
    }

    private static func declaresCapabilities(_ model: ArchitectureModel) -> Bool {
        (model.routers ?? []).contains { $0.endpoints.contains { $0.capabilities != nil } }
            || (model.websockets ?? []).contains { $0.capabilities != nil }
    }

    static func part(for scope: String, in model: ArchitectureModel) -> (part: Part, isPresent: Bool)? {
        let middleware = model.middleware ?? []
        let routers = model.routers ?? []
        switch scope {
        case "cors":
            let index = middleware.firstIndex { $0.type == .cors }
            return (Part(description: "CORSMiddleware", path: index.map { ModelPath("middleware").appending($0) } ?? "middleware"), index != nil)
        case "headers", "middleware_stack":
            return (Part(description: "middleware pipeline", path: "middleware"), model.middleware != nil)
        case "session":
            return (Part(description: "middleware pipeline or authentication", path: "middleware"), model.middleware != nil || model.auth != nil)
        case "auth":
            return (Part(description: "authentication mechanisms", path: "auth"), !(model.auth ?? []).isEmpty)
        case "code_execution", "file_access", "upload", "upload_serving":
            return (Part(description: "endpoint capabilities (`capabilities:` on an endpoint or WebSocket route)", path: "routers"), declaresCapabilities(model))
        case "blocking_handler":
            let declared = routers.contains { $0.endpoints.contains { $0.blockingCallsInAsync != nil } }
            return (Part(description: "blocking calls in async handlers (`blocking_calls_in_async:`)", path: "routers"), declared)
        case "endpoint", "router":
            return (Part(description: "routers and endpoints", path: "routers"), !routers.isEmpty)
        case "app":
            return (Part(description: "application settings (FastAPI's defaults apply when unset)", path: "app"), true)
        case "env":
            return (Part(description: "environments", path: "environments"), true)
        case "advisory":
            return (Part(description: "framework and dependency versions", path: "frameworks"), model.frameworks != nil || model.dependencies != nil)
        case "build":
            return (Part(description: "build process", path: "build"), model.build != nil)
        case "container", "deployment":
            return (Part(description: "deployment", path: "deployment"), model.deployment != nil)
        case "server":
            return (Part(description: "ASGI server configuration", path: "server"), model.server != nil)
        case "client_ip":
            return (Part(description: "client IP trust", path: "client_ip"), model.clientIp != nil)
        case "client_app":
            return (Part(description: "clients", path: "clients"), !(model.clients ?? []).isEmpty)
        case "data_flow":
            return (Part(description: "data flows", path: "data_flows"), !(model.dataFlows ?? []).isEmpty)
        case "data_model":
            return (Part(description: "request and response models", path: "models"), !(model.models ?? []).isEmpty)
        case "data_store":
            return (Part(description: "data stores", path: "data_stores"), !(model.dataStores ?? []).isEmpty)
        case "external_service":
            return (Part(description: "external services", path: "external_services"), !(model.externalServices ?? []).isEmpty)
        case "default_account":
            return (Part(description: "default accounts", path: "default_accounts"), !(model.defaultAccounts ?? []).isEmpty)
        case "secret":
            return (Part(description: "secrets", path: "secrets"), !(model.secrets ?? []).isEmpty)
        case "logging":
            return (Part(description: "logging", path: "logging"), model.logging != nil)
        case "static_mount":
            return (Part(description: "static file mounts", path: "static_files"), !(model.staticFiles ?? []).isEmpty)
        case "templates":
            return (Part(description: "server-side templates", path: "templates"), model.templates != nil)
        case "websocket":
            return (Part(description: "WebSocket routes", path: "websockets"), !(model.websockets ?? []).isEmpty)
        case "background_task":
            return (Part(description: "background tasks", path: "background_tasks"), !(model.backgroundTasks ?? []).isEmpty)
        default:
            return nil
        }
    }
}
