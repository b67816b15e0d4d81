/// The security-headers configuration document: the headers each environment sends, from the model.
struct SecurityHeadersConfigDoc {
    var environments: [ResolvedEnvironment]

    private func middleware(_ env: ResolvedEnvironment) -> Middleware? { env.model.middleware?.first { $0.type == .securityHeaders } }

    /// FastAPI's default Swagger UI assets (`fastapi.openapi.docs.get_swagger_ui_html`).
    static let swaggerScript = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"
    static let swaggerStylesheet = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css"
    static let swaggerFavicon = "https://fastapi.tiangolo.com/img/favicon.png"

    /// The docs path an environment serves, or `nil` when its docs are off.
    private func docsPath(_ env: ResolvedEnvironment) -> String? {
        let app = env.model.app
        if case .disabled? = app?.openapiUrl { return nil }
        if case .value("")? = app?.openapiUrl { return nil }
        switch app?.docsUrl {
        case .disabled?: return nil
        case .value(let path)?: return path.isEmpty ? nil : (app?.rootPath ?? "") + path
        case nil: return (app?.rootPath ?? "") + "/docs"
        }
    }

    /// Chromium's console messages for what this CSP blocks on the pages this API serves.
    /// What Chromium's console shows for one environment's policy on the pages the API serves.
    struct ConsoleMessages: Equatable {
        var docsURL: String?
        var docsLines: [String] = []
        var frameURL: String?
        var frameLine: String?
    }

    func consoleMessages(_ env: ResolvedEnvironment) -> ConsoleMessages? {
        guard let policy = middleware(env)?.headers?["Content-Security-Policy"], let base = env.baseURL else { return nil }
        var messages = ConsoleMessages()
        if let docs = docsPath(env), let script = CSPDirectives.effective("script-src", in: policy) {
            let fallback = script.hasPrefix("default-src") ? "default-src" : "script-src"
            if !CSPDirectives.admits(script, url: Self.swaggerScript) {
                messages.docsLines.append("Loading the script '\(Self.swaggerScript)' violates the following Content Security Policy directive: \"\(script)\". Note that 'script-src-elem' was not explicitly set, so '\(fallback)' is used as a fallback. The action has been blocked.")
            }
            if !script.contains("'unsafe-inline'") {
                messages.docsLines.append("Executing inline script violates the following Content Security Policy directive '\(script)'. Either the 'unsafe-inline' keyword, a hash ('sha256-…'), or a nonce ('nonce-...') is required to enable inline execution. The action has been blocked.")
            }
            if let style = CSPDirectives.effective("style-src", in: policy), !CSPDirectives.admits(style, url: Self.swaggerStylesheet) {
                let styleFallback = style.hasPrefix("default-src") ? "default-src" : "style-src"
                messages.docsLines.append("Loading the stylesheet '\(Self.swaggerStylesheet)' violates the following Content Security Policy directive: \"\(style)\". Note that 'style-src-elem' was not explicitly set, so '\(styleFallback)' is used as a fallback. The action has been blocked.")
            }
            if let image = CSPDirectives.effective("img-src", in: policy), !CSPDirectives.admits(image, url: Self.swaggerFavicon) {
                messages.docsLines.append("Loading the image '\(Self.swaggerFavicon)' violates the following Content Security Policy directive: \"\(image)\". The action has been blocked.")
            }
            if !messages.docsLines.isEmpty { messages.docsURL = base + docs }
        }
        if let frame = CSPDirectives.effective("frame-ancestors", in: policy), frame.contains("'none'") {
            let origin = (base.range(of: "://").map { String(base[..<$0.upperBound]) } ?? "") + (CORSEnvironment.host(of: base) ?? "") + "/"
            messages.frameURL = origin
            messages.frameLine = "Framing '\(origin)' violates the following Content Security Policy directive: \"\(frame)\". The request has been blocked."
        }
        return messages
    }

    /// Chromium's console messages for what this CSP blocks on the pages this API serves, once per
    /// group of environments that would show the same ones.
    var troubleshooting: [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        for group in EnvironmentGroups.grouped(environments.compactMap { env in consoleMessages(env).map { (env.name, $0) } }) {
            let m = group.value
            if let docs = m.docsURL {
                blocks.append(.paragraph("\(codes: group.environments): the interactive docs at \(code: docs) load Swagger UI from \(code: "cdn.jsdelivr.net") and start it with an inline script, which this CSP blocks; the page stays blank and Chromium's console shows (wording of Chromium 156):"))
                blocks.append(.listing("", m.docsLines.joined(separator: "\n")))
                blocks.append(.paragraph("Serve the Swagger UI assets from the app and allow them by hash, or send a separate, looser policy on the docs route only."))
            }
            if let line = m.frameLine {
                blocks.append(.paragraph("\(codes: group.environments): a page of another origin that frames a response gets, in Chromium's console:"))
                blocks.append(.listing("", line))
            }
        }
        return blocks.isEmpty ? [.paragraph("The model's policies block nothing on the pages this API serves that threatscribe can name; a blocked load shows in the Console as \"Loading the … violates the following Content Security Policy directive: …\" with the directive that blocked it.")] : blocks
    }

    var sections: [DocumentSection] {
        var s = [DocumentSection("Key files", anchor: "key-files", blocks: [.bullets(ConfigDocDocument.keyFiles(environments, types: [.securityHeaders, .cors]))])]
        guard environments.contains(where: { middleware($0) != nil }) else {
            s.append(DocumentSection("Overview", anchor: "overview", blocks: [.paragraph("No covered environment registers a security-headers middleware; Starlette and FastAPI send none of these headers by themselves. There is no configuration to document.")]))
            return s
        }
        let names = Array(Set(environments.flatMap { (middleware($0)?.headers ?? [:]).keys })).sorted()
        s.append(DocumentSection("Overview", anchor: "overview", blocks: [.paragraph("A middleware adds fixed headers to responses, telling browsers how to treat them. The table lists each header per environment as the model states it.")]
            + (environments.contains { $0.kind == .production } ? [] : [.paragraph("The model describes no production environment; nothing below describes production.")])))
        s.append(DocumentSection("Headers per environment", anchor: "headers", blocks: [.grid(DocumentTable(
            header: ["Header"] + environments.map { "\(code: $0.name)" } + ["Purpose"],
            rows: names.map { name in ["\(code: name)"] + environments.map { env in middleware(env)?.headers?[name].map { "\(code: $0)" } ?? "not sent" } + [ControlMitigation.headerEffect(name)] }))]))
        var csp: [DocumentBlock] = []
        let policies = EnvironmentGroups.grouped(environments.compactMap { env in middleware(env)?.headers?["Content-Security-Policy"].map { (env.name, $0) } })
        for group in policies {
            csp.append(.paragraph("\(codes: group.environments):"))
            csp.append(.listing("", group.value.split(separator: ";").map { $0.trimmingWhitespaces }.joined(separator: ";\n")))
        }
        s.append(DocumentSection("Content Security Policy", anchor: "csp", blocks: csp.isEmpty ? [.paragraph("No environment sends a Content-Security-Policy.")] : csp))
        s.append(DocumentSection("Combination with CORS", anchor: "cors", blocks: [.bullets([
            "Security headers and CORS headers are independent: a CSP on API responses does not decide which sites may call the API; CORSMiddleware does.",
            "Responses from \(code: "ServerErrorMiddleware") (unhandled exceptions) carry neither the security headers nor CORS headers.",
        ])]))
        let checklist: [[DocumentText]] = environments.filter { $0.kind?.isProductionLike == true }.flatMap { env -> [[DocumentText]] in
            let h = middleware(env)?.headers ?? [:]
            return [
                ["\(code: env.name)", "HSTS on HTTPS", h["Strict-Transport-Security"] != nil ? "met" : (env.baseURL?.hasPrefix("https://") == true ? "not met" : "not applicable (no HTTPS base URL)")],
                ["\(code: env.name)", "\(code: "X-Content-Type-Options: nosniff")", h["X-Content-Type-Options"] == "nosniff" ? "met" : "not met"],
                ["\(code: env.name)", "CSP with \(code: "frame-ancestors")", h["Content-Security-Policy"]?.contains("frame-ancestors") == true ? "met" : "not met"],
                ["\(code: env.name)", "No \(code: "X-XSS-Protection") other than \(code: "0")", (h["X-XSS-Protection"] ?? "0") == "0" ? "met" : "not met"],
            ]
        }
        s.append(DocumentSection("Production checklist", anchor: "production", blocks: checklist.isEmpty
            ? [.paragraph("The model describes no production or staging environment, so there is no production configuration to check.")]
            : [.grid(DocumentTable(header: ["Environment", "Check", "Status"], rows: checklist))]))
        s.append(DocumentSection("Troubleshooting", anchor: "troubleshooting", blocks: troubleshooting))
        s.append(DocumentSection("Testing", anchor: "testing", blocks: [.listing("bash", environments.map { env in
            "# \(env.name)\ncurl -s -o /dev/null -D - \(CORSCommands.url("/", in: env))"
        }.joined(separator: "\n")), .paragraph("In DevTools: Network tab, select any response, Headers → Response Headers.")]))
        return s
    }
}
