/// What the model says about each application component, as facts.
enum ComponentFacts {
    static func cors(_ model: ArchitectureModel) -> [FactView] {
        (model.middleware ?? []).filter { $0.type == .cors }.map { middleware in
            FactView(
                label: middleware.name ?? middleware.identity,
                value: ModelValueText.arguments(of: middleware, excluding: ["type", "id", "name", "source"]),
                isKnown: true
            )
        }
    }

    static func routing(_ model: ArchitectureModel) -> [FactView] {
        let routers = model.routers ?? []
        // Endpoints read in place, router by router: a list of (router, endpoint) pairs copied both for each
        // of 10,000 endpoints, for the model and every environment.
        var count = 0
        var open: [String] = []
        var unstated: [String] = []
        for router in routers {
            let prefix = router.prefix ?? ""
            let routerAuthenticates = !router.routeAuthentication.isEmpty
            let endpoints = router.endpoints
            count += endpoints.count
            for index in endpoints.indices {
                let auth = endpoints[index].auth
                let isOpen = auth == "none"
                let isUnstated = auth == nil && (endpoints[index].authAny ?? []).isEmpty && !routerAuthenticates
                guard isOpen || isUnstated else { continue }
                let described = endpoints[index].methods.joined(separator: ",") + " " + prefix + endpoints[index].path
                if isOpen { open.append(described) }
                if isUnstated { unstated.append(described) }
            }
        }
        return [
            FactView(label: "Routers and endpoints", value: "\(routers.count) \(routers.count == 1 ? "router" : "routers"), \(count) \(count == 1 ? "endpoint" : "endpoints")", isKnown: true),
            FactView(label: "Deliberately public endpoints", value: open.isEmpty ? "none" : open.joined(separator: "; "), isKnown: true),
            FactView(label: "Endpoints with no authentication stated", value: unstated.isEmpty ? "none" : unstated.joined(separator: "; "),
                     isKnown: true, isGap: !unstated.isEmpty),
        ]
    }

    static func application(_ app: AppSettings) -> [FactView] {
        [
            FactView.make("Framework", app.framework?.rawValue, missing: "the web framework"),
            FactView.make("Title", app.title, missing: "the app title"),
            debugFact(app),
            FactView(label: "root_path", value: app.rootPath ?? "not set: \"\" (FastAPI default)", isKnown: true),
            FactView.make("Request body limit in the app", app.maxBodySize.map { "\($0) bytes" }, missing: "a request body limit in the app"),
        ]
    }

    static func authentication(_ mechanisms: [AuthMechanism]) -> [FactView] {
        mechanisms.map { mechanism in
            var notes = [mechanism.type.rawValue]
            if let transport = mechanism.transport { notes.append("in \(transport.rawValue)" + (mechanism.parameter.map { " \($0)" } ?? "")) }
            if let jwt = mechanism.jwt {
                notes.append("JWT via " + ([jwt.library, jwt.libraryVersion].compactMap { $0 }.joined(separator: " ").nonEmpty ?? "a library not stated"))
                notes.append("algorithms " + (jwt.algorithms.map { $0.joined(separator: ", ") } ?? "not passed"))
            }
            if let secret = mechanism.secretSource { notes.append("secret from \(secret.rawValue)") }
            if let lifetime = mechanism.tokenLifetimeSeconds { notes.append("lifetime \(lifetime) s") }
            if let revocable = mechanism.revocable { notes.append(revocable ? "revocable" : "not revocable") }
            return FactView(label: mechanism.id, value: notes.joined(separator: "; "), isKnown: true)
        }
    }

    static func openAPI(_ app: AppSettings) -> [FactView] {
        let route = { (value: NullableString?, fastAPIDefault: String) -> String in
            switch value {
            case .disabled?: "disabled (null)"
            case .value(let path)?: path
            case nil: "not set: FastAPI default \(fastAPIDefault)"
            }
        }
        return [
            FactView(label: "docs_url", value: route(app.docsUrl, "/docs"), isKnown: true),
            FactView(label: "redoc_url", value: route(app.redocUrl, "/redoc"), isKnown: true),
            FactView(label: "openapi_url", value: route(app.openapiUrl, "/openapi.json"), isKnown: true),
            FactView.make("Docs authentication", app.docsAuth?.rawValue, missing: "whether the docs require authentication"),
            FactView.make("Docs assets", app.docsAssets?.rawValue, missing: "where the docs load their assets from"),
            FactView(label: "Sensitive text in the schema", value: (app.openapiSensitiveText ?? []).isEmpty ? "none stated" : app.openapiSensitiveText!.joined(separator: "; "), isKnown: true),
        ]
    }

    /// `debug` as set, or FastAPI's default when the model leaves it out.
    static func debugFact(_ app: AppSettings) -> FactView {
        FactView(label: "debug", value: app.debug.map { $0 ? "True" : "False" } ?? "not set: False (FastAPI default)", isKnown: true)
    }

    static func errorHandling(_ app: AppSettings) -> [FactView] {
        let handlers = (app.exceptionHandlers ?? []).map { handler in
            handler.exception + (handler.exposesDetails == true ? " (returns exception details)" : handler.exposesDetails == false ? " (generic response)" : "")
        }
        return [
            debugFact(app),
            FactView(label: "Exception handlers", value: handlers.isEmpty ? "none registered: framework defaults" : handlers.joined(separator: "; "), isKnown: true),
        ]
    }

    static func dataModels(_ models: [DataModel]) -> [FactView] {
        models.map { model in
            let fields = model.fields ?? []
            var notes = ["\(fields.count) fields"]
            let unbounded = fields.filter { $0.maxLength == nil }.map(\.name)
            if !unbounded.isEmpty { notes.append("no length bound on " + unbounded.joined(separator: ", ")) }
            let sensitive = fields.filter { $0.sensitive == true }.map(\.name)
            if !sensitive.isEmpty { notes.append("sensitive: " + sensitive.joined(separator: ", ")) }
            if model.recursive == true { notes.append("recursive" + (model.maxDepth.map { ", max depth \($0)" } ?? ", no depth limit")) }
            if model.customValidators == true { notes.append("custom validators") }
            return FactView(label: model.name, value: notes.joined(separator: "; "), isKnown: true)
        }
    }

    static func staticFiles(_ mounts: [StaticMount]) -> [FactView] {
        mounts.map { mount in
            FactView(label: mount.path, value: "directory \(mount.directory)" + (mount.html == true ? ", html=True" : "") + (mount.contents.map { "; holds \($0)" } ?? ""), isKnown: true)
        }
    }

    static func templates(_ settings: TemplateSettings) -> [FactView] {
        [
            FactView.make("Engine", settings.engine, missing: "the template engine"),
            FactView.make("Autoescape", settings.autoescape, missing: "whether autoescaping is on"),
            FactView.make("Renders user input", settings.rendersUserInput, missing: "whether templates render user input"),
        ]
    }

    static func websockets(_ routes: [WebSocketRoute]) -> [FactView] {
        routes.map { route in
            let origin = route.checksOrigin.map { $0 ? "checks Origin" : "does not check Origin" } ?? "Origin check not stated"
            let size = route.maxMessageSize.map { "max message \($0) bytes" } ?? "message size limit not stated"
            var value = "auth \(route.auth ?? "not stated"); \(origin); \(size)"
            if let runs = route.capabilities?.runs { value += "; runs \(runs.rawValue)" }
            if let guardName = route.capabilities?.fetchesUrl.map({ URLFetchGuard(fetch: $0).name }) { value += "; fetches client URLs (guard \(guardName))" }
            return FactView(label: route.path, value: value, isKnown: true)
        }
    }

    static func backgroundTasks(_ tasks: [BackgroundTask]) -> [FactView] {
        tasks.map { task in
            var notes: [String] = []
            if let sensitive = task.handlesSensitiveData { notes.append(sensitive ? "handles sensitive data" : "no sensitive data") }
            if let privileges = task.runsWithCallerPrivileges { notes.append(privileges ? "runs with the caller's privileges" : "runs with its own privileges") }
            if let description = task.description { notes.append(description) }
            return FactView(label: task.name, value: notes.isEmpty ? "no details in the model" : notes.joined(separator: "; "), isKnown: true)
        }
    }

    static func logging(_ settings: LoggingSettings) -> [FactView] {
        [
            FactView.make("Logs sensitive data", settings.logsSensitiveData, missing: "whether logs hold sensitive data"),
            FactView.make("Logs request bodies", settings.logsRequestBodies, missing: "whether request bodies are logged"),
            FactView.make("Centralized", settings.centralized, missing: "whether logs are centralized"),
            FactView.make("Security events", settings.securityEvents, missing: "whether security events are logged"),
        ]
    }
}
