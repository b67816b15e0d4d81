/// The CORS configuration document: every value from the model, every header from the CORS engine.
struct CORSConfigDoc {
    var environments: [ResolvedEnvironment]
    var cors: [CORSEnvironment]
    /// The model without environment overrides.
    var base: ArchitectureModel

    init(environments: [ResolvedEnvironment], base: ArchitectureModel) {
        self.environments = environments
        self.base = base
        cors = environments.map(CORSEnvironment.init)
    }

    var configured: [CORSEnvironment] { cors.filter { $0.evaluator != nil } }
    /// The environment the diagrams and examples follow: production, else the first configured one.
    var featured: CORSEnvironment? { configured.first(where: \.isProduction) ?? configured.first }

    var sections: [DocumentSection] {
        var s: [DocumentSection] = [
            DocumentSection("Key files", anchor: "key-files", blocks: [.bullets(ConfigDocDocument.keyFiles(environments, types: [.cors, .securityHeaders]))]),
        ]
        let notAssessed: [DocumentBlock] = cors.compactMap(\.notAssessed).map { .paragraph("\($0)") }
        guard let featured else {
            if !notAssessed.isEmpty {
                s.append(DocumentSection("Overview", anchor: "overview", blocks: notAssessed))
                return s
            }
            s.append(DocumentSection("Overview", anchor: "overview", blocks: [.paragraph(cors.contains { $0.configurationError != nil }
                ? "Starlette refuses the modelled configuration: \(cors.compactMap(\.configurationError).joined(separator: "; "))."
                : "No covered environment registers CORSMiddleware. No response carries \(code: "Access-Control-Allow-Origin"), so browsers let no page on another origin read the API's responses; requests that need no preflight still reach the handlers. There is no CORS configuration to document.")]))
            return s
        }
        s.append(DocumentSection("Overview", anchor: "overview", blocks: [.paragraph(overview)] + notAssessed
            + (cors.contains(where: \.isProduction) ? [] : [.paragraph("The model describes no production environment; nothing below describes production.")])))
        s.append(DocumentSection("Architecture", anchor: "architecture", blocks: [
            .paragraph("The preflight and the request that follows it in \(code: featured.name), with the answers Starlette \(featured.version.version) gives:"),
            .listing("mermaid", diagram(featured)),
        ]))
        s.append(DocumentSection("CORS middleware configuration", anchor: "middleware", blocks: configurationBlocks))
        s.append(DocumentSection("Allowed origins", anchor: "origins", blocks: [.grid(originsTable)] + originNotes))
        s.append(DocumentSection("Environment overrides", anchor: "overrides", blocks: [
            .paragraph("The model records no environment variable behind these values; it records these per-environment differences:"),
            .bullets(ConfigDocDocument.overrides(environments, base: base.middleware, type: .cors) { entry in
                "allow_origins=\(CORSArgumentText.list(entry.allowOrigins ?? [])), allow_credentials=\(CORSArgumentText.bool(entry.allowCredentials ?? false))"
            }),
        ]))
        s.append(DocumentSection("CORS headers", anchor: "headers", blocks: [
            .paragraph("Request headers the middleware reads:"),
            .grid(DocumentTable(header: ["Header", "Meaning"], rows: [
                ["\(code: "Origin")", "The origin of the page sending the request; absent on same-origin GETs and non-browser requests."],
                ["\(code: "Access-Control-Request-Method")", "With \(code: "OPTIONS") and \(code: "Origin"): marks a preflight and names the method to come."],
                ["\(code: "Access-Control-Request-Headers")", "The non-safelisted headers the request will carry, lower-case."],
            ])),
            .paragraph("Response headers per scenario and environment (from threatscribe's CORS engine; \"—\" means the header is absent):"),
        ] + responseTables))
        s.append(DocumentSection("Example exchanges", anchor: "exchanges", blocks: exchangeBlocks))
        s.append(DocumentSection("Credentials handling", anchor: "credentials", blocks: [.bullets(credentials)]))
        s.append(DocumentSection("Security headers and CSP", anchor: "security-headers", blocks: securityHeaders))
        s.append(DocumentSection("Production configuration", anchor: "production", blocks: production))
        s.append(DocumentSection("Troubleshooting", anchor: "troubleshooting", blocks: troubleshooting))
        s.append(DocumentSection("Testing CORS", anchor: "testing", blocks: testing))
        return s
    }

    var overview: DocumentText {
        let clients = (environments.first?.model.clients ?? []).filter { $0.origin != nil }.map { $0.name ?? $0.id }
        return "Starlette's CORSMiddleware decides which web origins may read the API's responses in a browser. It is configured in \(configured.count) of \(cors.count) covered environment(s)" + (clients.isEmpty ? "." : " for the browser client(s) \(codes: clients).") + " CORS does not stop requests: a page on any origin can still send requests that need no preflight, and the handler runs; CORS decides only whether the page may read the answer."
    }

    func diagram(_ env: CORSEnvironment) -> String {
        func label(_ parts: [String]) -> String { parts.map(MermaidEscaping.label).joined(separator: "<br/>") }
        let origin = env.allowedOrigin ?? CORSEnvironment.attackerOrigin
        let api = env.environment.baseURL.flatMap(CORSEnvironment.host(of:)) ?? "API"
        var lines = ["sequenceDiagram", "    participant Browser as \(label(["Browser page", origin]))",
                     "    participant CORS as CORSMiddleware", "    participant API as \(label(["API", api]))"]
        if let preflight = env.exchange(.preflight) {
            let r = preflight.request
            lines.append("    Browser->>CORS: \(label(["OPTIONS \(preflight.path)", "Origin: \(r.origin ?? "")", "Access-Control-Request-Method: \(r.accessControlRequestMethod ?? "")"] + (r.accessControlRequestHeaders.map { ["Access-Control-Request-Headers: \($0)"] } ?? [])))")
            lines.append("    CORS-->>Browser: \(label(["\(preflight.response.status) \(CORSExchange.reason(preflight.response.status))"] + preflight.response.orderedHeaders.filter { $0.name != "vary" }.map { "\($0.name): \($0.value)" }))")
        }
        if let simple = env.exchange(.simple) {
            lines.append("    Browser->>CORS: \(label(["GET \(simple.path)", "Origin: \(simple.request.origin ?? "")"]))")
            lines.append("    CORS->>API: \(label(["GET \(simple.path)"]))")
            lines.append("    API-->>CORS: \(label(["\(simple.response.status)"]))")
            lines.append("    CORS-->>Browser: \(label(["\(simple.response.status) \(CORSExchange.reason(simple.response.status))"] + simple.response.orderedHeaders.map { "\($0.name): \($0.value)" }))")
        }
        return lines.joined(separator: "\n")
    }

    var configurationBlocks: [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        for env in cors {
            guard let entry = env.entry else { blocks.append(.paragraph("\(code: env.name): no CORSMiddleware.")); continue }
            var lines = ["app.add_middleware(", "    CORSMiddleware,"]
            for name in CORSArgumentText.names { if let value = CORSArgumentText.stated(name, in: entry) { lines.append("    \(name)=\(value),") } }
            lines.append(")")
            blocks.append(.paragraph("\(code: env.name)" + (entry.source.map { " (\(code: $0))" } ?? "") + ", as the model states it; every other argument keeps its default:"))
            blocks.append(.listing("python", lines.joined(separator: "\n")))
        }
        return blocks
    }

    var originsTable: DocumentTable {
        var rows: [[DocumentText]] = []
        for env in configured {
            let clients = env.environment.model.clients ?? []
            for origin in env.configuration?.allowOrigins ?? [] {
                let entry = CORSOriginEntry(origin)
                var port = "—"
                var use: DocumentText
                switch entry {
                case .wildcard: use = "every origin"
                case .null: use = "pages with an opaque origin (sandboxed frames, \(code: "file:") URLs): anyone can create one"
                case .unmatchable(let reason, let suggestion): use = "never matches (\(reason.rawValue))" + (suggestion.map { "; did you mean \(code: $0)?" } ?? "")
                case let .origin(scheme, host, p, kind):
                    port = p.map(String.init) ?? (scheme == "https" ? "443" : scheme == "http" ? "80" : "—")
                    if let client = clients.first(where: { $0.origin == origin }) { use = "client \(client.name ?? client.id)" }
                    else {
                        use = switch kind {
                        case .loopback: "a development page on this machine (\(code: host))"
                        case .unspecifiedAddress: "exactly a page loaded from \(code: origin); not \"any interface\" and not any origin"
                        case .privateNetwork: "a page on the local network"
                        case .publicHost: "a page on \(code: host); the model names no client there"
                        }
                    }
                }
                rows.append(["\(code: env.name)", "\(code: origin)", DocumentText(port), use])
            }
            if let regex = env.configuration?.allowOriginRegex {
                rows.append(["\(code: env.name)", "\(code: regex) (regex)", "—", "every origin the expression matches in full"])
            }
        }
        return DocumentTable(header: ["Environment", "Origin", "Port", "Use case"], rows: rows)
    }

    var originNotes: [DocumentBlock] {
        let kinds: [CORSPolicyIssue.Kind] = [.unspecifiedAddressOrigin, .cleartextOrigin, .unmatchableOrigin, .nullOriginAllowed, .sloppyOriginRegex]
        let notes = CORSEnvironment.issueTexts(configured) { kinds.contains($0.kind) }
        return notes.isEmpty ? [] : [.bullets(notes)]
    }

    var responseTables: [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        for scenario in CORSExchange.Scenario.allCases where scenario != .crossSitePost {
            let exchanges = configured.map { $0.exchange(scenario) }
            guard exchanges.contains(where: { $0 != nil }) else { continue }
            let names = CORSResponse.headerNames.filter { name in exchanges.contains { $0?.response.headers[name] != nil } }
            var rows: [[DocumentText]] = [["status"] + exchanges.map { $0.map { "\(code: "\($0.response.status)")" } ?? "not shown" }]
            rows += names.map { name in ["\(code: name)"] + exchanges.map { ex in ex.map { $0.response.headers[name].map { "\(code: $0)" } ?? "—" } ?? "not shown" } }
            blocks.append(.paragraph("\(strong: scenario.rawValue.prefix(1).uppercased() + scenario.rawValue.dropFirst()):"))
            blocks.append(.grid(DocumentTable(header: ["Header"] + configured.map { "\(code: $0.name)" }, rows: rows)))
        }
        blocks.append(.paragraph("An unhandled exception is answered by \(code: "ServerErrorMiddleware"), outside CORSMiddleware: \(code: "500 Internal Server Error") with no CORS header in every environment. The 405 above is an error answered inside the middleware, so it carries the CORS headers."))
        return blocks
    }

    var exchangeBlocks: [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        for env in configured {
            for exchange in env.exchanges {
                blocks.append(.paragraph("\(strong: "\(env.name): \(exchange.scenario.rawValue)")"))
                blocks.append(.listing("http", exchange.httpText))
            }
        }
        return blocks
    }

    var credentials: [DocumentText] {
        configured.map { env in
            guard let c = env.configuration else { return "" }
            if !c.allowCredentials { return "\(code: env.name): \(code: "allow_credentials=False"): pages may send cookies, but cannot read the answer to a credentialed request." }
            if c.allowsAllOrigins { return "\(code: env.name): \(code: "[\"*\"]") with \(code: "allow_credentials=True"): Starlette \(env.version.version) " + (env.version.version.reflectsAnyOriginWithCredentials ? "reflects every origin with credentials: any site reads logged-in responses." : "reflects the origin on requests that carry a cookie: any site reads cookie-authenticated responses.") }
            return "\(code: env.name): \(code: "allow_credentials=True"): the listed origins are echoed with \(code: "access-control-allow-credentials: true")" + (env.usesCookies ? "; the model uses cookies, so their requests carry the session." : "; the model shows no cookie-based session or auth, so this setting buys nothing and could be \(code: "False").")
        }
    }

    var securityHeaders: [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        // Environments with the same headers are described once.
        var groups: [(names: [String], headers: [String: String], middleware: Middleware?)] = []
        for env in environments {
            let m = env.model.middleware?.first { $0.type == .securityHeaders }
            let headers = m?.headers ?? [:]
            if let index = groups.firstIndex(where: { $0.headers == headers }) { groups[index].names.append(env.name) }
            else { groups.append(([env.name], headers, m)) }
        }
        for group in groups {
            guard let m = group.middleware, !group.headers.isEmpty else {
                blocks.append(.paragraph("\(codes: group.names): no security-headers middleware; Starlette adds none of these headers by itself.")); continue
            }
            let headers = group.headers
            blocks.append(.paragraph("\(codes: group.names): \(m.name ?? "the security-headers middleware")" + (m.source.map { " (\(code: $0))" } ?? "") + " sets:"))
            blocks.append(.grid(DocumentTable(header: ["Header", "Value"], rows: headers.keys.sorted().map { ["\(code: $0)", "\(code: headers[$0]!)"] })))
            var notes: [DocumentText] = []
            if headers["Cross-Origin-Resource-Policy"] == "same-origin" {
                notes.append("\(code: "Cross-Origin-Resource-Policy: same-origin") does not block CORS reads by \(code: "fetch"): CORP governs no-cors loads (images, scripts); an origin CORSMiddleware allows still reads the JSON.")
            }
            if let csp = headers["Content-Security-Policy"] {
                notes.append("The CSP governs documents this API serves (\(code: "/docs"), error pages); which APIs the client's pages may call is the client's own \(code: "connect-src")" + (csp.contains("connect-src") ? ", not this one." : "."))
            }
            if let xss = headers["X-XSS-Protection"], xss != "0" {
                notes.append("\(code: "X-XSS-Protection: \(xss)") enables a filter current browsers have removed; send \(code: "0") or nothing.")
            }
            notes.append("Responses from \(code: "ServerErrorMiddleware") (unhandled exceptions) carry neither these headers nor CORS headers.")
            blocks.append(.bullets(notes))
        }
        return blocks
    }

    var production: [DocumentBlock] {
        let prod = configured.filter(\.isProduction)
        guard !prod.isEmpty else { return [.paragraph("The model describes no production environment with CORSMiddleware, so there is no production configuration to document.")] }
        var blocks: [DocumentBlock] = cors.filter(\.isProduction).compactMap(\.notAssessed).map { .paragraph("\($0)") }
        for env in prod {
            guard let c = env.configuration else { continue }
            let checks: [(Bool, DocumentText)] = [
                (!c.allowsAllOrigins && c.allowOriginRegex == nil, "Exact origins, no \(code: "*") and no regex"),
                (c.allowOrigins.allSatisfy { $0.hasPrefix("https://") }, "Every origin uses HTTPS"),
                (!c.allowsAllMethods, "Methods listed, not \(code: "[\"*\"]")"),
                (!c.allowsAllHeaders, "Request headers listed, not \(code: "[\"*\"]")"),
                (!c.allowCredentials || env.usesCookies, "Credentials only where cookies are used"),
                (!env.issues.contains { $0.kind == .loopbackOrigin || $0.kind == .unspecifiedAddressOrigin }, "No development origins"),
            ]
            blocks.append(.paragraph("\(code: env.name) checklist (from the model):"))
            blocks.append(.grid(DocumentTable(header: ["Check", "Status"], rows: checks.map { [$0.1, $0.0 ? "met" : "not met"] })))
        }
        return blocks
    }

    var troubleshooting: [DocumentBlock] {
        var blocks: [DocumentBlock] = [.paragraph("What Chromium's console prints for this configuration (wording of Chromium 156; the URL and origin are the example's):")]
        guard let env = featured else { return blocks }
        let url = env.environment.baseURL ?? "$BASE_URL"
        let path = env.exchange(.preflight)?.path ?? env.exchange(.disallowedOrigin)?.path ?? "/"
        if let foreign = env.exchange(.disallowedOrigin), foreign.response.allowOrigin == nil {
            blocks.append(.paragraph("\(strong: "Origin not allowed") (\(code: foreign.request.origin ?? "")):"))
            blocks.append(.listing("", "Access to fetch at '\(url)\(foreign.path)' from origin '\(foreign.request.origin ?? "")' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."))
            if let evaluator = env.evaluator, let preflight = env.exchange(.preflight) {
                let request = CORSRequest.preflight(origin: CORSEnvironment.attackerOrigin, method: preflight.request.accessControlRequestMethod ?? "GET")
                let answer = evaluator.response(to: request)
                if answer.allowOrigin == nil {
                    blocks.append(.paragraph("The same origin's preflight (\(code: "\(answer.status) \(answer.body)")):"))
                    blocks.append(.listing("", "Access to fetch at '\(url)\(preflight.path)' from origin '\(CORSEnvironment.attackerOrigin)' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource."))
                }
            }
            blocks.append(.paragraph("The request was sent and the handler ran; add the origin to \(code: "allow_origins") if it is a real client."))
        }
        if let origin = env.allowedOrigin, let evaluator = env.evaluator {
            let refused = ["PUT", "DELETE", "PATCH", "POST"].first { !evaluator.allowedMethods.contains($0) }
            if let refused {
                let answer = evaluator.response(to: .preflight(origin: origin, method: refused))
                blocks.append(.paragraph("\(strong: "Method not allowed") (\(code: refused) preflight → \(code: "\(answer.status) \(answer.body)")):"))
                blocks.append(.listing("", "Access to fetch at '\(url)\(path)' from origin '\(origin)' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status."))
            }
            if !(env.configuration?.allowsAllHeaders ?? true) {
                let answer = evaluator.response(to: .preflight(origin: origin, method: "GET", headers: ["X-Requested-With"]))
                blocks.append(.paragraph("\(strong: "Header not allowed") (a preflight asking for \(code: "x-requested-with") → \(code: "\(answer.status) \(answer.body)")): the same \"does not have HTTP ok status\" message, since Starlette answers 400."))
            }
        }
        if env.exchanges.contains(where: { $0.response.allowOrigin == "*" }) {
            blocks.append(.paragraph("\(strong: "Credentials with a wildcard") (a \(code: "credentials: \"include\"") request answered with \(code: "access-control-allow-origin: *")):"))
            blocks.append(.listing("", "Access to fetch at '\(url)\(path)' from origin '…' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."))
        }
        blocks.append(.paragraph("\(strong: "A server error looks like a CORS error"): an unhandled exception's 500 comes from ServerErrorMiddleware without CORS headers, so the console shows \"No 'Access-Control-Allow-Origin' header is present\" while the Network tab shows 500. Read the server log, not the CORS settings."))
        let sockets = env.environment.model.websockets ?? []
        if !sockets.isEmpty {
            let checked = sockets.filter { $0.checksOrigin == true }.map(\.path)
            let unchecked = sockets.filter { $0.checksOrigin != true }.map(\.path)
            var text: DocumentText = "\(strong: "WebSockets"): CORSMiddleware passes WebSocket connections through untouched, so \(code: "allow_origins") does not apply to them; an origin check is the route's own code."
            if !checked.isEmpty { text = text + " The model records that \(codes: checked) check\(checked.count == 1 ? "s" : "") \(code: "Origin") in the handshake." }
            if !unchecked.isEmpty { text = text + " The model records no origin check for \(codes: unchecked): a page on any site can open \(unchecked.count == 1 ? "it" : "them")." }
            blocks.append(.paragraph(text))
        }
        return blocks
    }

    var testing: [DocumentBlock] {
        var blocks: [DocumentBlock] = [.paragraph("With curl, per environment; each command prints the response headers to compare with the exchanges above:")]
        for env in configured {
            let commands = env.exchanges.filter { $0.scenario != .crossSitePost }.map { "# \($0.scenario.rawValue)\n" + CORSCommands.curl($0, in: env.environment) }
            blocks.append(.paragraph("\(code: env.name):"))
            blocks.append(.listing("bash", commands.joined(separator: "\n")))
        }
        blocks.append(.paragraph("With the browser's DevTools: open the client page, Network tab, tick \"Preserve log\", trigger a call; select the \(code: "OPTIONS") preflight and then the request, and compare their response headers with the tables above. Refusals appear in the Console with the wording under Troubleshooting."))
        return blocks
    }
}
