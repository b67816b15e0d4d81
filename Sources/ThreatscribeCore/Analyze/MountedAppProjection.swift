/// One mounted sub-application (`apps[i]`) seen as an app of its own, so the app-level analyzers
/// (settings, docs, middleware, CORS, headers, sessions, routers, endpoints) run on it.
///
/// The projected model has the sub-app's `app` settings, the main app's middleware followed by the
/// sub-app's (a request to a mount passes through both, outer first), and the sub-app's routers with
/// the mount path in front of their prefixes, so every printed URL is the one clients use. FastAPI
/// docs URLs get the mount path too. Subjects are mapped back to the model's own paths
/// (`apps[0].middleware[1]`); only those about the sub-app itself are kept, so nothing the main app
/// already reports is reported again.
struct MountedAppProjection {
    /// Scopes about one app: their subjects are per app.
    static let appScopes: Set<String> = ["app", "cors", "middleware_stack", "headers", "session", "router", "endpoint", "blocking_handler"]
    /// Scopes about the whole middleware pipeline, which a sub-application shares with the main app.
    static let pipelineScopes: Set<String> = ["middleware_stack", "headers"]

    let app: MountedApp
    /// `apps[i]`.
    let prefix: ModelPath
    /// How many of the projected middleware are the main app's.
    let outerMiddlewareCount: Int
    /// The environment with the projected model and locations keyed by projected paths.
    let environment: ResolvedEnvironment

    /// A projection for each sub-application of the environment.
    static func all(in environment: ResolvedEnvironment) -> [MountedAppProjection] {
        (environment.model.apps ?? []).enumerated().map { MountedAppProjection(app: $1, index: $0, in: environment) }
    }

    init(app: MountedApp, index: Int, in real: ResolvedEnvironment) {
        self.app = app
        prefix = ModelPath("apps").appending(index)
        let outer = real.model.middleware ?? []
        outerMiddlewareCount = outer.count
        let mount = Self.mountPath(app)
        var model = real.model
        model.apps = nil
        var settings = app.app ?? AppSettings()
        if (settings.framework ?? .fastapi) == .fastapi {
            settings.docsUrl = Self.mounted(settings.docsUrl, default: "/docs", at: mount)
            settings.redocUrl = Self.mounted(settings.redocUrl, default: "/redoc", at: mount)
            settings.openapiUrl = Self.mounted(settings.openapiUrl, default: "/openapi.json", at: mount)
        }
        // Clients reach the sub-app through the main app's root path (a proxy prefix) and the mount:
        // printed URLs start with the main app's root_path.
        settings.rootPath = real.model.app?.rootPath
        model.app = settings
        model.middleware = real.model.middleware == nil && app.middleware == nil ? nil : outer + (app.middleware ?? [])
        model.routers = app.routers?.map { router in
            var router = router
            router.prefix = mount + (router.prefix ?? "")
            return router
        }
        let prefix = self.prefix
        let count = outerMiddlewareCount
        func projectedLocations(_ real: [ModelPath: SourceLocation]) -> [ModelPath: SourceLocation] {
            var result: [ModelPath: SourceLocation] = [:]
            for (path, location) in real {
                if let projected = Self.projected(path, prefix: prefix, outerMiddlewareCount: count) { result[projected] = location }
            }
            return result
        }
        // Values the model leaves unresolved stay unknown in the projection, at their projected paths.
        let unresolved = (real.model.unresolved ?? []).compactMap { value -> UnresolvedValue? in
            Self.projected(value.path, prefix: prefix, outerMiddlewareCount: count).map { UnresolvedValue(path: $0, expression: value.expression, source: value.source) }
        }
        model.unresolved = unresolved.isEmpty ? nil : unresolved
        environment = ResolvedEnvironment(name: real.name, kind: real.kind, baseURL: real.baseURL, model: model,
                                          locations: ModelLocations(inModel: projectedLocations(real.locations.inModel),
                                                                    inCode: projectedLocations(real.locations.inCode)))
    }

    /// `/api/v1` without a trailing slash (Starlette strips it); empty for a host-routed app.
    static func mountPath(_ app: MountedApp) -> String {
        var mount = app.mount ?? ""
        while mount.hasSuffix("/") { mount.removeLast() }
        return mount
    }

    private static func mounted(_ url: NullableString?, default fallback: String, at mount: String) -> NullableString {
        switch url {
        case .disabled: .disabled
        case .value(let path): path.isEmpty ? .value(path) : .value(mount + path)
        case nil: .value(mount + fallback)
        }
    }

    /// The projected path of a real one; `nil` for the main app's own settings and routers.
    static func projected(_ path: ModelPath, prefix: ModelPath, outerMiddlewareCount: Int) -> ModelPath? {
        let components = path.components
        if components.starts(with: prefix.components) {
            let rest = Array(components.dropFirst(prefix.components.count))
            guard case .key(let key)? = rest.first else { return nil }
            if key == "middleware", rest.count > 1, case .index(let index) = rest[1] {
                return ModelPath([.key("middleware"), .index(outerMiddlewareCount + index)] + rest.dropFirst(2))
            }
            return ["app", "middleware", "routers"].contains(key) ? ModelPath(rest) : nil
        }
        if case .key(let key)? = components.first, ["app", "routers", "apps"].contains(key) { return nil }
        return path
    }

    /// The model's own path of a projected one.
    func real(_ path: ModelPath) -> ModelPath {
        let components = path.components
        guard case .key(let key)? = components.first else { return path }
        switch key {
        case "app", "routers":
            return ModelPath(prefix.components + components)
        case "middleware":
            guard components.count > 1, case .index(let index) = components[1] else { return ModelPath(prefix.components + components) }
            if index < outerMiddlewareCount { return path }
            return ModelPath(prefix.components + [.key("middleware"), .index(index - outerMiddlewareCount)] + components.dropFirst(2))
        default:
            return path
        }
    }

    /// The subject with the model's own paths; its name says which app it is about.
    func mapped(_ subject: FactSubject) -> FactSubject {
        var mapped = subject
        mapped.path = real(subject.path)
        mapped.valuePaths = subject.valuePaths.mapValues(real)
        if isAbout(mapped) { mapped.name += " (app `\(app.id)`)" }
        return mapped
    }

    /// Whether a mapped subject is about the sub-application itself.
    func isAbout(_ subject: FactSubject) -> Bool {
        Self.appScopes.contains(subject.scope) && subject.path.components.starts(with: prefix.components)
    }
}
