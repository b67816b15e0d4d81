/// Facts about each authentication mechanism: where its credential travels, how JWTs are verified,
/// where secrets come from, lifetimes, and which endpoints use it (scope `auth`).
struct AuthMechanismAnalyzer: Analyzer {
    let scopes = [FactScope("auth", "An authentication mechanism the API accepts.", fields: [
        FactField("id", .string, "The mechanism's id."),
        FactField("type", .string, "`api_key`, `oauth2_jwt`, `jwt`, `http_basic`, `session_cookie`, `signed_url_token`, `mtls`, `custom`."),
        FactField("transport", .string, "Where the credential travels: `header`, `cookie`, `query`, `body`, `path`."),
        FactField("parameter", .string, "The header, cookie or query parameter name."),
        FactField("parameter_name", .string, "`parameter`, or `$CREDENTIAL_PARAMETER` (in commands `\"$CREDENTIAL_PARAMETER\"`, defined once in the report) when the model does not name it."),
        FactField("is_jwt", .bool, "The mechanism verifies JWTs (type `jwt`/`oauth2_jwt`, or `jwt` settings given)."),
        FactField("jwt_described", .bool, "The model describes how JWTs are verified (`jwt:` settings)."),
        FactField("jwt_library", .string, "The JWT library (`python-jose`, `pyjwt`, …)."),
        FactField("jwt_library_version", .string, "That library's version (from `jwt.library_version` or `dependencies`)."),
        FactField("algorithms", .list, "The `algorithms=` list passed to decode."),
        FactField("algorithms_text", .string, "The `algorithms=` list as prose: `[\"RS256\"]`, or `not passed (the token header decides)`."),
        FactField("algorithms_pinned", .bool, "decode is given an `algorithms=` list (known when `jwt:` settings are given)."),
        FactField("mixes_hmac_and_public_key_algorithms", .bool, "The list allows both HS* and RS*/ES*/PS*/EdDSA algorithms."),
        FactField("verifies_signature", .bool, "Signatures are verified."),
        FactField("verifies_expiry", .bool, "`exp` is checked."),
        FactField("jose_cve_2024_33663", .bool, "python-jose ≤ 3.3.0 (GHSA-6c5p-j8vq-pqhj: a public key accepted as an HMAC secret)."),
        FactField("jose_cve_2026_85394", .bool, "python-jose ≤ 3.5.0 (CVE-2026-85394: a DER public key accepted as an HMAC secret; no fixed release named)."),
        FactField("secret_source", .string, "Where the signing or verification secret comes from."),
        FactField("token_lifetime_seconds", .int, "Lifetime of an issued token or session, in seconds."),
        FactField("token_lifetime_hours", .int, "That lifetime in whole hours."),
        FactField("revocable", .bool, "Issued credentials can be revoked before they expire."),
        FactField("endpoints", .list, "Endpoints that name the mechanism (`METHOD /path`), also when it is switched off here."),
        FactField("endpoint_paths", .list, "Their full paths."),
        FactField("probe_path", .string, "A path for example requests: the first of those endpoints without path parameters (GET preferred), else the first, else `/`."),
        FactField("csrf_defended", .bool, "A CSRF defence is described: a custom middleware with `purpose: csrf`, or a `csrf` control claimed as implemented. Unknown when the model lists no middleware."),
    ] + flowFields)]

    func input(of model: ArchitectureModel) -> ArchitectureModel? { RoutingInput.withControlsAndVersions(model) }

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let model = context.model
        let table = context.routeTable
        let csrf = Self.csrfDefence(model: model)
        return (model.auth ?? []).enumerated().map { index, mechanism in
            let path = ModelPath("auth").appending(index)
            var subject = FactSubject(scope: "auth", path: path, name: mechanism.id, component: Component.authentication)
            subject.set("id", .string(mechanism.id), from: path.appending("id"))
            subject.set("type", .string(mechanism.type.rawValue), from: path.appending("type"))
            subject.set("transport", FactValue(mechanism.transport?.rawValue), from: path.appending("transport"))
            subject.set("parameter", FactValue(mechanism.parameter), from: path.appending("parameter"))
            subject.set("parameter_name", .string(mechanism.parameter ?? "$" + CommandVariable.credentialParameter.rawValue), from: path.appending("parameter"))
            if mechanism.parameter == nil { subject.shellStandIns["parameter_name"] = CommandVariable.credentialParameter.reference }
            subject.set("secret_source", FactValue(mechanism.secretSource?.rawValue), from: path.appending("secret_source"))
            subject.set("token_lifetime_seconds", FactValue(mechanism.tokenLifetimeSeconds), from: path.appending("token_lifetime_seconds"))
            subject.set("token_lifetime_hours", FactValue(mechanism.tokenLifetimeSeconds.map { $0 / 3600 }), from: path.appending("token_lifetime_seconds"))
            subject.set("revocable", FactValue(mechanism.revocable), from: path.appending("revocable"))
            let routes = table.routes(naming: mechanism.id)
            subject.set("endpoints", .list(routes.map(\.displayName)), from: routes.first?.path ?? "routers")
            subject.set("endpoint_paths", .list(routes.map(\.fullPath)), from: routes.first?.path ?? "routers")
            let plain = routes.filter { !$0.fullPath.contains("{") }
            let probe = plain.first { $0.methods.contains("GET") } ?? plain.first ?? routes.first
            subject.set("probe_path", .string(probe?.fullPath ?? "/"), from: probe?.path ?? "routers")
            if let csrf { subject.set("csrf_defended", .bool(csrf.defended), from: csrf.path, shownAs: csrf.shown) }
            setJWTFacts(on: &subject, mechanism: mechanism, path: path, context: context)
            setFlowFacts(on: &subject, mechanism: mechanism, path: path)
            return subject
        }
    }

    private func setJWTFacts(on subject: inout FactSubject, mechanism: AuthMechanism, path: ModelPath, context: AnalysisContext) {
        let isJWT = mechanism.type == .jwt || mechanism.type == .oauth2Jwt || mechanism.jwt != nil
        subject.set("is_jwt", .bool(isJWT), from: path.appending("type"))
        subject.set("jwt_described", .bool(mechanism.jwt != nil), from: path.appending("jwt"))
        guard let jwt = mechanism.jwt else { return }
        let jwtPath = path.appending("jwt")
        subject.set("jwt_library", FactValue(jwt.library), from: jwtPath.appending("library"))
        let library = jwt.library?.lowercased()
        let version = jwt.libraryVersion ?? library.flatMap { context.frameworkVersion($0) }
        subject.set("jwt_library_version", FactValue(version), from: jwt.libraryVersion != nil ? jwtPath.appending("library_version") : "dependencies")
        subject.set("algorithms", .list(jwt.algorithms ?? []), from: jwtPath.appending("algorithms"),
                    shownAs: jwt.algorithms == nil ? "(not passed: the token header's `alg` decides)" : nil)
        subject.set("algorithms_text", .string(jwt.algorithms.map { FactValue.list($0).pythonLiteral } ?? "not passed (the token header decides)"),
                    from: jwtPath.appending("algorithms"))
        subject.set("algorithms_pinned", .bool(!(jwt.algorithms ?? []).isEmpty), from: jwtPath.appending("algorithms"),
                    shownAs: jwt.algorithms == nil ? "false (no `algorithms=` list passed to decode)" : nil)
        let algorithms = (jwt.algorithms ?? []).map { $0.uppercased() }
        let hmac = algorithms.contains { $0.hasPrefix("HS") }
        let publicKey = algorithms.contains { ["RS", "ES", "PS", "ED"].contains(String($0.prefix(2))) }
        subject.set("mixes_hmac_and_public_key_algorithms", .bool(hmac && publicKey), from: jwtPath.appending("algorithms"))
        subject.set("verifies_signature", FactValue(jwt.verifiesSignature), from: jwtPath.appending("verifies_signature"))
        subject.set("verifies_expiry", FactValue(jwt.verifiesExpiry), from: jwtPath.appending("verifies_expiry"))
        if library == "python-jose", let parsed = version.flatMap(VersionRequirement.init)?.version {
            let versionPath: ModelPath = jwt.libraryVersion != nil ? jwtPath.appending("library_version") : "dependencies"
            subject.set("jose_cve_2024_33663", .bool(parsed <= PackageVersion([3, 3, 0])), from: versionPath)
            subject.set("jose_cve_2026_85394", .bool(parsed <= PackageVersion([3, 5, 0])), from: versionPath)
        }
    }

    /// Whether the model describes a CSRF defence; nil when it lists no middleware.
    static func csrfDefence(model: ArchitectureModel) -> (defended: Bool, path: ModelPath, shown: String?)? {
        if let index = model.middleware?.firstIndex(where: { $0.type == .custom && $0.purpose == .csrf }) {
            return (true, ModelPath("middleware").appending(index), nil)
        }
        if let index = model.controls?.firstIndex(where: { $0.kind == "csrf" && ($0.status ?? .implemented).claimsPresence }) {
            return (true, ModelPath("controls").appending(index), nil)
        }
        guard model.middleware != nil else { return nil }
        return (false, "middleware", "false (no CSRF middleware in `middleware`, no `csrf` control)")
    }
}
