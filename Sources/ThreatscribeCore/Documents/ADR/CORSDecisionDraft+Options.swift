/// The options of the CORS record, each judged for this system with the CORS engine.
extension CORSDecisionDraft {
    /// Whether each browser client of the setting's environment can make each request its routes need.
    func clientOutcomes(_ setting: CORSSetting, evaluator: CORSEvaluator) -> (good: [Prose], bad: [Prose]) {
        var good: [Prose] = [], bad: [Prose] = []
        let origins = facts.browserOrigins(in: setting.environment).filter { $0.lowercased() != setting.apiOrigin }
        let credentials: BrowserFetch.CredentialsMode = usesCredentials ? .include : .sameOrigin
        let headers = Dictionary(uniqueKeysWithValues: neededHeaders.map { ($0, Optional($0 == "Content-Type" ? "application/json" : "value")) })
        for origin in origins {
            var refused: [String] = []
            for method in routeMethods {
                let verdict = CORSBrowserVerdict(fetch: BrowserFetch(pageOrigin: origin, method: method, headers: headers, credentials: credentials), evaluator: evaluator)
                if !verdict.outcome.canRead { refused.append("\(method) (\(verdict.outcome.reason))") }
            }
            if refused.isEmpty {
                good.append(Prose("Good, because the browser client at \(MD.code(origin)) can read the API's responses to \(MD.list(routeMethods)) with \(MD.list(neededHeaders)) in \(MD.code(setting.environment.name)) (CORS engine, Starlette \(MD.code(evaluator.version.description)))."))
            } else {
                bad.append(Prose("Bad, because the browser client at \(MD.code(origin)) cannot read responses in \(MD.code(setting.environment.name)): \(refused.map(MD.text).joined(separator: "; "))."))
            }
        }
        return (good, bad)
    }

    func modelledOption(primary: CORSSetting, code: String) -> ADRContent.Option {
        var option = ADRContent.Option(
            title: "Keep the policy as modelled",
            summary: Prose("The CORSMiddleware arguments the model gives each environment, as in the code below for \(MD.code(primary.environment.name))."),
            code: Code(code))
        for setting in settings {
            guard let evaluator = setting.evaluator else {
                option.bad.append(Prose("Bad, because Starlette \(MD.code(setting.version.version.description)) refuses this configuration in \(MD.code(setting.environment.name)) when the app starts."))
                continue
            }
            let outcome = clientOutcomes(setting, evaluator: evaluator)
            option.good += outcome.good
            option.bad += outcome.bad
        }
        return option
    }

    /// Exact origins, the methods the routes use, the headers the clients need, credentials only for cookies.
    func allowListConfiguration(primary: CORSSetting) -> CORSConfiguration? {
        var origins = facts.browserOrigins(in: primary.environment).filter { $0.lowercased() != primary.apiOrigin }
        if origins.isEmpty { origins = primary.configuration.allowOrigins.filter { $0 != "*" } }
        if primary.environment.kind?.isProductionLike == true { origins = origins.filter { $0.hasPrefix("https://") } }
        guard !origins.isEmpty else { return nil }
        let methods = routeMethods.filter { $0 != "HEAD" && $0 != "OPTIONS" }
        return CORSConfiguration(allowOrigins: origins, allowMethods: methods.isEmpty ? ["GET"] : methods,
                                 allowHeaders: neededHeaders, allowCredentials: usesCredentials)
    }

    func allowListOption(primary: CORSSetting) -> ADRContent.Option {
        guard let configuration = allowListConfiguration(primary: primary) else {
            return ADRContent.Option(
                title: "An explicit allow-list",
                summary: Prose("List exact origins, methods and headers. The model names no HTTPS browser origin for \(MD.code(primary.environment.name)), so this record cannot write the list."))
        }
        var code = ["app.add_middleware(", "    CORSMiddleware,", "    allow_origins=\(PythonLiteral.list(configuration.allowOrigins)),"]
        if configuration.allowCredentials { code.append("    allow_credentials=True,") }
        code.append("    allow_methods=\(PythonLiteral.list(configuration.allowMethods)),")
        code.append("    allow_headers=\(PythonLiteral.list(configuration.allowHeaders)),")
        code.append(")")
        var option = ADRContent.Option(
            title: "An explicit allow-list",
            summary: Prose("Exact origins of the front end, only the methods the routes use, only the headers the front end sends\(configuration.allowCredentials ? ", credentials because cookies carry authentication" : ", no credentials because no cookie carries authentication") (for \(MD.code(primary.environment.name)))."),
            code: Code(code.joined(separator: "\n")))
        if let evaluator = try? CORSEvaluator(configuration: configuration, version: primary.version.version) {
            let outcome = clientOutcomes(primary, evaluator: evaluator)
            option.good += outcome.good
            option.bad += outcome.bad
            let attacker = evaluator.response(to: .preflight(origin: CORSPolicyAnalysis.attackerOrigin, method: routeMethods.first { !["GET", "HEAD", "POST"].contains($0) } ?? "PUT"))
            option.good.append(Prose("Good, because any other origin's preflight is refused (\(MD.code("\(attacker.status) \(attacker.body)")) for \(MD.code(CORSPolicyAnalysis.attackerOrigin))) and \(MD.code("allow_headers")) no longer mirrors whatever a page asks for."))
        }
        option.bad.append(Prose("Bad, because a new method or request header must be added here too; until it is, the browser console shows a CORS error for it (in development first, if the lists match)."))
        return option
    }

    func proxyOption() -> ADRContent.Option {
        ADRContent.Option(
            title: "A same-origin proxy (no CORSMiddleware)",
            summary: Prose("The front end's own host forwards API paths to the service, so the browser only ever talks to one origin and the API sends no CORS headers."),
            good: [Prose("Good, because there is no cross-origin read policy to get wrong: without CORSMiddleware Starlette sends no `Access-Control-Allow-Origin`, so pages on other origins cannot read responses.")],
            bad: [Prose("Bad, because every request takes one more hop, and the proxy must forward authentication and the client's address (rate limits keyed on the address otherwise see the proxy)."),
                  Prose("Bad, because the API stays reachable directly unless the deployment restricts it: CORS never was access control.")])
    }

    func anyOriginOption(primary: CORSSetting) -> ADRContent.Option {
        let configuration = CORSConfiguration(allowOrigins: ["*"], allowCredentials: primary.configuration.allowCredentials)
        var option = ADRContent.Option(
            title: "Any origin (allow_origins=[\"*\"])",
            summary: Prose("Every web origin may read responses\(configuration.allowCredentials ? ", with `allow_credentials=True` kept" : "")."))
        guard let evaluator = try? CORSEvaluator(configuration: configuration, version: primary.version.version) else { return option }
        let answer = evaluator.response(to: CORSRequest(method: "GET", origin: CORSPolicyAnalysis.attackerOrigin, hasCookie: true))
        let origin = answer.allowOrigin.map(MD.code) ?? "no `Access-Control-Allow-Origin`"
        let credentials = answer.allowCredentials == "true" ? " and `Access-Control-Allow-Credentials: true`" : ""
        if answer.allowCredentials == "true" && answer.allowOrigin == CORSPolicyAnalysis.attackerOrigin {
            option.bad.append(Prose("Bad, because Starlette \(MD.code(primary.version.version.description)) answers a cookie-bearing request from \(MD.code(CORSPolicyAnalysis.attackerOrigin)) with \(origin)\(credentials): every website its users visit reads responses with their cookies."))
        } else {
            option.good.append(Prose("Good, because the front end can never be refused, whatever its origin."))
            option.bad.append(Prose("Bad, because every website its users visit can read whatever the API returns without credentials (Starlette answers \(MD.code(CORSPolicyAnalysis.attackerOrigin)) with \(origin)\(credentials)), including from inside their network."))
        }
        return option
    }
}
