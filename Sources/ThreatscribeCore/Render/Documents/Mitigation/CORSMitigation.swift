/// The CORS part of a mitigation analysis: every CORSMiddleware argument in every environment, what
/// the engine answers, and what CORS does not do.
struct CORSMitigation {
    var environments: [CORSEnvironment]

    init(environments: [ResolvedEnvironment]) {
        self.environments = environments.map(CORSEnvironment.init)
    }

    var configured: [CORSEnvironment] { environments.filter { $0.entry != nil } }

    var content: MitigationContent {
        var c = MitigationContent(
            name: "CORSMiddleware",
            objective: "Judge whether Starlette's CORSMiddleware, configured as this service configures it, lets exactly the intended web origins read the API's responses in each environment, what it costs when it does not, and what it never protected in the first place.",
            scope: environments.map { env in
                if env.entry == nil { return "\(code: env.name): no CORSMiddleware is registered." }
                return "\(code: env.name) (\(env.environment.kind?.rawValue ?? "kind not stated")): Starlette \(code: env.version.version.description) (\(env.version.reason)); " + (env.entry?.source.map { "middleware at \(code: $0)." } ?? "the model gives no source location for the middleware.")
            })
        guard !configured.isEmpty else {
            c.absence = "No covered environment registers CORSMiddleware. Without it no response carries \(code: "Access-Control-Allow-Origin"), so browsers let no other origin read the API's responses; cross-origin requests a page can send without a preflight (a form POST, an image GET) still reach the handlers. There is no CORS configuration to analyse."
            c.conclusion = ["Nothing to harden in CORS: the service shares no response with other origins. If a browser client on another origin is planned, add CORSMiddleware with its exact origin and no more."]
            return c
        }
        c.behaviourSource = "Behaviour from threatscribe's CORS engine, not from documentation: every answer quoted is what Starlette's CORSMiddleware of the modelled release sends (the engine is checked against the real library by conformance tests)."
        c.strengths = strengths
        c.weaknesses = CORSEnvironment.issueTexts(configured) { _ in true }
        for env in configured {
            guard let evaluator = env.evaluator else { continue }
            let used = Set(env.endpoints.flatMap(\.methods)).subtracting(["GET", "HEAD", "OPTIONS"])
            let refused = used.filter { !evaluator.allowedMethods.contains($0) }.sorted()
            if !refused.isEmpty {
                let setting: DocumentText = env.entry?.allowMethods == nil ? "\(code: "allow_methods") (not set, so \(code: "(\"GET\",)"))" : "\(code: "allow_methods")"
                c.weaknesses.append("\(code: env.name): the endpoints use \(codes: refused), which \(setting) does not allow: a browser client's preflight for them gets 400 and the request is never sent.")
            }
        }
        for env in configured.reversed() {
            if let notAssessed = env.notAssessed { c.weaknesses.insert("\(notAssessed)", at: 0) }
        }
        if let error = configured.first(where: { $0.configurationError != nil }) {
            c.weaknesses.insert("\(code: error.name): Starlette refuses this configuration: \(error.configurationError ?? "").", at: 0)
        }
        c.options = options
        c.current = configured.map(current)
        c.gap = gap
        c.recommendations = recommendations
        c.testing = testing
        c.notProtected = notProtected
        if let post = configured.compactMap({ $0.exchange(.crossSitePost) }).first {
            c.notProtectedDetail = [.paragraph("\(strong: "\(post.environment): \(post.scenario.rawValue)") (threatscribe's CORS engine):"), .listing("http", post.httpText)]
        }
        c.impact = impact
        c.conclusion = conclusion
        return c
    }

    // MARK: Strengths

    var strengths: [DocumentText] {
        var pairs: [(environment: String, text: DocumentText)] = []
        for env in configured {
            guard let configuration = env.configuration else { continue }
            if !configuration.allowsAllOrigins, configuration.allowOriginRegex == nil {
                pairs.append((env.name, "origins are an exact list (\(codes: configuration.allowOrigins)); Starlette compares the \(code: "Origin") header with each entry byte for byte, so no look-alike domain passes."))
            }
            if configuration.allowsAllOrigins, !configuration.allowCredentials {
                pairs.append((env.name, "\(code: "allow_origins=[\"*\"]") without credentials answers \(code: "Access-Control-Allow-Origin: *"), which browsers never honour for requests with cookies, so no logged-in user's data is readable cross-origin through cookies."))
            }
            if env.entry?.allowMethods != nil, !configuration.allowsAllMethods {
                pairs.append((env.name, "\(code: "allow_methods") is an explicit list (\(codes: configuration.allowMethods)); a preflight for any other method gets 400 \(code: "Disallowed CORS method")."))
            }
        }
        var items = EnvironmentGroups.merged(pairs)
        items.append("The middleware answers preflights itself: an \(code: "OPTIONS") request with \(code: "Origin") and \(code: "Access-Control-Request-Method") never reaches a route handler.")
        return items
    }

    // MARK: Options

    var options: [DocumentBlock] {
        let header: [DocumentText] = ["Argument", "Default"] + configured.map { "\(code: $0.name)" } + ["What it does to a browser's request"]
        let versions = Set(configured.map(\.version.version))
        let rows: [[DocumentText]] = CORSArgumentText.names.map { name in
            let defaults = versions.sorted().map { "\(CORSArgumentText.defaultValue(name, in: $0)) (Starlette \($0))" }
            let defaultText: DocumentText = versions.count == 1
                ? "\(code: CORSArgumentText.defaultValue(name, in: versions.first!))" : DocumentText(defaults.joined(separator: "; "))
            let values: [DocumentText] = configured.map { env in
                if let stated = CORSArgumentText.stated(name, in: env.entry!) { return "\(code: stated)" }
                if let unknown = env.environment.model.unresolved?.first(where: { $0.key == name && $0.path.components.first == .key("middleware") }) {
                    return "unresolved: \(code: unknown.expression) (not assessed)"
                }
                return "not set (default)"
            }
            return ["\(code: name)", defaultText] + values + [effect(of: name)]
        }
        var blocks: [DocumentBlock] = [
            .paragraph("Starlette \(codes: versions.sorted().map(\.description)) as the model states it; defaults are that release's (\(code: "starlette/middleware/cors.py")). Values are Python literals as the code passes them."),
            .grid(DocumentTable(header: header, rows: rows)),
        ]
        var notes: [(environment: String, text: DocumentText)] = []
        for env in configured {
            guard let configuration = env.configuration, let evaluator = env.evaluator else { continue }
            if configuration.allowsAllMethods {
                notes.append((env.name, "\(code: "allow_methods=[\"*\"]") is not a wildcard on the wire: Starlette \(env.version.version) expands it to the \(evaluator.allowedMethods.count) methods \(codes: evaluator.allowedMethods) (\(code: "QUERY") joins from 1.7.0) and answers \(code: "Access-Control-Allow-Methods: \(evaluator.allowedMethods.joined(separator: ", "))")."))
            }
            if configuration.allowMethods.contains("OPTIONS") {
                notes.append((env.name, "listing \(code: "OPTIONS") in \(code: "allow_methods") is not needed for preflights, which the middleware answers whatever the list holds; it only lets a page send an actual cross-origin \(code: "OPTIONS") request."))
            }
            if configuration.allowsAllHeaders {
                let example = env.exchange(.preflight)?.request.accessControlRequestHeaders
                notes.append((env.name, "\(code: "allow_headers=[\"*\"]") mirrors whatever the preflight asks for in \(code: "Access-Control-Request-Headers")" + (example.map { " (the preflight below asks for \(code: $0) and gets \(code: "access-control-allow-headers: \($0)") back)" } ?? "") + "; it is not the default. The default, \(code: "()"), allows only the four safelisted names \(codes: CORSEvaluator.safelistedHeaders), so " + (env.credentialHeaders.isEmpty ? "a browser sending any other header (\(code: "Authorization"), say) would fail the preflight without it." : "the browser client's \(codes: env.credentialHeaders) would fail the preflight without it.")))
            } else if env.entry?.allowHeaders == nil {
                notes.append((env.name, "\(code: "allow_headers") is not set, so its true default \(code: "()") applies: only \(codes: CORSEvaluator.safelistedHeaders) pass a preflight by name."))
            }
            for origin in configuration.allowOrigins {
                if case .origin(_, _, _, .unspecifiedAddress) = CORSOriginEntry(origin) {
                    notes.append((env.name, "\(code: origin) is one exact origin, that of a page loaded from \(code: origin); it does not mean \"any origin\" or \"any interface\". Browsers that block navigation to \(code: "0.0.0.0") never send it."))
                }
            }
        }
        if !notes.isEmpty { blocks.append(.bullets(EnvironmentGroups.merged(notes))) }
        return blocks
    }

    func effect(of name: String) -> DocumentText {
        switch name {
        case "allow_origins": "Origins whose pages may read responses; \(code: "[\"*\"]") allows every origin; matching is exact and case-sensitive."
        case "allow_origin_regex": "A regular expression matched with \(code: "re.fullmatch") (0.13.1 and later) against the \(code: "Origin") header, in addition to the list."
        case "allow_methods": "Methods a preflight may ask for; \(code: "[\"*\"]") expands to Starlette's fixed method list, never \(code: "*") on the wire."
        case "allow_headers": "Request headers a preflight may ask for, beyond the four safelisted ones; \(code: "[\"*\"]") mirrors the requested names."
        case "allow_credentials": "Sends \(code: "Access-Control-Allow-Credentials: true"), which lets pages read responses to requests with cookies or HTTP authentication."
        case "expose_headers": "Response headers a page's script may read beyond the CORS-safelisted ones."
        case "max_age": "Seconds a browser may cache a successful preflight (\(code: "Access-Control-Max-Age")); browsers cap it (Chromium at 7200)."
        default: "Answers preflights asking for private-network access (\(code: "Access-Control-Allow-Private-Network: true"))."
        }
    }

    // MARK: Current state and gap

    func current(_ env: CORSEnvironment) -> DocumentText {
        if let notAssessed = env.notAssessed { return "\(notAssessed)" }
        guard let configuration = env.configuration else { return "\(code: env.name): no CORSMiddleware." }
        var text: DocumentText = "\(code: env.name): \(code: "allow_origins=\(CORSArgumentText.list(configuration.allowOrigins))")"
        if let regex = configuration.allowOriginRegex { text = text + ", \(code: "allow_origin_regex=\(PythonLiteral.string(regex))")" }
        text = text + ", \(code: "allow_credentials=\(CORSArgumentText.bool(configuration.allowCredentials))")"
        if let preflight = env.exchange(.preflight) {
            text = text + "; the preflight below gets \(code: "\(preflight.response.status)")"
        }
        if let foreign = env.exchange(.disallowedOrigin) {
            text = text + (foreign.response.allowOrigin == nil
                ? "; a page on \(code: CORSEnvironment.attackerOrigin) cannot read responses."
                : "; a page on \(code: CORSEnvironment.attackerOrigin) CAN read responses (\(code: "access-control-allow-origin: \(foreign.response.allowOrigin!)")).")
        }
        return text
    }

    var gap: [DocumentText] {
        var items: [DocumentText] = []
        let production = environments.filter(\.isProduction)
        if production.isEmpty {
            items.append("The model has no production environment, so the production configuration cannot be checked; state it (an environment with \(code: "kind: production") and its overrides) before relying on this analysis.")
        }
        for env in production {
            if let notAssessed = env.notAssessed {
                items.append("\(notAssessed) State the values before relying on this analysis.")
                continue
            }
            guard let configuration = env.configuration else {
                items.append("\(code: env.name) registers no CORSMiddleware: browser clients on other origins cannot read responses there.")
                continue
            }
            if configuration.allowsAllOrigins { items.append("\(code: env.name): replace \(code: "[\"*\"]") by the production client origins.") }
            let cleartext = configuration.allowOrigins.filter { $0.hasPrefix("http://") }
            if !cleartext.isEmpty { items.append("\(code: env.name): cleartext origins \(codes: cleartext) let anyone on the network path inject a page of that origin.") }
            if configuration.allowsAllMethods { items.append("\(code: env.name): list the methods the browser clients use instead of \(code: "[\"*\"]").") }
            if configuration.allowsAllHeaders { items.append("\(code: env.name): list the request headers the browser clients send instead of \(code: "[\"*\"]").") }
            if configuration.allowCredentials, !env.usesCookies {
                items.append("\(code: env.name): \(code: "allow_credentials=True") although the model shows no cookie-based session or auth; it only widens what a trusted origin's page can do.")
            }
        }
        let staging = configured.filter { !$0.isProduction && $0.environment.kind?.isProductionLike == true }
        items += CORSEnvironment.issueTexts(staging) { [.loopbackOrigin, .cleartextOrigin, .wildcardOrigin, .wildcardOriginWithCredentials].contains($0.kind) }
        return items
    }

    // MARK: Recommendations

    var recommendations: [DocumentBlock] {
        let target = environments.first(where: \.isProduction) ?? configured.last!
        let configuration = target.configuration
        let origins = (configuration?.allowOrigins ?? []).filter { entry in
            if case .origin(let scheme, _, _, .publicHost) = CORSOriginEntry(entry) { return scheme == "https" }
            return false
        }
        let methods = orderedUnique(target.endpoints.flatMap(\.methods).filter { !["HEAD", "OPTIONS"].contains($0) })
        var headers = target.credentialHeaders
        if methods.contains(where: { ["POST", "PUT", "PATCH"].contains($0) }) { headers.append("Content-Type") }
        let credentials = target.usesCookies
        var lines = ["from fastapi.middleware.cors import CORSMiddleware", ""]
        var intro: DocumentText
        if origins.isEmpty {
            lines.insert("import os", at: 0)
            lines.append("# The production origins, e.g. CORS_ORIGINS=https://app.example.org (comma-separated)")
            lines.append("CORS_ORIGINS = [origin for origin in os.environ[\"CORS_ORIGINS\"].split(\",\") if origin]")
            lines.append("")
            intro = "The model names no HTTPS origin for \(code: target.name), so the code reads the origins from the environment and fails at start-up when they are missing:"
        } else {
            intro = "For \(code: target.name), with the origins the model gives it:"
        }
        lines += [
            "app.add_middleware(",
            "    CORSMiddleware,",
            "    allow_origins=\(origins.isEmpty ? "CORS_ORIGINS" : CORSArgumentText.list(origins)),",
            "    allow_methods=\(CORSArgumentText.list(methods.isEmpty ? ["GET"] : methods)),",
            "    allow_headers=\(CORSArgumentText.list(headers)),",
            "    allow_credentials=\(CORSArgumentText.bool(credentials)),",
            "    max_age=600,",
            ")",
        ]
        var steps: [DocumentText] = [
            "Name the exact origins of the browser clients, with \(code: "https://"), per environment; keep development origins out of production overrides.",
            "List the methods the endpoints use (\(codes: methods)) and the request headers the clients send (\(codes: headers, empty: "none beyond the safelisted ones")) instead of \(code: "[\"*\"]").",
            credentials
                ? "Keep \(code: "allow_credentials=True") only because the model shows cookie-based sessions or auth; add CSRF protection for them (CORS is none)."
                : "Set \(code: "allow_credentials=False"): the model shows no cookie-based session or auth, and header credentials need no credentials mode.",
            "Register CORSMiddleware as the last \(code: "add_middleware") call (outermost), so errors returned by other middleware still carry CORS headers; unhandled exceptions never do (see 4.7).",
        ]
        if configured.contains(where: { $0.configuration?.allowOriginRegex != nil }) {
            steps.append("Anchor and escape \(code: "allow_origin_regex") (\(code: "https://([a-z0-9-]+\\.)?example\\.org")), and never over a shared domain such as \(code: "vercel.app"), where anyone can host a page.")
        }
        return [.steps(steps), .paragraph(intro), .listing("python", lines.joined(separator: "\n"))]
    }

    // MARK: Testing

    /// The environment whose exchanges are printed in full: production, else the first configured one.
    var featured: CORSEnvironment? { configured.first(where: { $0.isProduction && $0.evaluator != nil }) ?? configured.first { $0.evaluator != nil } }

    var testing: [DocumentBlock] {
        guard let featured else { return [.paragraph("Starlette refuses the configuration, so there is no answer to test.")] }
        var blocks: [DocumentBlock] = [
            .paragraph("What Starlette answers in each environment (threatscribe's CORS engine; status, then \(code: "access-control-allow-origin") and \(code: "access-control-allow-credentials"), \"—\" when absent):"),
            .grid(DocumentTable(header: ["Request"] + configured.map { "\(code: $0.name)" }, rows: CORSExchange.Scenario.allCases.compactMap { scenario in
                let cells: [DocumentText] = configured.map { env in
                    guard let ex = env.exchange(scenario) else { return "not shown" }
                    return "\(code: "\(ex.response.status)"), \(code: ex.response.allowOrigin ?? "—"), \(code: ex.response.allowCredentials ?? "—")"
                }
                return cells.allSatisfy { $0.description == "not shown" } ? nil : [DocumentText(scenario.rawValue)] + cells
            })),
            .paragraph("The exchanges of \(code: featured.name) in full (CORS headers only), each with the command that reproduces it:"),
        ]
        for exchange in featured.exchanges where exchange.scenario != .crossSitePost {
            blocks.append(.paragraph("\(strong: "\(featured.name): \(exchange.scenario.rawValue)")"))
            blocks.append(.listing("http", exchange.httpText))
            blocks.append(.listing("bash", CORSCommands.curl(exchange, in: featured.environment)))
        }
        if let env = Optional(featured), let preflight = env.exchange(.preflight) {
            var test = [
                "from fastapi.testclient import TestClient",
                "",
                "from app.main import app  # the module that builds the FastAPI app",
                "",
                "client = TestClient(app)",
                "",
                "",
                "def test_cors_preflight_\(env.name.filter { $0.isLetter || $0.isNumber })():",
                "    response = client.options(",
                "        \(PythonLiteral.string(preflight.path)),",
                "        headers={",
            ]
            test.append("            \"Origin\": \(PythonLiteral.string(preflight.request.origin ?? "")),")
            test.append("            \"Access-Control-Request-Method\": \(PythonLiteral.string(preflight.request.accessControlRequestMethod ?? "")),")
            if let names = preflight.request.accessControlRequestHeaders {
                test.append("            \"Access-Control-Request-Headers\": \(PythonLiteral.string(names)),")
            }
            test += ["        },", "    )", "    assert response.status_code == \(preflight.response.status)"]
            for (name, value) in preflight.response.orderedHeaders {
                test.append("    assert response.headers[\(PythonLiteral.string(name))] == \(PythonLiteral.string(value))")
            }
            if let foreign = env.exchange(.disallowedOrigin) {
                test += ["", "", "def test_cors_refuses_other_origins_\(env.name.filter { $0.isLetter || $0.isNumber })():",
                         "    response = client.get(\(PythonLiteral.string(foreign.path)), headers={\"Origin\": \(PythonLiteral.string(CORSEnvironment.attackerOrigin))})"]
                test.append(foreign.response.allowOrigin == nil
                    ? "    assert \"access-control-allow-origin\" not in response.headers"
                    : "    assert response.headers[\"access-control-allow-origin\"] == \(PythonLiteral.string(foreign.response.allowOrigin!))  # today's answer: the origin is allowed")
            }
            blocks.append(.paragraph("A regression test that pins these answers (pytest with Starlette's \(code: "TestClient"), configured as \(code: env.name)):"))
            blocks.append(.listing("python", test.joined(separator: "\n")))
        }
        blocks.append(.paragraph("In the browser: open the client page, DevTools → Network, tick \"Preserve log\", trigger a request, select the \(code: "OPTIONS") preflight and the request itself, and compare their response headers with the exchanges above; CORS refusals appear in the Console."))
        return blocks
    }

    // MARK: Limits, impact, conclusion

    var notProtected: [DocumentText] {
        var items: [DocumentText] = []
        if let post = configured.compactMap({ $0.exchange(.crossSitePost) }).first {
            items.append("CORS is not CSRF protection. A page on \(code: CORSEnvironment.attackerOrigin) can send a \(code: "text/plain") POST with the user's cookies without a preflight. CORSMiddleware passes it to the app whatever the origin list says: in \(code: post.environment) the engine's route without a body answers \(code: "\(post.response.status)") and its handler \(post.response.handlerRuns ? "runs" : "does not run") (the exchange below); the browser only hides the response. What decides whether \(code: "POST \(post.path)") runs is FastAPI's body parsing, not CORS: a route with a JSON body model answers a \(code: "text/plain") body with 422 before its handler (FastAPI 0.65.2 and later), a route reading form fields is reached by a cross-site HTML form POST (\(code: "application/x-www-form-urlencoded"), no preflight either), and a route without a body runs.")
        } else if let json = configured.flatMap(\.jsonBodyPaths).first {
            items.append("CORS is not CSRF protection: a cross-site \(code: "text/plain") or form POST with cookies needs no preflight and reaches the app whatever the origin list says. Here every POST route takes a JSON body model (\(code: "POST \(json)"), say), which FastAPI 0.65.2 and later answer with 422 before the handler runs; that content-type check, not CORS, is what stops it, and it ends with the first route that reads form data or no body.")
        } else {
            items.append("CORS is not CSRF protection: a cross-site \(code: "text/plain") or form POST with cookies needs no preflight and reaches the handler whatever the origin list says; the browser only hides the response.")
        }
        items.append("Unhandled exceptions are answered by \(code: "ServerErrorMiddleware"), which sits outside every user middleware: the 500 response carries no CORS header, so the browser reports a CORS error instead of the 500. Errors raised as \(code: "HTTPException"), 404, 405 and 422 pass through CORSMiddleware and do carry its headers.")
        if !(configured.first?.environment.model.websockets ?? []).isEmpty {
            items.append("WebSocket routes: CORSMiddleware passes every non-HTTP scope through untouched, so it checks no WebSocket \(code: "Origin"); the handshake must check it itself.")
        }
        items.append("Non-browser clients (curl, scripts, servers) ignore CORS entirely; it never authenticates or authorizes a request.")
        return items
    }

    var impact: [DocumentText] {
        var items: [DocumentText] = []
        for env in configured {
            guard let foreign = env.exchange(.disallowedOrigin) else { continue }
            let readable = foreign.response.allowOrigin != nil
            let credentialed = readable && foreign.response.allowCredentials == "true"
            items.append(credentialed
                ? "\(code: env.name): any website can read responses with the user's credentials: high impact for every authenticated endpoint."
                : readable ? "\(code: env.name): any website can read responses to requests without cookies; impact is limited to what the API returns without credentials (header credentials are never sent by another site's page)."
                : "\(code: env.name): a site outside the list cannot read responses; the configuration limits cross-origin reading to the listed origins.")
        }
        items.append("Correct CORS reduces cross-origin data disclosure; it does not reduce CSRF, injection or authentication risks.")
        return items
    }

    var conclusion: [DocumentText] {
        let gaps = gap
        if gaps.isEmpty {
            return ["As modelled, CORSMiddleware allows the listed origins only. Keep the recommendations' regression test so a change to the origin list is a reviewed change, and add CSRF protection for any cookie-authenticated state change."]
        }
        return ["CORSMiddleware is in place, but the model shows \(gaps.count) gap(s) to production-ready (4.4). Start with the first; the testing section gives the exact answers to expect before and after the change. CORS will still not stop cross-site requests from running handlers."]
    }

    private func orderedUnique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
