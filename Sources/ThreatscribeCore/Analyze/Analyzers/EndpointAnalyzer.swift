/// Facts about each path operation: its full path, the authentication FastAPI applies, rate limits,
/// and what the handler does (scope `endpoint`).
struct EndpointAnalyzer: Analyzer {
    let scopes = [FactScope("endpoint", "One path operation (router prefix + path, methods).", fields: [
        FactField("path", .string, "The full path: the router's prefix joined with the endpoint's path."),
        FactField("methods", .list, "HTTP methods, upper case."),
        FactField("method", .string, "One method for example commands: the first state-changing one, else the first."),
        FactField("mutating", .bool, "Some method is POST, PUT, PATCH or DELETE and the model does not mark the endpoint `read_only`."),
        FactField("router_prefix", .string, "The router's prefix (empty for routes on the app)."),
        FactField("auth_state", .string, "`authenticated` (a router dependency or the endpoint names a mechanism that is not `type: none`), `public` (`auth: none`, or only mechanisms of `type: none`) or `unspecified`."),
        FactField("auth_mechanisms", .list, "Ids of the auth mechanisms that run for it (router dependencies plus its own)."),
        FactField("auth_transports", .list, "Where those mechanisms' credentials travel (`header`, `cookie`, `query`, `body`)."),
        FactField("protected_prefix", .string, "The prefix of another router that requires authentication in this environment (a mechanism neither switched off with `enabled: false` nor of `type: none`) and under which this unauthenticated endpoint's path falls."),
        FactField("auth_any", .list, "Mechanisms of which any one is enough (`auth_any` on the router or endpoint): the weakest one decides."),
        FactField("scopes", .list, "OAuth2 scopes or roles required: the router's `scopes` and the endpoint's."),
        FactField("tenant_id_from", .string, "Where the tenant (organisation) id comes from: `path`, `query`, `body`, `header` or `token`."),
        FactField("tenant_id_from_client", .bool, "The client chooses the tenant id (anything but `token`)."),
        FactField("checks_tenant_membership", .bool, "The handler checks that the caller belongs to that tenant."),
        FactField("purpose", .string, "The endpoint's `purpose` (`login`, `otp`, `oauth_callback`, `admin`, `health`, …)."),
        FactField("is_login", .bool, "Part of signing in: purpose `login`, `otp`, `password_reset` or `oauth_callback`."),
        FactField("verifies", .string, "The secret the handler checks: `verifies`, else `password` for purpose `login` and `otp` for purpose `otp`."),
        FactField("verifies_guessable_secret", .bool, "That secret can be found by trying values: `password`, `otp` or `guessable_secret`."),
        FactField("is_admin", .bool, "The purpose is `admin`, or a path segment is `admin`."),
        FactField("addresses_object", .bool, "The path has a parameter (`{id}`): it addresses one object."),
        FactField("checks_object_ownership", .bool, "The handler checks that the caller owns the object."),
        FactField("include_in_schema", .bool, "Listed in the OpenAPI document (FastAPI default True)."),
        FactField("rate_limit", .string, "The endpoint's own limit, e.g. `5/minute`."),
        FactField("lockout_after_failures", .int, "For an endpoint that verifies a guessable secret: failed attempts after which the account is locked, from `auth[].lockout_after_failures` of the mechanisms the endpoint uses, else (a sign-in with `auth: none`) of every password-style mechanism (all must state one; the largest counts). Unknown otherwise."),
        FactField("rate_limited", .bool, "A limit applies: its own, the rate-limit middleware's default, or the ingress's. Unknown when the model lists no middleware and gives no limit."),
        FactField("expensive", .bool, "The handler is expensive per call."),
        FactField("fetches_user_url", .bool, "The handler fetches a URL the client supplies (`fetches_user_url`, or `capabilities.fetches_url` described)."),
        FactField("url_fetch_guard", .string, "What is checked before that fetch: `none`, `scheme_only`, `ip_literal_block`, `resolved_address_check`, `host_allowlist`, or `unspecified`."),
        FactField("url_fetch_guarded", .bool, "The fetch cannot reach internal addresses: a host allow-list or a check of every resolved address, with redirects off or checked at each hop."),
        FactField("url_fetch_gap", .string, "Why the guard falls short, in one sentence (empty when it holds)."),
        FactField("reflects_input_with_secrets", .bool, "The response reflects input next to a secret (BREACH precondition)."),
        FactField("raises_http_exception_details", .bool, "`HTTPException(detail=...)` carries internal details."),
        FactField("request_model", .string, "The request body's Pydantic model."),
        FactField("response_model", .string, "The response's Pydantic model."),
        FactField("sensitive_response_fields", .list, "Sensitive fields in the response: the endpoint's `sensitive_response_fields` plus response-model fields marked sensitive."),
    ])]

    func input(of model: ArchitectureModel) -> ArchitectureModel? { RoutingInput.of(model) }

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let model = context.model
        let table = context.routeTable
        let mechanisms = Dictionary((model.auth ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let models = Dictionary((model.models ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let protectedPrefixes = (model.routers ?? []).enumerated().compactMap { index, router -> (Int, String)? in
            guard let prefix = router.prefix, !prefix.isEmpty, prefix != "/", table.protects(router) else { return nil }
            return (index, prefix)
        }
        let prefixIndex = ProtectedPrefixIndex(protectedPrefixes)
        let globalLimit = Self.globalRateLimit(model: model)
        let authListPath: ModelPath = "auth"
        // Per router, the paths of the router's own keys its endpoints' facts come from, made once.
        let routerPaths = (model.routers ?? []).indices.map { index in
            let router = ModelPath("routers").appending(index)
            return (prefix: router.appending("prefix"), dependencies: router.appending("dependencies"), authAny: router.appending("auth_any"))
        }
        return table.routes.map { route in
            let endpoint = route.endpoint
            let path = route.path
            var subject = FactSubject(scope: "endpoint", path: path, name: route.displayName, component: Component.routing)
            // About 35 facts: room for all of them at once rather than growing the tables four times.
            subject.values.reserveCapacity(40)
            subject.valuePaths.reserveCapacity(40)
            // Paths several facts come from, made once: 10,000 endpoints hold a few hundred thousand paths.
            let pathPath = path.appending("path"), methodsPath = path.appending("methods"), purposePath = path.appending("purpose")
            let rateLimitPath = path.appending("rate_limit"), responseModelPath = path.appending("response_model")
            subject.set("path", .string(route.fullPath), from: pathPath)
            subject.set("methods", .list(route.methods), from: methodsPath)
            subject.set("mutating", .bool(route.isMutating), from: endpoint.readOnly != nil ? path.appending("read_only") : methodsPath)
            let method = route.methods.first { ["POST", "PUT", "PATCH", "DELETE"].contains($0) } ?? route.methods.first
            subject.set("method", FactValue(method), from: methodsPath)
            subject.set("router_prefix", .string(route.router.prefix ?? ""), from: routerPaths[route.routerIndex].prefix)
            let state = route.authState
            let middlewareAuth = route.middlewareMechanisms.first { !route.disabledMechanisms.contains($0.id) }
            let authPath = endpoint.auth != nil ? path.appending("auth")
                : endpoint.authAny != nil ? path.appending("auth_any")
                : route.router.routeAuthentication.isEmpty && middlewareAuth != nil ? ModelPath("middleware").appending(middlewareAuth!.middlewareIndex).appending("authenticates_with")
                : route.router.dependencies == nil && route.router.authAny != nil ? routerPaths[route.routerIndex].authAny
                : routerPaths[route.routerIndex].dependencies
            let switchedOff = route.disabledMechanisms.intersection([endpoint.auth ?? ""] + route.router.routeAuthentication + (endpoint.authAny ?? [])).sorted()
            let unspecifiedText = switchedOff.isEmpty
                ? "unspecified (no `auth` on the endpoint, no `dependencies` on router `\(route.router.prefix ?? "")`)"
                : "unspecified (\(switchedOff.map { "`\($0)`" }.joined(separator: ", ")) switched off in this environment: `enabled: false`)"
            subject.set("auth_state", .string(state), from: authPath, shownAs: state == "unspecified" ? unspecifiedText : nil)
            subject.set("auth_mechanisms", .list(route.mechanisms), from: authPath)
            subject.set("auth_transports", .list(route.mechanisms.compactMap { mechanisms[$0]?.transport?.rawValue }), from: authListPath)
            if state != "authenticated", let match = prefixIndex.first(over: route.fullPath, except: route.routerIndex) {
                subject.set("protected_prefix", .string(match.1), from: ModelPath("routers").appending(match.0).appending("dependencies"))
            }
            subject.set("auth_any", .list(route.anyOfMechanisms), from: endpoint.authAny != nil ? path.appending("auth_any") : routerPaths[route.routerIndex].authAny)
            subject.set("scopes", .list(route.scopes), from: endpoint.scopes != nil || route.router.scopes == nil ? path.appending("scopes") : route.routerPath.appending("scopes"))
            if let tenant = endpoint.tenant {
                let tenantPath = path.appending("tenant")
                subject.set("tenant_id_from", .string(tenant.idFrom.rawValue), from: tenantPath.appending("id_from"))
                subject.set("tenant_id_from_client", .bool(tenant.idFrom.isClientControlled), from: tenantPath.appending("id_from"))
                subject.set("checks_tenant_membership", FactValue(tenant.checksMembership), from: tenantPath.appending("checks_membership"))
            }
            let purpose = endpoint.purpose
            subject.set("purpose", FactValue(purpose?.rawValue), from: purposePath)
            subject.set("is_login", .bool(purpose?.isSignIn ?? false), from: purposePath)
            let verified = endpoint.verifies ?? purpose?.defaultVerifiedSecret
            let verifiedPath = endpoint.verifies != nil ? path.appending("verifies") : purposePath
            let defaulted = endpoint.verifies == nil && verified != nil ? "\(verified!.rawValue) (the default for purpose \(purpose!.rawValue))" : nil
            subject.set("verifies", FactValue(verified?.rawValue), from: verifiedPath, shownAs: defaulted)
            subject.set("verifies_guessable_secret", FactValue(verified?.isGuessable), from: verifiedPath, shownAs: defaulted)
            if verified?.isGuessable == true, let lockout = Self.lockout(for: route.mechanisms, in: model.auth ?? []) {
                subject.set("lockout_after_failures", .int(lockout.failures), from: ModelPath("auth").appending(lockout.index).appending("lockout_after_failures"),
                            shownAs: "\(lockout.failures) (\(lockout.reason))")
            }
            let adminSegment = route.fullPath.split(separator: "/").contains { $0.lowercased() == "admin" }
            subject.set("is_admin", .bool(purpose == .admin || adminSegment), from: purpose == .admin ? purposePath : pathPath)
            subject.set("addresses_object", .bool(route.fullPath.contains("{")), from: pathPath)
            subject.set("checks_object_ownership", FactValue(endpoint.checksObjectOwnership), from: path.appending("checks_object_ownership"))
            subject.set("include_in_schema", .bool(endpoint.includeInSchema ?? true), from: path.appending("include_in_schema"))
            subject.set("rate_limit", FactValue(endpoint.rateLimit), from: rateLimitPath)
            if endpoint.rateLimit != nil {
                subject.set("rate_limited", .bool(true), from: rateLimitPath)
            } else if let globalLimit {
                subject.set("rate_limited", .bool(true), from: globalLimit.path, shownAs: "true (\(globalLimit.text))")
            } else if model.middleware != nil {
                subject.set("rate_limited", .bool(false), from: rateLimitPath,
                            shownAs: "false (no endpoint rate_limit, no rate-limit middleware default_limit, no ingress rate limiting)")
            }
            subject.set("expensive", FactValue(endpoint.expensive), from: path.appending("expensive"))
            let fetch = endpoint.capabilities?.fetchesUrl
            let fetchPath = fetch != nil ? path.appending("capabilities").appending("fetches_url") : path.appending("fetches_user_url")
            subject.set("fetches_user_url", fetch != nil ? .bool(true) : FactValue(endpoint.fetchesUserUrl), from: fetchPath)
            if fetch != nil || endpoint.fetchesUserUrl == true {
                let assessment = URLFetchGuard(fetch: fetch)
                subject.set("url_fetch_guard", .string(assessment.name), from: fetch != nil ? fetchPath.appending("guard") : fetchPath)
                subject.set("url_fetch_guarded", .bool(assessment.isSufficient), from: fetchPath)
                subject.set("url_fetch_gap", .string(assessment.gap ?? ""), from: fetchPath)
            }
            subject.set("reflects_input_with_secrets", FactValue(endpoint.reflectsInputWithSecrets), from: path.appending("reflects_input_with_secrets"))
            subject.set("raises_http_exception_details", FactValue(endpoint.raisesHttpExceptionDetails), from: path.appending("raises_http_exception_details"))
            subject.set("request_model", FactValue(endpoint.requestModel), from: path.appending("request_model"))
            subject.set("response_model", FactValue(endpoint.responseModel), from: responseModelPath)
            var sensitive = endpoint.sensitiveResponseFields ?? []
            let modelSensitive = endpoint.responseModel.flatMap { models[$0] }.map { ($0.fields ?? []).filter { $0.sensitive == true }.map(\.name) } ?? []
            for name in modelSensitive where !sensitive.contains(name) { sensitive.append(name) }
            subject.set("sensitive_response_fields", .list(sensitive),
                        from: endpoint.sensitiveResponseFields != nil ? path.appending("sensitive_response_fields") : responseModelPath)
            return subject
        }
    }

    /// A limit that applies to every route, and where the model says so.
    static func globalRateLimit(model: ArchitectureModel) -> (text: String, path: ModelPath)? {
        if let index = model.middleware?.firstIndex(where: { $0.type == .rateLimit && $0.defaultLimit != nil }) {
            let limiter = model.middleware![index]
            return ("\(limiter.library ?? "rate limiter") default_limit \(limiter.defaultLimit!)", ModelPath("middleware").appending(index).appending("default_limit"))
        }
        if model.deployment?.ingress?.rateLimiting == true { return ("the ingress limits rates", "deployment.ingress.rate_limiting") }
        return nil
    }

    /// `/admin/export` is under `/admin`; `/administrator` is not.
    static func path(_ path: String, isUnder prefix: String) -> Bool {
        let trimmed = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        return path == trimmed || path.hasPrefix(trimmed + "/")
    }

    /// Mechanism types whose accounts a sign-in endpoint checks passwords or codes for.
    static let passwordStyleTypes: Set<AuthType> = [.oauth2Jwt, .jwt, .httpBasic, .sessionCookie, .custom]

    /// The account lockout that applies to an endpoint verifying a guessable secret: the largest
    /// `lockout_after_failures` among the mechanisms the endpoint uses when they all state one, else,
    /// when it uses none (a sign-in with `auth: none`), among every password-style mechanism when they
    /// all state one. `nil` when any of them does not say: a lockout on one mechanism is no evidence
    /// for accounts of another.
    static func lockout(for used: [String], in mechanisms: [AuthMechanism]) -> (failures: Int, index: Int, reason: String)? {
        let indexed = Array(mechanisms.enumerated())
        let own = indexed.filter { used.contains($0.element.id) && $0.element.type != .none }
        let candidates = own.isEmpty ? indexed.filter { passwordStyleTypes.contains($0.element.type) } : own
        guard !candidates.isEmpty, candidates.allSatisfy({ $0.element.lockoutAfterFailures != nil }),
              let largest = candidates.max(by: { $0.element.lockoutAfterFailures! < $1.element.lockoutAfterFailures! }) else { return nil }
        let reason = own.isEmpty
            ? "every password-style auth mechanism locks the account; the largest threshold is `\(largest.element.id)`'s"
            : "the account lockout of `\(largest.element.id)`, which the endpoint uses"
        return (largest.element.lockoutAfterFailures!, largest.offset, reason)
    }
}

/// The routers whose prefix protects other routes, found by a route's path in time proportional to the
/// path's length rather than to the number of routers (`EndpointAnalyzer.path(_:isUnder:)` decides).
struct ProtectedPrefixIndex {
    /// (router index, prefix), in router order.
    let prefixes: [(Int, String)]
    /// Positions in `prefixes` by the prefix without its trailing `/`, in router order.
    private let positions: [String: [Int]]

    init(_ prefixes: [(Int, String)]) {
        self.prefixes = prefixes
        var positions: [String: [Int]] = [:]
        for (position, entry) in prefixes.enumerated() {
            let trimmed = entry.1.hasSuffix("/") ? String(entry.1.dropLast()) : entry.1
            positions[trimmed, default: []].append(position)
        }
        self.positions = positions
    }

    /// The first router (other than `router`) whose prefix `path` is under, as a linear scan would find it.
    func first(over path: String, except router: Int) -> (Int, String)? {
        let matches = { (position: Int) in prefixes[position].0 != router && EndpointAnalyzer.path(path, isUnder: prefixes[position].1) }
        // A path under a prefix is the prefix itself or starts with the prefix and `/`; for an ASCII path
        // those are its leading parts that end before a `/`. Other paths are scanned.
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return prefixes.indices.first(where: matches).map { prefixes[$0] } }
        var candidates = positions[path] ?? []
        let bytes = Array(path.utf8)
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "/") {
            candidates += positions[String(decoding: bytes[..<offset], as: UTF8.self)] ?? []
        }
        return candidates.sorted().first(where: matches).map { prefixes[$0] }
    }
}
