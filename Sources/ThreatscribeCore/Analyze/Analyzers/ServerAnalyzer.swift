/// Facts about the ASGI server process and what sits in front of it (scope `server`, global).
///
/// Unset uvicorn settings take uvicorn 0.54's defaults when the server is uvicorn or the FastAPI CLI
/// (`fastapi run` / `fastapi dev`, which start uvicorn): host 127.0.0.1 (`fastapi run`: 0.0.0.0),
/// proxy headers on, trusted proxies `127.0.0.1,::1`, keep-alive 5 s, `server: uvicorn` header on,
/// no concurrency limit.
struct ServerAnalyzer: Analyzer {
    let scopes = [FactScope("server", "The ASGI server and what fronts it; every condition may name these as `server.<field>`.", isGlobal: true, fields: [
        FactField("described", .bool, "The model has a `server` section."),
        FactField("kind", .string, "`uvicorn`, `gunicorn`, `hypercorn`, `fastapi run`, `fastapi dev`, … as the model says."),
        FactField("uvicorn_based", .bool, "The server is uvicorn itself or the FastAPI CLI (which runs uvicorn), so uvicorn's defaults apply."),
        FactField("version", .string, "The server version the model names."),
        FactField("host", .string, "The bind address, or the default of the server kind (uvicorn 127.0.0.1, `fastapi run` 0.0.0.0, `fastapi dev` 127.0.0.1)."),
        FactField("binds_all_interfaces", .bool, "The bind address is `0.0.0.0` or `::`."),
        FactField("port", .int, "The bind port (uvicorn and the FastAPI CLI default to 8000)."),
        FactField("workers", .int, "Worker processes."),
        FactField("reload", .bool, "Auto-reload is on (`--reload`, or `fastapi dev`, which always reloads)."),
        FactField("dev_server", .bool, "The server is started with `fastapi dev`."),
        FactField("proxy_headers", .bool, "uvicorn trusts `X-Forwarded-For`/`X-Forwarded-Proto` from trusted proxies (default on)."),
        FactField("forwarded_allow_ips", .string, "The proxies uvicorn trusts for those headers (default `127.0.0.1,::1`, or `$FORWARDED_ALLOW_IPS`)."),
        FactField("forwarded_allow_ips_stated", .bool, "The model sets `forwarded_allow_ips`."),
        FactField("trusts_any_proxy", .bool, "`forwarded_allow_ips` is `*`: every peer is trusted."),
        FactField("limit_concurrency", .int, "`--limit-concurrency`; unknown when not set (uvicorn: unlimited)."),
        FactField("limit_concurrency_stated", .bool, "The model sets `limit_concurrency`."),
        FactField("timeout_keep_alive", .int, "Keep-alive timeout in seconds (uvicorn default 5)."),
        FactField("server_header", .bool, "The response carries `server: uvicorn` (uvicorn default on)."),
        FactField("h11_max_incomplete_event_size", .int, "Largest incomplete HTTP/1.1 event in bytes; unknown when unset (h11's 16384)."),
        FactField("behind_proxy", .bool, "A reverse proxy, ingress or load balancer sits in front."),
        FactField("tls_termination", .string, "Where TLS terminates: `proxy`, `server` or `none`."),
        FactField("max_body_size", .int, "Request body limit enforced in front of the app, in bytes."),
        FactField("ingress_described", .bool, "The model describes an ingress or proxy (`deployment.ingress`)."),
        FactField("ingress_rate_limiting", .bool, "The ingress limits request rates."),
        FactField("ingress_request_size_limit", .int, "The ingress's body limit in bytes."),
        FactField("upstream_limits", .bool, "Something in front or in the app limits load: ingress rate limiting or a rate-limit middleware. Unknown unless the model states the ingress's `rate_limiting` (or `behind_proxy: false`) and lists the middleware."),
        FactField("network_policies", .bool, "Kubernetes NetworkPolicies restrict traffic to the pods."),
        FactField("https_redirect_middleware", .bool, "The app uses `HTTPSRedirectMiddleware`."),
        FactField("run_command", .list, "The command line these settings amount to, for recommendations: one element per argument."),
    ])]

    static let uvicornKinds: Set<String> = ["uvicorn", "fastapi run", "fastapi dev"]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let model = context.model
        let server = model.server
        var subject = FactSubject(scope: "server", path: "server",
                                  name: server?.kind ?? "ASGI server", component: Component.server)
        subject.set("described", .bool(server != nil), from: "server")
        let kind = server?.kind?.lowercased().trimmingWhitespaces
        subject.set("kind", FactValue(kind), from: "server.kind")
        let uvicorn = kind.map { Self.uvicornKinds.contains($0) }
        subject.set("uvicorn_based", FactValue(uvicorn), from: "server.kind")
        subject.set("version", FactValue(server?.version ?? (kind == "uvicorn" ? context.frameworkVersion("uvicorn") : nil)),
                    from: server?.version != nil ? "server.version" : "frameworks.uvicorn")
        setBinding(on: &subject, server: server, kind: kind)
        setProxyTrust(on: &subject, server: server, uvicorn: uvicorn ?? false)
        setLimits(on: &subject, server: server, model: model, uvicorn: uvicorn ?? false)
        subject.set("run_command", .list(Self.runCommand(server: server, kind: kind)), from: "server")
        return [subject]
    }

    private func setBinding(on subject: inout FactSubject, server: ServerSettings?, kind: String?) {
        let defaultHost: String? = switch kind {
        case "fastapi run": "0.0.0.0"
        case "uvicorn", "fastapi dev": "127.0.0.1"
        default: nil
        }
        let host = server?.host ?? defaultHost
        subject.set("host", FactValue(host), from: server?.host != nil ? "server.host" : "server.kind",
                    shownAs: server?.host == nil && host != nil ? "(not set: `\(kind ?? "")` binds \(host!))" : nil)
        if let host {
            subject.set("binds_all_interfaces", .bool(["0.0.0.0", "::", "[::]", ""].contains(host)),
                        from: server?.host != nil ? "server.host" : "server.kind",
                        shownAs: server?.host == nil ? "(not set: `\(kind ?? "")` binds \(host))" : "\"\(host)\"")
        }
        let port = server?.port ?? (kind.map { Self.uvicornKinds.contains($0) } == true ? 8000 : nil)
        subject.set("port", FactValue(port), from: "server.port",
                    shownAs: server?.port == nil && port != nil ? "(not set: default 8000)" : nil)
        subject.set("workers", FactValue(server?.workers), from: "server.workers")
        let dev = kind == "fastapi dev"
        if let kind {
            subject.set("dev_server", .bool(dev), from: "server.kind")
        }
        let reload = server?.reload ?? (dev ? true : (kind == nil ? nil : false))
        subject.set("reload", FactValue(reload), from: server?.reload != nil ? "server.reload" : "server.kind",
                    shownAs: server?.reload == nil && dev ? "(not set: `fastapi dev` always reloads)" : nil)
    }

    private func setProxyTrust(on subject: inout FactSubject, server: ServerSettings?, uvicorn: Bool) {
        let proxyHeaders = server?.proxyHeaders ?? (uvicorn ? true : nil)
        subject.set("proxy_headers", FactValue(proxyHeaders), from: "server.proxy_headers",
                    shownAs: server?.proxyHeaders == nil && uvicorn ? "(not set: uvicorn default on)" : nil)
        let allowIPs = server?.forwardedAllowIps ?? (uvicorn ? "127.0.0.1,::1" : nil)
        subject.set("forwarded_allow_ips", FactValue(allowIPs), from: "server.forwarded_allow_ips",
                    shownAs: server?.forwardedAllowIps == nil && uvicorn ? "(not set: uvicorn default \"127.0.0.1,::1\" unless $FORWARDED_ALLOW_IPS is set)" : nil)
        subject.set("forwarded_allow_ips_stated", .bool(server?.forwardedAllowIps != nil), from: "server.forwarded_allow_ips")
        if let allowIPs {
            let entries = allowIPs.split(separator: ",").map { $0.trimmingWhitespaces }
            subject.set("trusts_any_proxy", .bool(entries.contains("*")), from: "server.forwarded_allow_ips",
                        shownAs: "\"\(allowIPs)\"")
        }
        subject.set("behind_proxy", FactValue(server?.behindProxy), from: "server.behind_proxy")
        subject.set("tls_termination", FactValue(server?.tlsTermination?.lowercased()), from: "server.tls_termination")
    }

    private func setLimits(on subject: inout FactSubject, server: ServerSettings?, model: ArchitectureModel, uvicorn: Bool) {
        subject.set("limit_concurrency", FactValue(server?.limitConcurrency), from: "server.limit_concurrency")
        subject.set("limit_concurrency_stated", .bool(server?.limitConcurrency != nil), from: "server.limit_concurrency",
                    shownAs: server?.limitConcurrency == nil ? "(not set: uvicorn accepts unlimited connections)" : nil)
        subject.set("timeout_keep_alive", FactValue(server?.timeoutKeepAlive ?? (uvicorn ? 5 : nil)), from: "server.timeout_keep_alive",
                    shownAs: server?.timeoutKeepAlive == nil && uvicorn ? "(not set: uvicorn default 5)" : nil)
        subject.set("server_header", FactValue(server?.serverHeader ?? (uvicorn ? true : nil)), from: "server.server_header",
                    shownAs: server?.serverHeader == nil && uvicorn ? "(not set: uvicorn sends `server: uvicorn`)" : nil)
        subject.set("h11_max_incomplete_event_size", FactValue(server?.h11MaxIncompleteEventSize), from: "server.h11_max_incomplete_event_size")
        subject.set("max_body_size", FactValue(server?.maxBodySize), from: "server.max_body_size")
        let ingress = model.deployment?.ingress
        subject.set("ingress_described", .bool(ingress != nil), from: "deployment.ingress")
        subject.set("ingress_rate_limiting", FactValue(ingress?.rateLimiting), from: "deployment.ingress.rate_limiting")
        subject.set("ingress_request_size_limit", FactValue(ingress?.requestSizeLimit), from: "deployment.ingress.request_size_limit")
        // Known false only when the model shows both sides: the ingress's rate limiting is stated false (or
        // `behind_proxy: false` says nothing is in front), and the middleware list is given without a rate limiter.
        // An ingress described without `rate_limiting`, or no middleware list, leaves it unknown.
        let rateLimitMiddleware: Bool? = model.middleware.map { list in list.contains { $0.type == .rateLimit } }
        let frontLimits: Bool? = ingress?.rateLimiting ?? (server?.behindProxy == false && ingress == nil ? false : nil)
        let upstream: Bool? = if frontLimits == true || rateLimitMiddleware == true { true }
            else if frontLimits == false && rateLimitMiddleware == false { false }
            else { nil }
        subject.set("upstream_limits", FactValue(upstream), from: "deployment.ingress.rate_limiting",
                    shownAs: upstream == false ? (ingress?.rateLimiting == false
                        ? "(ingress rate_limiting: false and no rate-limit middleware)"
                        : "(no proxy in front and no rate-limit middleware)") : nil)
        subject.set("network_policies", FactValue(model.deployment?.kubernetes?.networkPolicies), from: "deployment.kubernetes.network_policies")
        subject.set("https_redirect_middleware", .bool((model.middleware ?? []).contains { $0.type == .httpsRedirect }), from: "middleware")
    }

    /// The uvicorn command line the model's settings amount to.
    /// The server's command line as arguments; a shell block writes each as one word.
    static func runCommand(server: ServerSettings?, kind: String?) -> [String] {
        var arguments = kind == "fastapi run" || kind == "fastapi dev" ? kind!.split(separator: " ").map(String.init) + ["app/main.py"] : ["uvicorn", "app.main:app"]
        if let host = server?.host { arguments += ["--host", host] }
        if let port = server?.port { arguments += ["--port", String(port)] }
        if let workers = server?.workers, workers > 1 { arguments += ["--workers", String(workers)] }
        return arguments
    }
}
