/// The security-headers configuration document: the headers each environment sends, from the model.
struct SecurityHeadersConfigDoc {
    var environments: [ResolvedEnvironment]

    private func middleware(_ env: ResolvedEnvironment) -> Middleware? { env.model.middleware?.first { $0.type == .securityHeaders } }

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
        for env in environments {
            if let policy = middleware(env)?.headers?["Content-Security-Policy"] {
                csp.append(.paragraph("\(code: env.name):"))
                csp.append(.listing("", policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ";\n")))
            }
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
        s.append(DocumentSection("Troubleshooting", anchor: "troubleshooting", blocks: [
            .paragraph("What Chromium's console prints when the CSP blocks something on a page this API serves:"),
            .listing("", "Refused to load the script '<URL>' because it violates the following Content Security Policy directive: \"script-src 'self'\"."),
            .paragraph("and when a page of another origin frames a response under \(code: "frame-ancestors 'none'"):"),
            .listing("", "Refused to frame '<URL>' because an ancestor violates the following Content Security Policy directive: \"frame-ancestors 'none'\"."),
        ]))
        s.append(DocumentSection("Testing", anchor: "testing", blocks: [.listing("bash", environments.map { env in
            "# \(env.name)\ncurl -s -o /dev/null -D - \(CORSCommands.url("/", in: env))"
        }.joined(separator: "\n")), .paragraph("In DevTools: Network tab, select any response, Headers → Response Headers.")]))
        return s
    }
}
