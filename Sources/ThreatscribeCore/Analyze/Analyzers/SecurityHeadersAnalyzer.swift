import Foundation

/// Facts about the security response headers the app sends, read from the `security_headers`
/// middleware's `headers` and the headers the ingress adds (`deployment.ingress.response_headers`, and
/// `deployment.ingress.hsts` for HSTS) (scope `headers`, global).
///
/// When the model does not list middleware at all, every "has" fact is unknown: the model is silent.
struct SecurityHeadersAnalyzer: Analyzer {
    let scopes = [FactScope("headers", "Security response headers; every condition may name these as `headers.<field>`.", isGlobal: true, fields: [
        FactField("described", .bool, "The model lists the app's middleware, so the headers it sets are known."),
        FactField("names", .list, "Header names the security headers middleware or the ingress (`deployment.ingress.response_headers`) sets."),
        FactField("has_hsts", .bool, "`Strict-Transport-Security` is sent (by the app or the ingress)."),
        FactField("hsts", .string, "The `Strict-Transport-Security` value the app sets."),
        FactField("hsts_max_age", .int, "HSTS `max-age` in seconds."),
        FactField("has_csp", .bool, "`Content-Security-Policy` is sent."),
        FactField("app_documents", .list, "What the app serves that a browser renders as a document: `templates`, StaticFiles mounts. The docs UI is not counted (the documentation findings cover it)."),
        FactField("serves_documents", .bool, "The app serves documents (`app_documents` is not empty); false for a JSON-only API, where CSP, framing, Referrer-Policy and COOP/CORP protect nothing."),
        FactField("csp_blocks_docs_ui", .bool, "The Content-Security-Policy sent with every response refuses what FastAPI's Swagger UI page needs: its script from `cdn.jsdelivr.net` or its inline start-up script."),
        FactField("csp_docs_note", .string, "One sentence for the documentation findings when `csp_blocks_docs_ui`; empty otherwise."),
        FactField("document_header_gaps", .list, "The browser-document header findings that would apply if the API served documents, one phrase each."),
        FactField("csp", .string, "The `Content-Security-Policy` value."),
        FactField("csp_script_unsafe_inline", .bool, "The effective `script-src` allows `'unsafe-inline'` without a nonce or hash."),
        FactField("csp_unsafe_eval", .bool, "The effective `script-src` allows `'unsafe-eval'`."),
        FactField("csp_script_broad_sources", .list, "`*` or scheme-only sources (`https:`, `data:`, `ws:` …) in the effective `script-src`."),
        FactField("csp_connect_broad_sources", .list, "`*` or scheme-only sources in the effective `connect-src`."),
        FactField("csp_broad_summary", .string, "The broad sources by directive, e.g. `connect-src ws: wss:`, directives separated by `; ` (empty when none)."),
        FactField("csp_missing_suffix", .string, "The missing directives as text to append to the policy, each set to `'none'` (`; object-src 'none'`)."),
        FactField("csp_missing_directives", .list, "Of `frame-ancestors`, `object-src`, `base-uri`: those the policy lacks (`object-src` counts as present when `default-src 'none'`)."),
        FactField("has_frame_protection", .bool, "`X-Frame-Options` (DENY or SAMEORIGIN) or CSP `frame-ancestors` is sent."),
        FactField("x_frame_options", .string, "The `X-Frame-Options` value."),
        FactField("has_nosniff", .bool, "`X-Content-Type-Options: nosniff` is sent."),
        FactField("has_referrer_policy", .bool, "`Referrer-Policy` is sent."),
        FactField("referrer_policy", .string, "The `Referrer-Policy` value."),
        FactField("missing_cross_origin_policies", .list, "Of `Cross-Origin-Opener-Policy` and `Cross-Origin-Resource-Policy`: those not sent."),
        FactField("x_xss_protection", .string, "The `X-XSS-Protection` value."),
        FactField("xss_filter_enabled", .bool, "`X-XSS-Protection` turns the legacy XSS auditor on (a value starting with `1`)."),
    ])]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let model = context.model
        let index = model.middleware?.firstIndex { $0.type == .securityHeaders }
        let path = index.map { ModelPath("middleware").appending($0) } ?? "middleware"
        var subject = FactSubject(scope: "headers", path: path, name: "security response headers", component: Component.middleware)
        let documents = (model.templates != nil ? ["templates"] : []) + (model.staticFiles ?? []).map { "StaticFiles at \($0.path)" }
        subject.set("app_documents", .list(documents), from: model.templates != nil ? "templates" : "static_files")
        subject.set("serves_documents", .bool(!documents.isEmpty), from: model.templates != nil ? "templates" : "static_files")
        let ingressHSTS = model.deployment?.ingress?.hsts == true
        guard let registered = model.middleware else {
            subject.set("described", .bool(false), from: "middleware")
            if ingressHSTS { subject.set("has_hsts", .bool(true), from: "deployment.ingress.hsts") }
            return [subject]
        }
        subject.set("described", .bool(true), from: "middleware")
        // Every security-headers middleware contributes; later names do not remove earlier ones.
        // Headers the ingress adds count as sent; where the app sets the same header, its value is analysed.
        let ingressHeaders = model.deployment?.ingress?.responseHeaders ?? [:]
        let ingressPath: ModelPath = "deployment.ingress.response_headers"
        var headers: [String: String] = [:]
        var fromIngress: Set<String> = []
        for (name, value) in ingressHeaders { headers[name.lowercased()] = value; fromIngress.insert(name.lowercased()) }
        for middleware in registered where middleware.type == .securityHeaders {
            for (name, value) in middleware.headers ?? [:] { headers[name.lowercased()] = value; fromIngress.remove(name.lowercased()) }
        }
        let appHeadersPath = path.appending("headers")
        func value(_ name: String) -> String? { headers[name.lowercased()] }
        /// Where the header's value comes from: the ingress when only it sets the header.
        func source(_ names: String...) -> ModelPath {
            names.contains { fromIngress.contains($0.lowercased()) } && !names.contains { headers[$0.lowercased()] != nil && !fromIngress.contains($0.lowercased()) }
                ? ingressPath : appHeadersPath
        }
        func absent(_ name: String) -> String {
            let app = index == nil ? "middleware: no security_headers middleware" : "\(path).headers"
            return ingressHeaders.isEmpty ? "(no \(name) in \(app))" : "(no \(name) in \(app) or deployment.ingress.response_headers)"
        }
        subject.set("names", .list(registered.filter { $0.type == .securityHeaders }.flatMap { ($0.headers ?? [:]).keys.sorted() }
                                   + ingressHeaders.keys.sorted().filter { name in !registered.contains { ($0.headers ?? [:]).keys.contains { $0.lowercased() == name.lowercased() } } }),
                    from: appHeadersPath)

        let hsts = value("Strict-Transport-Security")
        subject.set("hsts", FactValue(hsts), from: source("Strict-Transport-Security"))
        subject.set("has_hsts", .bool(hsts != nil || ingressHSTS), from: hsts == nil && ingressHSTS ? "deployment.ingress.hsts" : source("Strict-Transport-Security"),
                    shownAs: hsts == nil && !ingressHSTS ? absent("Strict-Transport-Security") + ", deployment.ingress.hsts not true" : nil)
        if let hsts, let maxAge = Self.directive("max-age", in: hsts).flatMap(Int.init) {
            subject.set("hsts_max_age", .int(maxAge), from: source("Strict-Transport-Security"))
        }

        setCSPFacts(on: &subject, csp: value("Content-Security-Policy"), from: source("Content-Security-Policy"), absent: absent("Content-Security-Policy"))
        let frameOptions = value("X-Frame-Options")
        subject.set("x_frame_options", FactValue(frameOptions), from: source("X-Frame-Options"))
        let framingByXFO = frameOptions.map { ["deny", "sameorigin"].contains($0.trimmingWhitespaces.lowercased()) } ?? false
        let framingByCSP = value("Content-Security-Policy").map { CSP(text: $0).directives["frame-ancestors"] != nil } ?? false
        subject.set("has_frame_protection", .bool(framingByXFO || framingByCSP), from: source("X-Frame-Options", "Content-Security-Policy"),
                    shownAs: framingByXFO || framingByCSP ? nil : absent("X-Frame-Options or CSP frame-ancestors"))
        let nosniff = value("X-Content-Type-Options")?.trimmingWhitespaces.lowercased() == "nosniff"
        subject.set("has_nosniff", .bool(nosniff), from: source("X-Content-Type-Options"), shownAs: nosniff ? nil : absent("X-Content-Type-Options: nosniff"))
        let referrer = value("Referrer-Policy")
        subject.set("referrer_policy", FactValue(referrer), from: source("Referrer-Policy"))
        subject.set("has_referrer_policy", .bool(referrer != nil), from: source("Referrer-Policy"), shownAs: referrer == nil ? absent("Referrer-Policy") : nil)
        let missing = ["Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy"].filter { value($0) == nil }
        subject.set("missing_cross_origin_policies", .list(missing), from: source("Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy"))
        let xss = value("X-XSS-Protection")
        subject.set("x_xss_protection", FactValue(xss), from: source("X-XSS-Protection"))
        subject.set("xss_filter_enabled", .bool(xss?.trimmingWhitespaces.hasPrefix("1") ?? false), from: source("X-XSS-Protection"))
        subject.set("document_header_gaps", .list(Self.documentHeaderGaps(subject)), from: appHeadersPath)
        let docsBlock = value("Content-Security-Policy").flatMap { Self.docsUIBlock(CSP(text: $0)) }
        subject.set("csp_blocks_docs_ui", .bool(docsBlock != nil), from: source("Content-Security-Policy"))
        subject.set("csp_docs_note", .string(docsBlock.map { "The model's Content-Security-Policy (script-src \($0.sources)) refuses \($0.refused), so the Swagger UI page renders blank in this environment while the OpenAPI document stays public; adding the CDN to the policy to repair the page would widen it for every response." } ?? ""),
                    from: source("Content-Security-Policy"))
        return [subject]
    }

    private func setCSPFacts(on subject: inout FactSubject, csp text: String?, from path: ModelPath, absent: String) {
        subject.set("has_csp", .bool(text != nil), from: path, shownAs: text == nil ? absent : nil)
        guard let text else { return }
        subject.set("csp", .string(text), from: path)
        let csp = CSP(text: text)
        let script = csp.effective("script-src")
        let hasNonceOrHash = script.contains { $0.hasPrefix("'nonce-") || $0.hasPrefix("'sha256-") || $0.hasPrefix("'sha384-") || $0.hasPrefix("'sha512-") }
        subject.set("csp_script_unsafe_inline", .bool(script.contains("'unsafe-inline'") && !hasNonceOrHash), from: path)
        subject.set("csp_unsafe_eval", .bool(script.contains("'unsafe-eval'")), from: path)
        subject.set("csp_script_broad_sources", .list(script.filter(CSP.isBroad)), from: path)
        let scriptBroad = script.filter(CSP.isBroad)
        let connectBroad = csp.effective("connect-src").filter(CSP.isBroad)
        subject.set("csp_connect_broad_sources", .list(connectBroad), from: path)
        let summary = [("script-src", scriptBroad), ("connect-src", connectBroad)].filter { !$0.1.isEmpty }
            .map { "\($0.0) \($0.1.joined(separator: " "))" }.joined(separator: "; ")
        subject.set("csp_broad_summary", .string(summary), from: path)
        var missing: [String] = []
        if csp.directives["frame-ancestors"] == nil { missing.append("frame-ancestors") }
        if csp.directives["object-src"] == nil, csp.directives["default-src"] != ["'none'"] { missing.append("object-src") }
        if csp.directives["base-uri"] == nil { missing.append("base-uri") }
        subject.set("csp_missing_directives", .list(missing), from: path)
        // Only the missing directives: appending one the policy already has would be ignored by browsers
        // (the first occurrence wins) and would misstate what the fix changes.
        if !missing.isEmpty {
            subject.set("csp_missing_suffix", .string(missing.map { "; \($0) 'none'" }.joined()), from: path)
        }
    }

    /// `max-age=31536000` → `31536000`.
    static func directive(_ name: String, in value: String) -> String? {
        for part in value.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespaces }
            if pair.first?.lowercased() == name, pair.count == 2 { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }

    /// What TS-HDR-003 to -011 (without nosniff and HSTS, which matter for JSON too) would report.
    static func documentHeaderGaps(_ subject: FactSubject) -> [String] {
        var gaps: [String] = []
        if subject["has_csp"] == .bool(false) { gaps.append("no Content-Security-Policy") }
        if subject["csp_script_unsafe_inline"].isTruthy || subject["csp_unsafe_eval"].isTruthy { gaps.append("the Content-Security-Policy allows inline script or eval") }
        if subject["csp_script_broad_sources"].isTruthy || subject["csp_connect_broad_sources"].isTruthy { gaps.append("the Content-Security-Policy allows whole schemes or any host") }
        if case .list(let missing) = subject["csp_missing_directives"], !missing.isEmpty { gaps.append("the Content-Security-Policy lacks \(missing.joined(separator: ", "))") }
        if subject["has_frame_protection"] == .bool(false) { gaps.append("no X-Frame-Options or frame-ancestors") }
        if subject["has_referrer_policy"] == .bool(false) { gaps.append("no Referrer-Policy") }
        if case .list(let missing) = subject["missing_cross_origin_policies"], !missing.isEmpty { gaps.append("no \(missing.joined(separator: " or "))") }
        if subject["xss_filter_enabled"].isTruthy { gaps.append("X-XSS-Protection turns on the retired XSS auditor") }
        return gaps
    }

    /// What of the Swagger UI page (script from cdn.jsdelivr.net, an inline start-up script) the policy refuses; nil when it allows both.
    static func docsUIBlock(_ csp: CSP) -> (sources: String, refused: String)? {
        let sources = csp.effective("script-src-elem")
        guard csp.directives["script-src"] != nil || csp.directives["script-src-elem"] != nil || csp.directives["default-src"] != nil else { return nil }
        let lowered = sources.map { $0.lowercased() }
        let cdnAllowed = lowered.contains { source in
            if source == "*" || source == "https:" { return true }
            let host = source.replacingOccurrences(of: "https://", with: "").split(separator: "/").first.map(String.init) ?? source
            return host == "cdn.jsdelivr.net" || host == "*.jsdelivr.net"
        }
        // A hash or nonce might match the inline script (its hash depends on the arguments): not claimed as refused.
        let inlineAllowed = lowered.contains("'unsafe-inline'") || lowered.contains { $0.hasPrefix("'sha") || $0.hasPrefix("'nonce-") }
        var refused: [String] = []
        if !cdnAllowed { refused.append("the page's script from cdn.jsdelivr.net") }
        if !inlineAllowed { refused.append("its inline start-up script") }
        guard !refused.isEmpty else { return nil }
        return (sources.isEmpty ? "none" : sources.joined(separator: " "), refused.joined(separator: " and "))
    }
}
