/// The CORSMiddleware of one environment as the model states it, the Starlette release it runs on,
/// and what the CORS engine answers to the requests this service's browsers send.
public struct CORSEnvironment: Sendable {
    public var environment: ResolvedEnvironment
    /// The model's `cors` middleware entry, `nil` when the environment registers none.
    public var entry: Middleware?
    /// The entry's arguments with Starlette's defaults for the unset ones.
    public var configuration: CORSConfiguration?
    public var version: AssumedStarletteVersion
    /// `nil` without middleware, or when Starlette would refuse the configuration (`configurationError`).
    public var evaluator: CORSEvaluator?
    public var configurationError: String?
    /// An origin the configuration allows, preferably a browser client's from the model.
    public var allowedOrigin: String?
    /// The printed exchanges, in `CORSExchange.Scenario` order (empty without an evaluator).
    public var exchanges: [CORSExchange]
    /// Issues the CORS policy analysis finds in this configuration.
    public var issues: [CORSPolicyIssue]
    /// Arguments the engine needs that the model leaves unresolved: then `configuration` and
    /// `evaluator` are `nil` (the engine cannot answer for unknown origins) and the documents say
    /// the environment is not assessed.
    public var unresolved: [UnresolvedValue] = []

    /// `Not assessed in production: the model leaves allow_origins unresolved (settings.x, app/main.py:23).`, or nil.
    public var notAssessed: String? {
        guard !unresolved.isEmpty else { return nil }
        return "Not assessed in \(name): the model leaves " + unresolved.map { value in
            "\(value.key) unresolved (\(value.expression)" + (value.source.map { ", \($0)" } ?? "") + ")"
        }.joined(separator: ", ") + "; the CORS engine cannot compute Starlette's answers to origins nobody stated."
    }

    public var name: String { environment.name }
    public var isProduction: Bool { environment.kind == .production }

    /// The origin used for requests from a site the configuration does not trust.
    public static let attackerOrigin = CORSPolicyAnalysis.attackerOrigin

    public init(_ environment: ResolvedEnvironment) {
        self.environment = environment
        let model = environment.model
        entry = model.middleware?.first { $0.type == .cors }
        configuration = entry.map(CORSConfiguration.init(middleware:))
        version = AssumedStarletteVersion(model.packageVersion("starlette"), writtenAt: "frameworks.starlette")
            ?? AssumedStarletteVersion(nil, writtenAt: "frameworks.starlette")!
        exchanges = []
        issues = []
        if let index = model.middleware?.firstIndex(where: { $0.type == .cors }) {
            unresolved = model.unresolvedValues(under: ModelPath("middleware").appending(index))
                .filter { CORSAnalyzer.engineArguments.contains($0.key) }
            if !unresolved.isEmpty { configuration = nil }
        }
        guard let configuration else { return }
        do {
            evaluator = try CORSEvaluator(configuration: configuration, version: version.version)
        } catch {
            configurationError = error.description
            return
        }
        issues = CORSPolicyAnalysis(configuration: configuration, version: version.version, environment: environment.name,
                                    isProduction: environment.kind?.isProductionLike ?? false).issues
        allowedOrigin = Self.allowedOrigin(model: model, configuration: configuration, evaluator: evaluator!)
        exchanges = makeExchanges()
    }

    /// The endpoints of the environment: full path and methods, in model order.
    public var endpoints: [(path: String, methods: [String])] {
        let rootPath = environment.model.app?.rootPath ?? ""
        return (environment.model.routers ?? []).flatMap { router in
            router.endpoints.map { (RouteTable.join(rootPath, RouteTable.join(router.prefix ?? "", $0.path)), $0.methods.map { $0.uppercased() }) }
        }
    }

    /// Paths of POST endpoints that take a JSON body (`request_model`).
    public var jsonBodyPaths: [String] {
        let rootPath = environment.model.app?.rootPath ?? ""
        return (environment.model.routers ?? []).flatMap { router in
            router.endpoints.filter { $0.requestModel != nil && $0.methods.contains { $0.uppercased() == "POST" } }
                .map { RouteTable.join(rootPath, RouteTable.join(router.prefix ?? "", $0.path)) }
        }
    }

    /// Request headers a browser client of this service sets that are not CORS-safelisted: the
    /// credential header of a header-borne auth mechanism.
    public var credentialHeaders: [String] {
        var names: [String] = []
        for mechanism in environment.model.auth ?? [] where mechanism.type != .none && mechanism.enabled != false {
            switch mechanism.type {
            case .jwt, .oauth2Jwt, .httpBasic:
                if mechanism.transport == nil || mechanism.transport == .header { names.append(mechanism.parameter ?? "Authorization") }
            case .apiKey, .custom:
                if mechanism.transport == .header, let parameter = mechanism.parameter { names.append(parameter) }
            default: break
            }
        }
        var seen: Set<String> = []
        return names.filter { seen.insert($0.lowercased()).inserted }
    }

    /// The model uses cookies for authentication or sessions.
    public var usesCookies: Bool {
        let model = environment.model
        return (model.middleware ?? []).contains { $0.type == .session }
            || (model.auth ?? []).contains { $0.type == .sessionCookie || $0.transport == .cookie }
    }

    private static func allowedOrigin(model: ArchitectureModel, configuration: CORSConfiguration, evaluator: CORSEvaluator) -> String? {
        let clientOrigins = (model.clients ?? []).compactMap(\.origin)
        if let client = clientOrigins.first(where: { evaluator.isAllowedOrigin($0) }) { return client }
        if let listed = configuration.allowOrigins.first(where: { entry in
            if case .origin = CORSOriginEntry(entry) { return evaluator.isAllowedOrigin(entry) }
            return false
        }) { return listed }
        return configuration.allowsAllOrigins ? (clientOrigins.first ?? attackerOrigin) : nil
    }

    private func makeExchanges() -> [CORSExchange] {
        guard let evaluator, let configuration else { return [] }
        let host = environment.baseURL.flatMap(Self.host(of:))
        let endpoints = self.endpoints
        let plain = endpoints.filter { !$0.path.contains("{") }
        let readPath = plain.first { $0.methods.contains("GET") }?.path ?? plain.first?.path ?? endpoints.first?.path ?? "/"
        let readMethods = Set((endpoints.first { $0.path == readPath }?.methods ?? ["GET"]) + ["HEAD"])
        let routed = (try? CORSEvaluator(configuration: configuration, version: evaluator.version, routeMethods: readMethods)) ?? evaluator
        let unsafe = endpoints.first { $0.methods.contains { ["DELETE", "PUT", "PATCH"].contains($0) } }
        let preflightMethod = unsafe?.methods.first { ["DELETE", "PUT", "PATCH"].contains($0) } ?? "POST"
        let preflightPath = unsafe.flatMap { $0.path.contains("{") ? nil : $0.path } ?? readPath
        var preflightHeaders = credentialHeaders
        if ["POST", "PUT", "PATCH"].contains(preflightMethod) { preflightHeaders.append("Content-Type") }
        var exchanges: [CORSExchange] = []
        func add(_ scenario: CORSExchange.Scenario, _ path: String, _ request: CORSRequest, contentType: String? = nil, using engine: CORSEvaluator) {
            exchanges.append(CORSExchange(scenario: scenario, environment: name, path: path, host: host, request: request,
                                          contentType: contentType, response: engine.response(to: request)))
        }
        // A Cookie changes Starlette's answer only for `["*"]` (reflection before 1.0); it is sent where
        // the model uses cookies, or where that difference shows.
        let cookie = usesCookies || (configuration.allowsAllOrigins && configuration.allowCredentials)
        if let allowedOrigin {
            add(.preflight, preflightPath, .preflight(origin: allowedOrigin, method: preflightMethod, headers: preflightHeaders), using: evaluator)
            add(.simple, readPath, CORSRequest(method: "GET", origin: allowedOrigin, hasCookie: cookie), using: routed)
        }
        add(.disallowedOrigin, readPath, CORSRequest(method: "GET", origin: Self.attackerOrigin, hasCookie: cookie), using: routed)
        add(.noOrigin, readPath, CORSRequest(method: "GET", origin: nil), using: routed)
        if let allowedOrigin, let refused = ["PUT", "DELETE", "PATCH"].first(where: { !readMethods.contains($0) }) {
            add(.errorResponse, readPath, CORSRequest(method: refused, origin: allowedOrigin), using: routed)
        }
        // A route with a JSON body model refuses a text/plain body with 422 before its handler runs
        // (FastAPI 0.65.2 and later), so the exchange is shown on a POST route without one.
        let bodiless = Set(jsonBodyPaths)
        if let post = endpoints.first(where: { $0.methods.contains("POST") && !$0.path.contains("{") && !bodiless.contains($0.path) }) {
            let postEngine = (try? CORSEvaluator(configuration: configuration, version: evaluator.version, routeMethods: Set(post.methods))) ?? evaluator
            add(.crossSitePost, post.path, CORSRequest(method: "POST", origin: Self.attackerOrigin, hasCookie: true), contentType: "text/plain", using: postEngine)
        }
        return exchanges
    }

    /// `localhost:8000` from `http://localhost:8000/api`.
    static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? nil : String(host)
    }

    /// The policy issues of `environments` that pass `filter`, one line per summary naming every
    /// environment it holds in.
    public static func issueTexts(_ environments: [CORSEnvironment], where filter: (CORSPolicyIssue) -> Bool) -> [DocumentText] {
        var order: [String] = []
        var names: [String: [String]] = [:]
        for env in environments {
            for issue in env.issues where filter(issue) {
                if names[issue.summary] == nil { order.append(issue.summary) }
                names[issue.summary, default: []].append(env.name)
            }
        }
        return order.map { summary in "\(codes: names[summary] ?? []): \(DocumentText(codeMarked: summary))" }
    }

    /// The exchange of `scenario`, if printed.
    public func exchange(_ scenario: CORSExchange.Scenario) -> CORSExchange? { exchanges.first { $0.scenario == scenario } }
}
