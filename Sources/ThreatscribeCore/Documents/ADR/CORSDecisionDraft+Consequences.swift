/// What the model shows against the CORS policy beyond the catalog's findings, what the policy does
/// not do, and the claims about it the model records that are false.
extension CORSDecisionDraft {
    func derivedConcerns(_ settings: [CORSSetting]) -> [Prose] {
        var lines: [Prose] = []
        let credentialed = settings.filter { $0.configuration.allowCredentials }
        if !credentialed.isEmpty && !usesCredentials {
            let header = neededHeaders.first { $0 != "Content-Type" } ?? "Authorization"
            lines.append(Prose("Bad, because `allow_credentials=True` (in \(credentialed.map { MD.code($0.environment.name) }.joined(separator: ", "))) serves nothing the model shows: no authentication travels in cookies or HTTP authentication. It only lets allowed origins read responses that a future cookie would authenticate. A header set by JavaScript, such as \(MD.code(header)), is not a credential in the Fetch sense; it needs `allow_headers`, not `allow_credentials`."))
        }
        for setting in settings {
            let origins = facts.browserOrigins(in: setting.environment)
            guard let api = setting.apiOrigin, !origins.isEmpty, origins.allSatisfy({ $0.lowercased() == api }) else { continue }
            lines.append(Prose("Bad, because in \(MD.code(setting.environment.name)) the browser client is served from the API's own origin \(MD.code(api)): its requests are same-origin and need no CORS, so the middleware there serves no client the model names and only widens who may read."))
        }
        // `*` methods with credentials: one line for every environment where the engine approves the same list.
        var wildcard: [(environments: [String], methods: [String], version: String)] = []
        for setting in credentialed where setting.configuration.allowsAllMethods {
            guard let evaluator = setting.evaluator else { continue }
            if let index = wildcard.firstIndex(where: { $0.methods == evaluator.allowedMethods && $0.version == evaluator.version.description }) {
                wildcard[index].environments.append(setting.environment.name)
            } else {
                wildcard.append(([setting.environment.name], evaluator.allowedMethods, evaluator.version.description))
            }
        }
        for group in wildcard {
            let extra = group.methods.filter { !routeMethods.contains($0) && $0 != "OPTIONS" && $0 != "HEAD" }
            guard !extra.isEmpty, !routeMethods.isEmpty else { continue }
            lines.append(Prose("Bad, because `allow_methods=[\"*\"]` with credentials (in \(group.environments.map(MD.code).joined(separator: ", "))) approves \(MD.list(group.methods)) for credentialed requests (Starlette \(MD.code(group.version))), while the routes use \(MD.list(routeMethods)): \(MD.list(extra)) \(extra.count == 1 ? "is" : "are") approved for no client."))
        }
        lines += sameSiteConcerns()
        for setting in settings {
            guard let regex = setting.configuration.allowOriginRegex, let evaluator = setting.evaluator else { continue }
            for suffix in HostingSuffix.known where regex.replacingOccurrences(of: "\\", with: "").contains(suffix) {
                let tenant = "https://attacker-tenant.\(suffix)"
                if evaluator.isAllowedOrigin(tenant) {
                    lines.append(Prose("Bad, because `allow_origin_regex` in \(MD.code(setting.environment.name)) admits \(MD.code(tenant)): \(MD.code(suffix)) is a public suffix, so every tenant who deploys there is an allowed origin\(setting.configuration.allowCredentials ? ", with credentials" : "") (CORS engine)."))
                }
            }
        }
        return lines
    }

    /// A front end on the same site as the API: `SameSite` cookies do not tell them apart.
    private func sameSiteConcerns() -> [Prose] {
        guard let primary else { return [] }
        guard let apiHost = primary.apiOrigin.flatMap(HostingSuffix.host(ofOrigin:)), let apiSite = HostingSuffix.site(of: apiHost) else { return [] }
        let sameSite = facts.browserOrigins(in: primary.environment).filter { origin in
            guard let host = HostingSuffix.host(ofOrigin: origin), host != apiHost else { return false }
            return HostingSuffix.site(of: host) == apiSite
        }
        guard !sameSite.isEmpty else { return [] }
        let future = usesCredentials ? "" : " should cookies be added later"
        return [Prose("Bad, because the front end \(MD.list(sameSite)) and the API \(MD.code(apiHost)) are the same site (\(MD.code(apiSite))): `SameSite=Lax` or `Strict` cookies will not separate them, and any other host under \(MD.code(apiSite)) is same-site too\(future). CSRF defence cannot rest on `SameSite` here.")]
    }

    func neutralConsequences(_ primary: CORSSetting) -> [Prose] {
        var lines = [Prose("Neutral, because CORS only governs what pages in a browser may read: `curl`, scripts and servers call the API whatever the policy, so authentication and rate limits must hold on their own.")]
        if let evaluator = primary.evaluator, routeMethods.contains("POST") {
            let answer = evaluator.response(to: CORSRequest(method: "POST", origin: CORSPolicyAnalysis.attackerOrigin, hasCookie: true))
            if answer.handlerRuns {
                lines.append(Prose("Neutral, because CORS is not CSRF protection: a cross-site `POST` with `Content-Type: text/plain` is sent without a preflight, and Starlette runs the endpoint for it (CORS engine: \(MD.code(CORSPolicyAnalysis.attackerOrigin)) gets \(answer.allowOrigin.map { "`Access-Control-Allow-Origin: \($0)`" } ?? "no `Access-Control-Allow-Origin`") but the handler has run). Only the reading of the response is blocked."))
            }
        }
        lines.append(Prose("Neutral, because an unhandled exception is answered by Starlette's `ServerErrorMiddleware`, outside CORSMiddleware: that 500 carries no CORS headers, and the front end sees a CORS error instead of the error."))
        return lines
    }

    /// Claims in the model that CORS prevents CSRF (or stops non-browser callers), named and corrected.
    func claimCorrections(_ primary: CORSSetting) -> [Prose] {
        var lines: [Prose] = []
        for (index, control) in (report.model.base.controls ?? []).enumerated() {
            guard let claim = control.claim else { continue }
            let lower = claim.lowercased()
            guard lower.contains("cors") || control.kind == "cors" else { continue }
            if lower.contains("csrf") || lower.contains("cross-site request forgery") {
                lines.append(Prose("\(MD.code("controls[\(index)]")) (\(MD.text(control.name))) claims “\(MD.text(claim))”. Corrected: CORS does not prevent CSRF. A cross-site form or `text/plain` `POST` needs no preflight and reaches the endpoint with the user's cookies; CSRF needs its own defence (a token, or checking `Origin`/`Sec-Fetch-Site` on state-changing requests)."))
            }
        }
        return lines
    }

    func implementation(_ settings: [CORSSetting]) -> [Prose] {
        var lines: [Prose] = []
        let origins = Set(settings.map(\.configuration.allowOrigins))
        if origins.count > 1 {
            let values = settings.map { setting in
                "# \(setting.environment.name)\nALLOWED_ORIGINS=\(ShellWord.quoted(JSONText.array(setting.configuration.allowOrigins)))"
            }.joined(separator: "\n")
            lines.append(Prose("""
                The origins differ per environment (\(settings.map { MD.code($0.environment.name) }.joined(separator: ", "))). Read them from settings (pydantic-settings decodes a list from a JSON environment variable) and refuse to start when a production-like environment's list holds `*`, an `http://` origin or a loopback address:

                \(MarkdownEscaping.fencedBlock(Self.settingsClass, language: "python"))

                The values the model gives each environment:

                \(MarkdownEscaping.fencedBlock(values, language: "bash"))
                """))
        }
        for setting in settings {
            if let location = setting.environment.locations.codeLocation(of: setting.path) {
                lines.append(Prose("The middleware is registered at \(MD.code(location.description)) (\(MD.code(setting.environment.name)))."))
            }
        }
        if let provider = report.model.base.deployment?.provider {
            lines.append(Prose("Deployment: \(MD.code(provider)); keep each environment's origins in its own configuration there, not in the image."))
        }
        lines.append(Prose("CORSMiddleware must wrap every middleware that can answer on its own (authentication, rate limiting), or those answers reach the browser without CORS headers: add it last with `add_middleware`, so it runs first."))
        return lines
    }

    static let settingsClass = """
        from pydantic import model_validator
        from pydantic_settings import BaseSettings


        class Settings(BaseSettings):
            environment: str = "development"
            allowed_origins: list[str] = []  # ALLOWED_ORIGINS, a JSON list

            @model_validator(mode="after")
            def no_broad_origins_in_production(self):
                if self.environment in ("production", "staging"):
                    broad = [o for o in self.allowed_origins
                             if o == "*" or o.startswith("http://") or "localhost" in o or "127.0.0.1" in o]
                    if broad:
                        raise ValueError(f"CORS origins not allowed in {self.environment}: {broad}")
                return self
        """

    func moreInformation(_ primary: CORSSetting) -> [Prose] {
        [
            Prose("[Starlette's CORSMiddleware](https://www.starlette.io/middleware/#corsmiddleware); [the CORS protocol](https://fetch.spec.whatwg.org/#http-cors-protocol) (Fetch standard); [OWASP CSRF Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html)."),
            Prose("The threat model for the same model (`threatscribe analyze`) has each finding named above with its evidence, fix and validation."),
        ]
    }

    /// The record when no environment registers CORSMiddleware: the same-origin policy is the decision.
    func withoutMiddleware(limits: [Prose]) -> ADRContent {
        var limits = limits
        let described = report.model.environments.contains { $0.model.middleware != nil }
        limits.insert(described
            ? Prose("The model registers no CORSMiddleware in any environment. Browsers therefore get no CORS headers, and pages on other origins cannot read the API's responses. This record documents that state; it does not invent a configuration.")
            : Prose("The model does not list the app's middleware, so whether a CORSMiddleware is registered is not known. This record states what follows if there is none; describe the middleware in the model for a record of the real policy."), at: 0)
        var bad: [Prose] = []
        for environment in report.model.environments {
            guard let api = environment.baseURL.flatMap(CORSSetting.origin(of:)) else { continue }
            let foreign = facts.browserOrigins(in: environment).filter { $0.lowercased() != api }
            if !foreign.isEmpty {
                bad.append(Prose("Bad, because in \(MD.code(environment.name)) the browser clients at \(MD.list(foreign)) are on another origin than \(MD.code(api)): their reads fail with a CORS error unless a proxy serves the API from their origin."))
            }
        }
        let modelled = ADRContent.Option(
            title: "No CORSMiddleware (same-origin only)",
            summary: Prose("As the model stands: no cross-origin reads are allowed."),
            good: [Prose("Good, because no other origin can read responses in a browser.")], bad: bad)
        return ADRContent(
            title: "\(ADRDecision.corsPolicy.subject) of \(report.model.base.system.name)",
            problem: [Prose("Which web origins may read \(MD.text(report.model.base.system.name))'s responses in a browser. The model registers no CORSMiddleware.")],
            facts: facts.facts(), drivers: [], options: [modelled, proxyOption()], chosen: 0,
            action: "keep the API same-origin only, with no CORSMiddleware",
            justification: Prose("it is what the model shows: no CORSMiddleware."),
            decisionCode: nil, good: modelled.good, bad: facts.findingBullets() + bad,
            neutral: [Prose("Neutral, because without CORS headers the same-origin policy still lets other sites send simple requests (CSRF is a separate concern).")],
            corrections: facts.reviewCorrections(), confirmation: [], exchanges: [], implementation: [],
            moreInformation: [Prose("[Starlette's CORSMiddleware](https://www.starlette.io/middleware/#corsmiddleware).")], limits: limits)
    }
}
