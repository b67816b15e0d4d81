import Foundation

/// Facts about the middleware pipeline as a whole: what is registered, in which order requests pass
/// through it, and what sits outside CORS (scope `middleware_stack`, global).
///
/// Starlette's `add_middleware` inserts at position 0, so the last middleware added is outermost;
/// in `FastAPI(middleware=[...])` item 0 is outermost. When the model does not list middleware at
/// all, every presence fact is unknown.
struct MiddlewareStackAnalyzer: Analyzer {
    let scopes = [FactScope("middleware_stack", "The middleware pipeline; every condition may name these as `middleware_stack.<field>`.", isGlobal: true, fields: [
        FactField("described", .bool, "The model lists the app's middleware (possibly none)."),
        FactField("style", .string, "`add_middleware` (last added is outermost; assumed when not stated) or `constructor_list` (item 0 is outermost)."),
        FactField("order", .list, "Middleware names, outermost first."),
        FactField("has_cors", .bool, "CORSMiddleware is registered."),
        FactField("cors_is_outermost", .bool, "CORSMiddleware is the outermost user middleware."),
        FactField("outside_cors", .list, "Middleware that runs outside (before) CORSMiddleware."),
        FactField("outside_cors_responders", .list, "Middleware outside CORS that answers some requests itself (TrustedHost, HTTPSRedirect, rate limiting, custom middleware that returns errors): those responses carry no CORS headers."),
        FactField("has_trusted_host", .bool, "TrustedHostMiddleware is registered."),
        FactField("allowed_hosts", .list, "TrustedHostMiddleware `allowed_hosts` (Starlette default `[\"*\"]`)."),
        FactField("host_check_enforced", .bool, "A TrustedHostMiddleware is registered whose `allowed_hosts` does not contain `*`."),
        FactField("has_https_redirect", .bool, "HTTPSRedirectMiddleware is registered."),
        FactField("tls_at_proxy", .bool, "TLS terminates at a proxy or ingress in front of the app."),
        FactField("proxy_scheme_trusted", .bool, "Uvicorn rewrites the scheme from the proxy's `X-Forwarded-Proto`: `proxy_headers` on and `forwarded_allow_ips` set beyond the default `127.0.0.1,::1`."),
        FactField("forwarded_allow_ips", .string, "Uvicorn `forwarded_allow_ips` as the model states it."),
        FactField("has_gzip", .bool, "GZipMiddleware is registered."),
        FactField("has_session", .bool, "SessionMiddleware is registered."),
        FactField("has_security_headers", .bool, "A middleware that sets security response headers is registered."),
        FactField("has_rate_limit", .bool, "Some rate limiting exists: a rate-limit middleware, per-endpoint limits, or the ingress limits rates."),
        FactField("rate_limit_library", .string, "The rate-limit middleware's library."),
        FactField("global_rate_limit", .string, "A limit that applies to every route: the rate-limit middleware's `default_limit`, or `ingress` when the ingress limits rates."),
        FactField("limited_endpoints", .int, "How many endpoints declare their own `rate_limit`."),
        FactField("auth_middleware", .list, "Custom middleware whose purpose is authentication or rate limiting."),
        FactField("body_readers_before_auth", .list, "Middleware that reads or parses the request body and runs before (outside) an authentication or rate-limit middleware."),
    ])]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let model = context.model
        var subject = FactSubject(scope: "middleware_stack", path: "middleware", name: "middleware pipeline", component: Component.middleware)
        let style = model.app?.middlewareStyle ?? .addMiddleware
        subject.set("style", .string(style.rawValue), from: "app.middleware_style",
                    shownAs: model.app?.middlewareStyle == nil ? "(not set: assumed add_middleware, the last middleware added is outermost)" : nil)
        setProxyFacts(on: &subject, model: model)
        let limitedEndpoints = context.routeTable.routes.filter { $0.endpoint.rateLimit != nil }
        subject.set("limited_endpoints", .int(limitedEndpoints.count), from: limitedEndpoints.first?.path.appending("rate_limit") ?? "routers")
        guard let registered = model.middleware else {
            subject.set("described", .bool(false), from: "middleware")
            if model.deployment?.ingress?.rateLimiting == true || !limitedEndpoints.isEmpty {
                subject.set("has_rate_limit", .bool(true), from: "deployment.ingress.rate_limiting")
            }
            if model.deployment?.ingress?.rateLimiting == true {
                subject.set("global_rate_limit", .string("ingress"), from: "deployment.ingress.rate_limiting")
            }
            return [subject]
        }
        subject.set("described", .bool(true), from: "middleware")
        // Outermost first, with each item's index in the model's list.
        let indexed = Array(registered.enumerated())
        let outermostFirst = style == .addMiddleware ? Array(indexed.reversed()) : indexed
        subject.set("order", .list(outermostFirst.map { Self.displayName($0.element) }), from: "middleware",
                    shownAs: outermostFirst.map { Self.displayName($0.element) }.joined(separator: " > ") + " > app")
        setCORSFacts(on: &subject, outermostFirst: outermostFirst)
        setPresenceFacts(on: &subject, registered: registered, model: model, limitedEndpoints: limitedEndpoints.count)
        setAuthOrderFacts(on: &subject, outermostFirst: outermostFirst)
        return [subject]
    }

    /// The class name a middleware entry stands for.
    static func displayName(_ middleware: Middleware) -> String {
        if let name = middleware.name { return name }
        switch middleware.type {
        case .cors: return "CORSMiddleware"
        case .trustedHost: return "TrustedHostMiddleware"
        case .httpsRedirect: return "HTTPSRedirectMiddleware"
        case .gzip: return "GZipMiddleware"
        case .session: return "SessionMiddleware"
        case .securityHeaders: return "security headers middleware"
        case .rateLimit: return middleware.library.map { "\($0) rate limiter" } ?? "rate limiting middleware"
        case .custom: return middleware.id ?? middleware.purpose.map { "\($0.rawValue) middleware" } ?? "custom middleware"
        }
    }

    /// Middleware that answers some requests without calling the app.
    static func respondsItself(_ middleware: Middleware) -> Bool {
        switch middleware.type {
        case .trustedHost, .httpsRedirect, .rateLimit: return true
        case .custom: return middleware.returnsErrors == true
        default: return false
        }
    }

    private func setCORSFacts(on subject: inout FactSubject, outermostFirst: [(offset: Int, element: Middleware)]) {
        guard let position = outermostFirst.firstIndex(where: { $0.element.type == .cors }) else {
            subject.set("has_cors", .bool(false), from: "middleware")
            return
        }
        let corsPath = ModelPath("middleware").appending(outermostFirst[position].offset)
        subject.set("has_cors", .bool(true), from: corsPath)
        subject.set("cors_is_outermost", .bool(position == 0), from: corsPath)
        let outside = outermostFirst[..<position]
        subject.set("outside_cors", .list(outside.map { Self.displayName($0.element) }), from: corsPath)
        let responders = outside.filter { Self.respondsItself($0.element) }
        subject.set("outside_cors_responders", .list(responders.map { Self.displayName($0.element) }),
                    from: responders.first.map { ModelPath("middleware").appending($0.offset) } ?? corsPath)
    }

    private func setPresenceFacts(on subject: inout FactSubject, registered: [Middleware], model: ArchitectureModel, limitedEndpoints: Int) {
        func path(of type: MiddlewareType) -> ModelPath {
            registered.firstIndex { $0.type == type }.map { ModelPath("middleware").appending($0) } ?? "middleware"
        }
        func has(_ type: MiddlewareType) -> Bool { registered.contains { $0.type == type } }
        let trustedHosts = registered.filter { $0.type == .trustedHost }
        subject.set("has_trusted_host", .bool(!trustedHosts.isEmpty), from: path(of: .trustedHost))
        if let first = trustedHosts.first {
            let hosts = first.allowedHosts ?? ["*"]
            subject.set("allowed_hosts", .list(hosts), from: path(of: .trustedHost).appending("allowed_hosts"),
                        shownAs: first.allowedHosts == nil ? "(not set: Starlette default [\"*\"])" : nil)
        }
        let enforced = trustedHosts.contains { !($0.allowedHosts ?? ["*"]).contains("*") }
        subject.set("host_check_enforced", .bool(enforced), from: path(of: .trustedHost),
                    shownAs: trustedHosts.isEmpty ? "(no TrustedHostMiddleware)" : nil)
        subject.set("has_https_redirect", .bool(has(.httpsRedirect)), from: path(of: .httpsRedirect))
        subject.set("has_gzip", .bool(has(.gzip)), from: path(of: .gzip))
        subject.set("has_session", .bool(has(.session)), from: path(of: .session))
        subject.set("has_security_headers", .bool(has(.securityHeaders)), from: path(of: .securityHeaders))
        let limiter = registered.firstIndex { $0.type == .rateLimit }
        let ingressLimits = model.deployment?.ingress?.rateLimiting == true
        let anyLimit = limiter != nil || ingressLimits || limitedEndpoints > 0
        subject.set("has_rate_limit", .bool(anyLimit), from: path(of: .rateLimit),
                    shownAs: anyLimit ? nil : "(no rate_limit middleware, no endpoint rate_limit, deployment.ingress.rate_limiting not true)")
        if let limiter {
            subject.set("rate_limit_library", FactValue(registered[limiter].library), from: path(of: .rateLimit).appending("library"))
        }
        if let limit = limiter.flatMap({ registered[$0].defaultLimit }) {
            subject.set("global_rate_limit", .string(limit), from: path(of: .rateLimit).appending("default_limit"))
        } else if ingressLimits {
            subject.set("global_rate_limit", .string("ingress"), from: "deployment.ingress.rate_limiting")
        }
    }

    private func setAuthOrderFacts(on subject: inout FactSubject, outermostFirst: [(offset: Int, element: Middleware)]) {
        func isGate(_ middleware: Middleware) -> Bool {
            if middleware.type == .rateLimit { return true }
            return middleware.type == .custom && middleware.purpose?.isGate == true
        }
        let gates = outermostFirst.filter { isGate($0.element) }
        subject.set("auth_middleware", .list(gates.map { Self.displayName($0.element) }),
                    from: gates.first.map { ModelPath("middleware").appending($0.offset) } ?? "middleware")
        guard let innermostGate = outermostFirst.lastIndex(where: { isGate($0.element) }) else {
            subject.set("body_readers_before_auth", .list([]), from: "middleware")
            return
        }
        let readers = outermostFirst[..<innermostGate].filter {
            !isGate($0.element) && ($0.element.readsBody == true || $0.element.purpose == .bodyParsing)
        }
        subject.set("body_readers_before_auth", .list(readers.map { Self.displayName($0.element) }),
                    from: readers.first.map { ModelPath("middleware").appending($0.offset) } ?? "middleware")
    }

    private func setProxyFacts(on subject: inout FactSubject, model: ArchitectureModel) {
        let server = model.server
        if let termination = server?.tlsTermination {
            subject.set("tls_at_proxy", .bool(termination == "proxy"), from: "server.tls_termination")
        } else if server?.behindProxy == true, model.deployment?.ingress?.tls == true {
            subject.set("tls_at_proxy", .bool(true), from: "deployment.ingress.tls")
        }
        subject.set("forwarded_allow_ips", FactValue(server?.forwardedAllowIps), from: "server.forwarded_allow_ips")
        guard let server else { return }
        if server.proxyHeaders == false {
            subject.set("proxy_scheme_trusted", .bool(false), from: "server.proxy_headers")
        } else if let allowed = server.forwardedAllowIps {
            let onlyLoopback = Set(allowed.split(separator: ",").map { $0.trimmingWhitespaces })
                .isSubset(of: ["127.0.0.1", "::1", "localhost"])
            subject.set("proxy_scheme_trusted", .bool(!onlyLoopback), from: "server.forwarded_allow_ips")
        } else {
            subject.set("proxy_scheme_trusted", .bool(false), from: "server.forwarded_allow_ips",
                        shownAs: "(not set: uvicorn trusts X-Forwarded-Proto only from 127.0.0.1 and ::1)")
        }
    }
}
