/// Records of the decisions other than CORS (OpenAPI exposure, security headers, rate limiting): the
/// setting as the model gives it per environment, the usual options, and the findings against it.
struct ControlDecisionDraft {
    var facts: ADRSystemFacts
    var decision: ADRDecision { facts.decision }
    var report: AnalysisReport { facts.report }

    func content() -> ADRContent {
        var limits: [Prose] = []
        if !facts.hasProduction {
            limits.append(Prose("The model has no production environment. This record describes the environments it has; what production will do is not in the model and is not assumed here."))
        }
        let settings = report.model.environments.map { Prose("**\(MD.code($0.name))**: " + setting(in: $0)) }
        let options = self.options()
        let base = facts.primaryEnvironment?.baseURL.map { url in url.hasSuffix("/") ? String(url.dropLast()) : url }
        return ADRContent(
            title: "\(decision.subject) of \(report.model.base.system.name)",
            problem: [Prose(problem)],
            facts: facts.facts() + settings,
            drivers: drivers(),
            options: options,
            chosen: 0,
            action: "keep the setting the model configures",
            justification: Prose("it is what the model configures. The consequences below include what the analysis shows against it; resolve or accept each before the status becomes accepted."),
            decisionCode: nil,
            good: options[0].good,
            bad: facts.findingBullets() + unshownClaims(),
            neutral: options[0].neutral,
            corrections: facts.reviewCorrections(),
            confirmation: confirmation(base: base),
            exchanges: [],
            implementation: [],
            moreInformation: [Prose(reference)],
            limits: limits)
    }

    /// Production-like environments with no limit although the team claims one: the claim silences
    /// the catalog's "no rate limiting" check, so the record says it.
    private func unshownClaims() -> [Prose] {
        guard decision == .rateLimiting else { return [] }
        let claims = (report.model.base.controls ?? []).filter { $0.kind == "rate_limiting" }
        guard let claim = claims.first else { return [] }
        let bare = report.model.environments.filter { environment in
            let model = environment.model
            return environment.kind?.isProductionLike == true && !(model.middleware ?? []).contains { $0.type == .rateLimit }
                && !(model.routers ?? []).flatMap(\.endpoints).contains { $0.rateLimit != nil } && model.deployment?.ingress?.rateLimiting != true
        }
        guard !bare.isEmpty else { return [] }
        return [Prose("Bad, because no rate limit is modelled in \(bare.map { MD.code($0.name) }.joined(separator: ", ")): the claimed control \(MD.text([claim.id, claim.name].compactMap { $0 }.joined(separator: ": "))) is the only evidence, and a claim is not evidence. Describe where the limit is enforced (middleware, endpoint `rate_limit`, or the ingress).")]
    }

    private var problem: String {
        switch decision {
        case .openapiExposure: "FastAPI serves the OpenAPI document and two documentation UIs by default. Which environments serve them, and to whom, is a decision about what the API tells strangers about itself."
        case .securityHeaders: "Browsers apply protections (HSTS, CSP, framing, MIME sniffing, referrer) only when responses ask for them. Which headers the service sends, and where they are set, is this decision."
        case .rateLimiting: "Without limits, any client can call the API as fast as it likes: brute force, scraping and cost exhaustion. Where limits are enforced, and on which routes, is this decision."
        case .corsPolicy: ""
        }
    }

    private var reference: String {
        switch decision {
        case .openapiExposure: "[FastAPI: metadata and docs URLs](https://fastapi.tiangolo.com/tutorial/metadata/#docs-urls); OWASP API9:2023 Improper Inventory Management."
        case .securityHeaders: "[OWASP HTTP Headers Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html)."
        case .rateLimiting: "[OWASP API4:2023 Unrestricted Resource Consumption](https://owasp.org/API-Security/editions/2023/en/0xa4-unrestricted-resource-consumption/)."
        case .corsPolicy: ""
        }
    }

    /// The decision's setting in one environment, from the model (FastAPI's defaults named as such).
    private func setting(in environment: ResolvedEnvironment) -> String {
        let model = environment.model
        switch decision {
        case .openapiExposure:
            func url(_ value: NullableString?, _ name: String, _ fallback: String) -> String {
                switch value {
                case .none: "\(MD.code(name)) \(MD.code(fallback)) (FastAPI's default)"
                case .some(let set): set.value.map { "\(MD.code(name)) \(MD.code($0))" } ?? "\(MD.code(name)) off (`None`)"
                }
            }
            return [url(model.app?.openapiUrl, "openapi_url", "/openapi.json"), url(model.app?.docsUrl, "docs_url", "/docs"),
                    url(model.app?.redocUrl, "redoc_url", "/redoc")].joined(separator: ", ")
        case .securityHeaders:
            var parts: [String] = []
            if let headers = model.middleware?.first(where: { $0.type == .securityHeaders })?.headers, !headers.isEmpty {
                parts.append("the app sets " + headers.keys.sorted().map(MD.code).joined(separator: ", "))
            }
            if let headers = model.deployment?.ingress?.responseHeaders, !headers.isEmpty {
                parts.append("the ingress sets " + headers.keys.sorted().map(MD.code).joined(separator: ", "))
            }
            if model.deployment?.ingress?.hsts == true { parts.append("the ingress sends HSTS") }
            if model.middleware == nil { return "the model does not list the middleware, so the headers are not known" }
            return parts.isEmpty ? "no security response header is set in the model" : parts.joined(separator: "; ")
        case .rateLimiting:
            var parts: [String] = []
            for middleware in model.middleware ?? [] where middleware.type == .rateLimit {
                parts.append("rate-limit middleware" + (middleware.library.map { " \(MD.code($0))" } ?? "") + (middleware.defaultLimit.map { ", default \(MD.code($0))" } ?? ""))
            }
            let limited = (model.routers ?? []).flatMap(\.endpoints).filter { $0.rateLimit != nil }
            if !limited.isEmpty { parts.append("\(limited.count) endpoint(s) with their own limit") }
            if model.deployment?.ingress?.rateLimiting == true { parts.append("the ingress limits rates") }
            let claims = (model.controls ?? []).filter { $0.kind == "rate_limiting" }.map { MD.text($0.name) }
            if parts.isEmpty && !claims.isEmpty { return "no limit is modelled; the team claims " + claims.joined(separator: ", ") + ", but the model does not show where it is enforced" }
            return parts.isEmpty ? "no rate limiting is modelled" : parts.joined(separator: "; ")
        case .corsPolicy:
            return ""
        }
    }

    private func drivers() -> [Prose] {
        var lines: [Prose] = []
        if let exposure = report.model.base.system.exposure { lines.append(Prose("The API's exposure is \(MD.code(exposure.rawValue)).")) }
        switch decision {
        case .openapiExposure:
            lines.append(Prose("The schema lists every route, parameter and model, including routes a front end never calls."))
        case .securityHeaders:
            let browsers = report.model.environments.contains { !facts.browserOrigins(in: $0).isEmpty }
            lines.append(Prose(browsers ? "Browser clients call the API, so browser-enforced headers apply to its responses." : "The model names no browser client; headers matter for whatever a browser may still open (docs UIs, error pages)."))
        case .rateLimiting:
            let routes = (report.model.base.routers ?? []).flatMap(\.endpoints)
            let public_ = routes.filter { $0.auth == "none" }.count
            lines.append(Prose("The model has \(routes.count) endpoint(s)\(public_ > 0 ? ", \(public_) without authentication" : "")."))
        case .corsPolicy:
            break
        }
        return lines
    }

    private func options() -> [ADRContent.Option] {
        let modelled = ADRContent.Option(title: "Keep the setting as modelled",
                                         summary: Prose("What the model configures in each environment (above)."))
        switch decision {
        case .openapiExposure:
            return [modelled,
                    ADRContent.Option(title: "Turn the docs and the schema off outside development",
                                      summary: Prose("Pass `None` for each URL where the environment is not development."),
                                      code: Code("import os\nfrom fastapi import FastAPI\n\nshow_docs = os.environ.get(\"ENVIRONMENT\") == \"development\"\napp = FastAPI(\n    docs_url=\"/docs\" if show_docs else None,\n    redoc_url=\"/redoc\" if show_docs else None,\n    openapi_url=\"/openapi.json\" if show_docs else None,\n)"),
                                      good: [Prose("Good, because strangers get no map of the API.")],
                                      bad: [Prose("Bad, because client developers need another way to get the schema (a build artefact).")]),
                    ADRContent.Option(title: "Serve them behind authentication",
                                      summary: Prose("Disable the default routes and serve the schema and UIs from routes that require a login."),
                                      good: [Prose("Good, because developers keep the docs in every environment.")],
                                      bad: [Prose("Bad, because the routes and their protection are code the team maintains.")])]
        case .securityHeaders:
            return [modelled,
                    ADRContent.Option(title: "Set them in the app (middleware)",
                                      summary: Prose("A middleware adds the headers to every response the app produces."),
                                      good: [Prose("Good, because the headers travel with the code and hold in every environment.")],
                                      bad: [Prose("Bad, because responses the app never produces (proxy errors) do not get them.")]),
                    ADRContent.Option(title: "Set them at the ingress or proxy",
                                      summary: Prose("The reverse proxy or ingress adds the headers."),
                                      good: [Prose("Good, because every response through the proxy gets them, errors included.")],
                                      bad: [Prose("Bad, because local and test environments without the proxy lack them, and the app's own tests cannot see them.")])]
        case .rateLimiting:
            return [modelled,
                    ADRContent.Option(title: "Limits in the app",
                                      summary: Prose("A rate-limit middleware or per-route limits (for example slowapi) keyed on the client or the account."),
                                      good: [Prose("Good, because limits can follow the account and the route's cost.")],
                                      bad: [Prose("Bad, because each worker counts alone unless the counter is shared (Redis), and behind a proxy the client address must be trusted correctly.")]),
                    ADRContent.Option(title: "Limits at the ingress or gateway",
                                      summary: Prose("The platform's gateway limits requests before they reach the app."),
                                      good: [Prose("Good, because floods never reach the app.")],
                                      bad: [Prose("Bad, because the gateway sees addresses and paths, not accounts or the cost of a request.")])]
        case .corsPolicy:
            return [modelled]
        }
    }

    private func confirmation(base: String?) -> [Prose] {
        guard let base, let name = facts.primaryEnvironment?.name else {
            return [Prose("The model gives no base URL for its environments, so no command can be written for them.")]
        }
        let url = { (path: String) in ShellWord.quoted(base + path) }
        let route: String = {
            guard let router = report.model.base.routers?.first, let endpoint = router.endpoints.first else { return "/" }
            var path = ""
            var inParameter = false
            for character in (router.prefix ?? "") + endpoint.path {
                if character == "{" { inParameter = true; path.append("1") } else if character == "}" { inParameter = false } else if !inParameter { path.append(character) }
            }
            return path.hasPrefix("/") ? path : "/" + path
        }()
        switch decision {
        case .openapiExposure:
            return [Prose("In \(MD.code(name)), each of these prints the status; 404 means the route is off:\n\n```bash\nfor path in /openapi.json /docs /redoc; do curl -s -o /dev/null -w \"$path %{http_code}\\n\" \(ShellWord.quoted(base))\"$path\"; done\n```")]
        case .securityHeaders:
            return [Prose("In \(MD.code(name)), the response headers of the API:\n\n```bash\ncurl -sI \(url("/"))\n```\n\nCompare them with the headers this record decides on.")]
        case .rateLimiting:
            return [Prose("In \(MD.code(name)), a burst of requests must end in `429 Too Many Requests`:\n\n```bash\nfor i in $(seq 1 200); do curl -s -o /dev/null -w '%{http_code}\\n' \(url(route)); done | sort | uniq -c\n```")]
        case .corsPolicy:
            return []
        }
    }
}
