/// The analysis of the controls other than CORS: their settings per environment from the model, the
/// framework defaults, the gap, code and checks for this service.
struct ControlMitigation {
    var control: MitigationControl
    var environments: [ResolvedEnvironment]

    private func middleware(_ type: MiddlewareType, _ env: ResolvedEnvironment) -> Middleware? {
        env.model.middleware?.first { $0.type == type }
    }

    private var production: [ResolvedEnvironment] { environments.filter { $0.kind?.isProductionLike == true } }

    /// `curl` target for `path` in `env` (`CORSCommands.url`).
    private func url(_ path: String, _ env: ResolvedEnvironment) -> String { CORSCommands.url(path, in: env) }

    private var firstPath: String { firstPath(accepting: nil) }

    /// The first endpoint path without parameters (accepting `method`, when given), else `/`.
    private func firstPath(accepting method: String?) -> String {
        guard let env = environments.first else { return "/" }
        let root = env.model.app?.rootPath ?? ""
        let paths = (env.model.routers ?? []).flatMap { r in
            r.endpoints.filter { e in method.map { m in e.methods.contains { $0.uppercased() == m } } ?? true }
                .map { RouteTable.join(root, RouteTable.join(r.prefix ?? "", $0.path)) }
        }
        return paths.first { !$0.contains("{") } ?? (method == nil ? "/" : firstPath(accepting: nil))
    }

    var content: MitigationContent {
        switch control {
        case .securityHeaders: securityHeaders
        case .rateLimiting: rateLimiting
        case .openapiExposure: openapiExposure
        case .errorHandling: errorHandling
        case .sessionCookies: sessionCookies
        case .trustedHost: trustedHost
        case .authentication, .cors: authentication
        }
    }

    private func base(_ name: String, _ objective: DocumentText, present: (ResolvedEnvironment) -> String?) -> MitigationContent {
        var c = MitigationContent(name: name, objective: objective, scope: environments.map { env in
            "\(code: env.name) (\(env.kind?.rawValue ?? "kind not stated")): " + (present(env).map { DocumentText($0) } ?? "the model shows no \(name).")
        })
        if environments.allSatisfy({ present($0) == nil }) {
            c.absence = "The model shows no \(name) in any covered environment, so there is no configuration to analyse; the findings below say what its absence exposes."
        }
        return c
    }

    private func checks(_ title: DocumentText, _ command: (ResolvedEnvironment) -> String) -> [DocumentBlock] {
        [.paragraph(title), .listing("bash", environments.map { "# \($0.name)\n" + command($0) }.joined(separator: "\n"))]
    }

    // MARK: security headers

    private static let standardHeaders = ["Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options", "X-Frame-Options",
                                          "Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy"]

    private func headers(_ env: ResolvedEnvironment) -> [String: String] { middleware(.securityHeaders, env)?.headers ?? [:] }

    var securityHeaders: MitigationContent {
        var c = base("security-headers middleware", "Judge whether the response headers this service sets make browsers refuse framing, MIME sniffing, mixed content and injected script, per environment.") { env in
            middleware(.securityHeaders, env).map { "\($0.name ?? "security headers") at \($0.source ?? "no source given") sets \(($0.headers ?? [:]).count) header(s)." }
        }
        let names = Self.standardHeaders + Set(environments.flatMap { headers($0).keys }).subtracting(Self.standardHeaders).sorted()
        c.options = [.paragraph("Starlette and FastAPI send none of these headers by default; each is set only where the model shows it."),
                     ControlOption.table(names.map { name in
                         ControlOption(name: name, defaultValue: "not sent", value: { headers($0)[name] }, effect: Self.headerEffect(name))
                     }, environments: environments)]
        var strengths: [(environment: String, text: DocumentText)] = []
        var weaknesses: [(environment: String, text: DocumentText)] = []
        for env in environments where !headers(env).isEmpty {
            let h = headers(env)
            strengths.append((env.name, "sends \(codes: h.keys.sorted())."))
            if let xss = h["X-XSS-Protection"], xss != "0" {
                weaknesses.append((env.name, "\(code: "X-XSS-Protection: \(xss)") switches on a filter current browsers removed and older ones could abuse for cross-site leaks; send \(code: "0") or nothing, and rely on CSP."))
            }
            if let csp = h["Content-Security-Policy"] {
                for name in ["script-src", "style-src"] {
                    if let directive = CSPDirectives.effective(name, in: csp), directive.contains("'unsafe-inline'") {
                        weaknesses.append((env.name, "the CSP's \(code: directive) allows inline \(name == "script-src" ? "scripts" : "styles") (\(code: "'unsafe-inline'"))."))
                    }
                }
            }
        }
        c.strengths = EnvironmentGroups.merged(strengths)
        c.weaknesses = EnvironmentGroups.merged(weaknesses)
        for env in environments where env.baseURL?.hasPrefix("https://") == true && headers(env)["Strict-Transport-Security"] == nil {
            c.gap.append("\(code: env.name) is served over HTTPS (\(code: env.baseURL ?? "")) without \(code: "Strict-Transport-Security").")
        }
        for env in production where headers(env)["Content-Security-Policy"] == nil {
            c.gap.append("\(code: env.name) sends no \(code: "Content-Security-Policy").")
        }
        c.current = EnvironmentGroups.merged(environments.map { env in (env.name, "\(codes: headers(env).keys.sorted(), empty: "no security header").") })
        c.recommendations = [.paragraph("A pure ASGI middleware (not \(code: "BaseHTTPMiddleware")) that adds the headers to every response, with the values the model shows and HSTS for HTTPS:"),
                             .listing("python", Self.headersSnippet(environments.first.map(headers) ?? [:]))]
        c.testing = checks("Compare each environment's response headers with the table above:") { env in
            "curl -s -o /dev/null -D - \(url(firstPath, env)) | grep -i -E " + ShellWord.quoted("^(content-security-policy|strict-transport-security|x-content-type-options|x-frame-options|referrer-policy|permissions-policy|cross-origin-)")
        }
        c.notProtected = ["Headers instruct browsers only; they protect no API client that is not a browser.",
                          "Responses produced by \(code: "ServerErrorMiddleware") (unhandled exceptions) bypass user middleware and carry none of these headers."]
        c.impact = ["CSP and frame-ancestors reduce the impact of injected script and clickjacking in pages the API serves; for a JSON-only API the gain is small, nosniff and HSTS matter most."]
        c.conclusion = [c.gap.isEmpty ? "The headers the model shows cover the browser-side defences this service needs." : "The model shows \(c.gap.count) gap(s) (4.4); close them in the middleware above."]
        return c
    }

    static func headerEffect(_ name: String) -> DocumentText {
        switch name {
        case "Content-Security-Policy": "Which scripts, styles, frames and connections a page may use; \(code: "frame-ancestors") replaces X-Frame-Options."
        case "Strict-Transport-Security": "Browsers use HTTPS only for the host, for \(code: "max-age") seconds."
        case "X-Content-Type-Options": "\(code: "nosniff"): no MIME sniffing of responses."
        case "X-Frame-Options": "Whether other pages may frame responses."
        case "Referrer-Policy": "How much of the URL leaves in \(code: "Referer")."
        case "Permissions-Policy": "Which browser features pages may use."
        case "Cross-Origin-Opener-Policy": "Isolates the browsing context from cross-origin openers."
        case "Cross-Origin-Resource-Policy": "Which origins may embed the response."
        case "X-XSS-Protection": "Switches the retired XSS auditor; \(code: "0") (off) is the only value still recommended."
        default: "Set by the model's middleware."
        }
    }

    static func headersSnippet(_ current: [String: String]) -> String {
        var headers = current
        headers["Strict-Transport-Security"] = headers["Strict-Transport-Security"] ?? "max-age=63072000; includeSubDomains"
        headers["X-Content-Type-Options"] = "nosniff"
        if headers["X-XSS-Protection"] != nil { headers["X-XSS-Protection"] = "0" }
        let lines = headers.keys.sorted().map { "    (\(PythonLiteral.string($0.lowercased())).encode(), \(PythonLiteral.string(headers[$0]!)).encode()),"}
        return (["SECURITY_HEADERS = ["] + lines + ["]", "", "",
                "class SecurityHeaders:", "    def __init__(self, app):", "        self.app = app", "",
                "    async def __call__(self, scope, receive, send):", "        if scope[\"type\"] != \"http\":",
                "            return await self.app(scope, receive, send)", "",
                "        async def send_with_headers(message):", "            if message[\"type\"] == \"http.response.start\":",
                "                message[\"headers\"] = list(message.get(\"headers\", [])) + SECURITY_HEADERS",
                "            await send(message)", "", "        await self.app(scope, receive, send_with_headers)", "", "",
                "app.add_middleware(SecurityHeaders)"]).joined(separator: "\n")
    }

    // MARK: rate limiting

    var rateLimiting: MitigationContent {
        var c = base("rate limiting", "Judge whether request rates are limited where guessing, scraping or exhaustion would hurt this service.") { env in
            if let m = middleware(.rateLimit, env) { return "\(m.library ?? "a rate-limit middleware") with default limit \(m.defaultLimit ?? "not stated")." }
            let limited = (env.model.routers ?? []).flatMap(\.endpoints).filter { $0.rateLimit != nil }
            if !limited.isEmpty { return "\(limited.count) endpoint(s) declare a limit." }
            return env.model.deployment?.ingress?.rateLimiting == true ? "the ingress rate-limits." : nil
        }
        c.options = [ControlOption.table([
            ControlOption(name: "library", defaultValue: "none", value: { middleware(.rateLimit, $0)?.library }, effect: "What enforces the limit (slowapi, fastapi-limiter, a proxy)."),
            ControlOption(name: "default_limit", defaultValue: "no limit", value: { middleware(.rateLimit, $0)?.defaultLimit }, effect: "The limit every route gets unless it sets its own."),
            ControlOption(name: "endpoint rate_limit", defaultValue: "none", value: { env in
                let limited = (env.model.routers ?? []).flatMap(\.endpoints).compactMap { e in e.rateLimit.map { "\(e.path): \($0)" } }
                return limited.isEmpty ? nil : limited.joined(separator: "; ") }, effect: "Per-route limits."),
            ControlOption(name: "ingress rate limiting", defaultValue: "false", value: { $0.model.deployment?.ingress?.rateLimiting.map { $0 ? "true" : "false" } }, effect: "Limits at the edge, before the app."),
        ], environments: environments)]
        c.strengths = environments.compactMap { env in middleware(.rateLimit, env).map { "\(code: env.name): \($0.library ?? "a middleware") limits requests." } }
        c.current = c.scope
        c.gap = production.filter { env in middleware(.rateLimit, env) == nil && env.model.deployment?.ingress?.rateLimiting != true }
            .map { "\(code: $0.name) has no rate limit in front of the app." }
        c.recommendations = [.paragraph("slowapi, keyed on the client address (behind a proxy, only once uvicorn's \(code: "--proxy-headers") and \(code: "--forwarded-allow-ips") name the proxy), with the limit from configuration:"),
                             .listing("python", ["import os", "", "from slowapi import Limiter, _rate_limit_exceeded_handler", "from slowapi.errors import RateLimitExceeded",
                                                 "from slowapi.middleware import SlowAPIMiddleware", "from slowapi.util import get_remote_address", "",
                                                 "limiter = Limiter(key_func=get_remote_address, default_limits=[os.environ[\"RATE_LIMIT\"]])  # e.g. 100/minute",
                                                 "app.state.limiter = limiter", "app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)",
                                                 "app.add_middleware(SlowAPIMiddleware)"].joined(separator: "\n"))]
        c.testing = checks("Send a burst and count the status codes; a limit shows as 429:") { env in
            "for i in $(seq 1 200); do curl -s -o /dev/null -w '%{http_code}\\n' \(url(firstPath, env)); done | sort | uniq -c"
        }
        c.notProtected = ["A per-address limit does not stop distributed guessing; account lockout or per-account limits do.", "Limits in one worker's memory are per process: several workers or replicas multiply them unless the store is shared."]
        c.impact = ["Limits slow credential guessing, scraping and resource exhaustion; they do not fix the weakness being exploited."]
        c.conclusion = [c.gap.isEmpty ? "Rate limiting is in place where the model shows production traffic." : "Add a limit in front of \(c.gap.count) production-like environment(s) (4.4)."]
        return c
    }

    // MARK: OpenAPI exposure

    private func docsValue(_ value: NullableString?) -> String? {
        switch value {
        case .disabled?: "None"
        case .value(let v)?: PythonLiteral.string(v)
        case nil: nil
        }
    }

    private func openapiServed(_ env: ResolvedEnvironment) -> Bool {
        if case .disabled? = env.model.app?.openapiUrl { return false }
        if case .value("")? = env.model.app?.openapiUrl { return false }
        return true
    }

    var openapiExposure: MitigationContent {
        var c = base("OpenAPI exposure", "Judge who can read the API's schema and interactive docs in each environment, and whether that is intended.") { env in
            openapiServed(env) ? "the schema is served (\(docsValue(env.model.app?.openapiUrl) ?? "\"/openapi.json\" by default"))." : "openapi_url is disabled."
        }
        c.absence = nil
        c.options = [ControlOption.table([
            ControlOption(name: "openapi_url", defaultValue: "\"/openapi.json\"", value: { docsValue($0.model.app?.openapiUrl) }, effect: "The schema; \(code: "None") also removes both UIs (their routes are registered only with a schema)."),
            ControlOption(name: "docs_url", defaultValue: "\"/docs\"", value: { docsValue($0.model.app?.docsUrl) }, effect: "Swagger UI (loads its assets from cdn.jsdelivr.net)."),
            ControlOption(name: "redoc_url", defaultValue: "\"/redoc\"", value: { docsValue($0.model.app?.redocUrl) }, effect: "ReDoc."),
        ], environments: environments), .paragraph("\(code: "docs_url=None, redoc_url=None") alone still serves \(code: "/openapi.json"); only \(code: "openapi_url=None") disables all of it. \(code: "include_in_schema=False") hides a route from the schema, not from callers.")]
        c.strengths = environments.filter { !openapiServed($0) }.map { "\(code: $0.name) serves no schema." }
        c.current = c.scope
        c.gap = production.filter(openapiServed).map { "\(code: $0.name) serves the schema and docs to anyone who can reach it." }
        c.recommendations = [.listing("python", ["import os", "", "from fastapi import FastAPI", "",
                                                 "PUBLIC_DOCS = os.environ.get(\"PUBLIC_DOCS\") == \"1\"", "",
                                                 "app = FastAPI(openapi_url=\"/openapi.json\" if PUBLIC_DOCS else None)"].joined(separator: "\n"))]
        c.testing = checks("Expect 404 from each where the docs are meant to be off:") { env in
            ["/openapi.json", "/docs", "/redoc"].map { "curl -s -o /dev/null -w '%{http_code} \($0)\\n' \(url($0, env))" }.joined(separator: "\n")
        }
        c.notProtected = ["Hiding the schema hides no endpoint: every route still answers; authorization must hold without secrecy."]
        c.impact = ["A public schema lists every route, parameter and model, which speeds up an attacker's mapping of the API; low impact on its own."]
        c.conclusion = [c.gap.isEmpty ? "No production-like environment serves the schema." : "Disable or protect the schema in \(c.gap.count) production-like environment(s)."]
        return c
    }

    // MARK: error handling

    var errorHandling: MitigationContent {
        var c = base("error handling", "Judge what error responses reveal and whether every error path is handled, per environment.") { env in
            let handlers = env.model.app?.exceptionHandlers ?? []
            return "debug=\(env.model.app?.debug == true ? "True" : "False"), \(handlers.count) exception handler(s)."
        }
        c.absence = nil
        c.options = [ControlOption.table([
            ControlOption(name: "debug", defaultValue: "False", value: { $0.model.app?.debug.map { $0 ? "True" : "False" } }, effect: "\(code: "True") answers unhandled exceptions with the full traceback (paths, source lines, the exception message)."),
            ControlOption(name: "exception_handlers", defaultValue: "FastAPI's (HTTPException, RequestValidationError)", value: { env in
                let h = env.model.app?.exceptionHandlers ?? []
                return h.isEmpty ? nil : h.map { "\($0.exception)\($0.exposesDetails == true ? " (exposes details)" : "")" }.joined(separator: ", ") }, effect: "Handlers for \(code: "Exception") or 500 run in ServerErrorMiddleware, outside CORS; others run inside."),
            ControlOption(name: "max_body_size", defaultValue: "None", value: { $0.model.app?.maxBodySize.map(String.init) }, effect: "Largest request body the app accepts."),
        ], environments: environments)]
        c.weaknesses = environments.filter { $0.model.app?.debug == true }.map { "\(code: $0.name) runs with \(code: "debug=True")." }
            + ["FastAPI's 422 body echoes the invalid input (\(code: "input")), including whole objects for a missing field."]
        c.strengths = environments.filter { $0.model.app?.debug != true }.map { "\(code: $0.name): unhandled exceptions answer a plain \(code: "Internal Server Error")." }
        c.current = c.scope
        c.gap = production.filter { $0.model.app?.debug == true }.map { "\(code: $0.name) must not run with \(code: "debug=True")." }
        c.recommendations = [.listing("python", ["import logging", "", "from fastapi import FastAPI, Request", "from fastapi.responses import JSONResponse", "",
                                                 "logger = logging.getLogger(__name__)", "app = FastAPI(debug=False)", "", "",
                                                 "@app.exception_handler(Exception)", "async def unhandled(request: Request, exc: Exception):",
                                                 "    logger.exception(\"unhandled error on %s\", request.url.path)",
                                                 "    return JSONResponse({\"detail\": \"Internal Server Error\"}, status_code=500)"].joined(separator: "\n")),
                             .paragraph("This handler runs in ServerErrorMiddleware, outside CORSMiddleware: its 500 carries no CORS header, and browsers report a CORS error for it.")]
        c.testing = checks("Provoke a validation error (an empty JSON object) and read what comes back:") { env in
            "curl -s -X POST -H 'Content-Type: application/json' --data '{}' \(url(firstPath(accepting: "POST"), env))"
        }
        c.notProtected = ["Generic error bodies do not stop errors from happening; logging and alerting must see them."]
        c.impact = ["Tracebacks disclose paths, code and secrets placed in messages; generic errors remove that source."]
        c.conclusion = [c.gap.isEmpty ? "No production-like environment runs in debug mode." : "Turn debug off in \(c.gap.count) environment(s)."]
        return c
    }

    // MARK: session cookies

    var sessionCookies: MitigationContent {
        var c = base("SessionMiddleware", "Judge the session cookie's flags, lifetime and secret in each environment.") { env in
            middleware(.session, env).map { "SessionMiddleware at \($0.source ?? "no source given")." }
        }
        let s = { (env: ResolvedEnvironment) in middleware(.session, env) }
        c.options = [ControlOption.table([
            ControlOption(name: "session_cookie", defaultValue: "\"session\"", value: { s($0)?.sessionCookie.map(PythonLiteral.string) }, effect: "Cookie name."),
            ControlOption(name: "max_age", defaultValue: "1209600", value: { s($0)?.sessionMaxAge.map(String.init) }, effect: "Lifetime in seconds (14 days by default); no server-side revocation."),
            ControlOption(name: "same_site", defaultValue: "\"lax\"", value: { s($0)?.sameSite.map(PythonLiteral.string) }, effect: "When browsers send the cookie cross-site."),
            ControlOption(name: "https_only", defaultValue: "False", value: { s($0)?.httpsOnly.map { $0 ? "True" : "False" } }, effect: "Adds \(code: "Secure"); the default sends the cookie over HTTP too."),
            ControlOption(name: "domain", defaultValue: "None", value: { s($0)?.domain.map(PythonLiteral.string) }, effect: "A domain widens the cookie to subdomains."),
            ControlOption(name: "secret_key", defaultValue: "required", value: { s($0)?.secretKeySource.map { "from \($0.rawValue)" } }, effect: "Signs (does not encrypt) the cookie."),
        ], environments: environments), .paragraph("The cookie is \(code: "base64(JSON)") signed with itsdangerous: readable by anyone who has it, unchangeable without the key; \(code: "HttpOnly") is always set.")]
        c.current = c.scope
        c.gap = production.compactMap { env in s(env).flatMap { $0.httpsOnly == true ? nil : "\(code: env.name): \(code: "https_only") is not \(code: "True"), so the cookie lacks \(code: "Secure")." } }
        c.strengths = environments.compactMap { env in s(env).map { _ in "\(code: env.name): the session is signed and \(code: "HttpOnly")." } }
        c.recommendations = [.listing("python", ["import os", "", "from starlette.middleware.sessions import SessionMiddleware", "",
                                                 "app.add_middleware(", "    SessionMiddleware,", "    secret_key=os.environ[\"SESSION_SECRET\"],",
                                                 "    https_only=True,", "    same_site=\"lax\",", "    max_age=8 * 60 * 60,", ")"].joined(separator: "\n"))]
        c.testing = checks("Read the Set-Cookie flags:") { env in "curl -s -o /dev/null -D - \(url(firstPath, env)) | grep -i '^set-cookie'" }
        c.notProtected = ["SameSite=Lax still sends the cookie on top-level cross-site GET navigations, and between sites of the same registrable domain.", "Logout cannot revoke a signed cookie captured earlier."]
        c.impact = ["Cookie flags decide whether a session can be stolen on the network or ridden cross-site."]
        c.conclusion = [c.gap.isEmpty ? "The session cookie's flags fit production as modelled." : "Set \(code: "https_only=True") in \(c.gap.count) environment(s)."]
        return c
    }

    // MARK: trusted host

    var trustedHost: MitigationContent {
        var c = base("TrustedHostMiddleware", "Judge whether requests with a forged Host header are refused before they reach the app.") { env in
            middleware(.trustedHost, env).map { "TrustedHostMiddleware with allowed_hosts=\(PythonLiteral.list($0.allowedHosts ?? ["*"]))." }
        }
        let t = { (env: ResolvedEnvironment) in middleware(.trustedHost, env) }
        c.options = [ControlOption.table([
            ControlOption(name: "allowed_hosts", defaultValue: "[\"*\"]", value: { t($0)?.allowedHosts.map(PythonLiteral.list) }, effect: "\(code: "[\"*\"]") enforces nothing; \(code: "*.example.com") matches subdomains at any depth, not the apex."),
            ControlOption(name: "www_redirect", defaultValue: "True", value: { t($0)?.wwwRedirect.map { $0 ? "True" : "False" } }, effect: "Redirects the apex to \(code: "www.") when only that is allowed."),
        ], environments: environments)]
        c.current = c.scope
        c.strengths = environments.compactMap { env in t(env).flatMap { ($0.allowedHosts ?? ["*"]) == ["*"] ? nil : "\(code: env.name) refuses other Host headers with 400." } }
        c.gap = production.filter { t($0) == nil || (t($0)?.allowedHosts ?? ["*"]) == ["*"] }.map { "\(code: $0.name) accepts any Host header." }
        let hosts = production.compactMap { $0.baseURL.flatMap(CORSEnvironment.host(of:)) }.map { String($0.prefix { $0 != ":" }) }
        c.recommendations = [.listing("python", (hosts.isEmpty
            ? ["import os", "", "from starlette.middleware.trustedhost import TrustedHostMiddleware", "",
               "app.add_middleware(TrustedHostMiddleware, allowed_hosts=os.environ[\"ALLOWED_HOSTS\"].split(\",\"))"]
            : ["from starlette.middleware.trustedhost import TrustedHostMiddleware", "",
               "app.add_middleware(TrustedHostMiddleware, allowed_hosts=\(PythonLiteral.list(hosts)))"]).joined(separator: "\n"))]
        c.testing = checks("Expect 400 for a foreign Host:") { env in
            "curl -s -o /dev/null -w '%{http_code}\\n' -H 'Host: attacker.example' \(url(firstPath, env))"
        }
        c.notProtected = ["It checks the Host header only; it does not stop requests to the right host."]
        c.impact = ["Refusing foreign Host headers stops host-header poisoning of generated links (password-reset URLs, redirects)."]
        c.conclusion = [c.gap.isEmpty ? "Host headers are checked where it matters." : "Add TrustedHostMiddleware with the real host names in \(c.gap.count) environment(s)."]
        return c
    }

    // MARK: authentication

    var authentication: MitigationContent {
        var c = base("authentication", "Judge how requests are authenticated, per mechanism and environment, and which endpoints stay open.") { env in
            let m = (env.model.auth ?? []).filter { $0.type != .none && $0.enabled != false }
            return m.isEmpty ? nil : m.map { "\($0.id) (\($0.type.rawValue)\($0.transport.map { " in the \($0.rawValue)" } ?? ""))" }.joined(separator: ", ")
        }
        let mechanisms = environments.flatMap { $0.model.auth ?? [] }.reduce(into: [AuthMechanism]()) { all, m in if !all.contains(where: { $0.id == m.id }) { all.append(m) } }
        c.options = [ControlOption.table(mechanisms.flatMap { m in [
            ControlOption(name: "\(m.id).type", defaultValue: "—", value: { env in env.model.auth?.first { $0.id == m.id }?.type.rawValue }, effect: "The mechanism."),
            ControlOption(name: "\(m.id).transport", defaultValue: "—", value: { env in env.model.auth?.first { $0.id == m.id }?.transport?.rawValue }, effect: "Where the credential travels; query and path leak into logs and Referer (CWE-598)."),
            ControlOption(name: "\(m.id).token_lifetime_seconds", defaultValue: "not stated", value: { env in env.model.auth?.first { $0.id == m.id }?.tokenLifetimeSeconds.map(String.init) }, effect: "How long a stolen credential works."),
        ] }, environments: environments)]
        c.strengths = mechanisms.filter { $0.type != .none }.map { "\(code: $0.id): \($0.type.rawValue)." }
        c.weaknesses = mechanisms.filter { $0.transport == .query || $0.transport == .path }.map { "\(code: $0.id) carries the credential in the URL (\($0.transport!.rawValue)), where logs, proxies and Referer keep it (CWE-598)." }
        c.current = c.scope
        c.recommendations = [.paragraph("Protect every router with a dependency, so a new route is closed by default:"),
                             .listing("python", ["from fastapi import APIRouter, Depends", "",
                                                 "# authenticated_user: the dependency that verifies \(mechanisms.first { $0.type != .none }?.id ?? "the credential") and raises 401 otherwise",
                                                 "router = APIRouter(dependencies=[Depends(authenticated_user)])"].joined(separator: "\n"))]
        c.testing = checks("Expect 401 or 403 without credentials:") { env in "curl -s -o /dev/null -w '%{http_code}\\n' \(url(firstPath, env))" }
        c.notProtected = ["Authentication says who calls, not what they may do: object-level authorization is a separate check."]
        c.impact = ["Authentication gaps expose every endpoint behind them; they rank above every other control here."]
        c.conclusion = [c.weaknesses.isEmpty ? "The mechanisms the model shows carry credentials outside the URL; check the findings for open endpoints." : "Move credentials out of URLs first (4.2)."]
        return c
    }
}
