/// Facts about each WebSocket route (scope `websocket`).
///
/// Starlette checks nothing on the handshake by itself: `CORSMiddleware` and `BaseHTTPMiddleware`
/// pass every non-HTTP scope straight through (`if scope["type"] != "http"`), so neither CORS nor a
/// custom `BaseHTTPMiddleware` authentication runs for WebSockets (verified in Starlette 1.10.0).
/// uvicorn's `--ws-max-size` default is 16 MiB (16777216 bytes).
struct WebSocketAnalyzer: Analyzer {
    let scopes = [FactScope("websocket", "A WebSocket route.", fields: [
        FactField("path", .string, "The route's path."),
        FactField("auth", .string, "The auth mechanism id, or `none`."),
        FactField("authenticated", .bool, "The route names an auth mechanism (not `none`)."),
        FactField("public", .bool, "The route is declared `auth: none`."),
        FactField("cookie_auth", .bool, "The route's auth mechanism travels in a cookie, or the app uses SessionMiddleware and the route authenticates: the browser sends it on a cross-site handshake."),
        FactField("checks_origin", .bool, "The handshake's Origin header is checked against an allow-list; false when the model says so or does not say (Starlette checks nothing by default)."),
        FactField("checks_origin_stated", .bool, "The model states `checks_origin`."),
        FactField("max_message_size", .int, "The largest accepted message in bytes: the route's own limit, else uvicorn's `--ws-max-size` default 16777216 when the server is uvicorn."),
        FactField("max_message_size_stated", .bool, "The route sets `max_message_size`."),
        FactField("auth_middleware_only", .bool, "The route states no auth but the app has a custom authentication middleware, which (as a `BaseHTTPMiddleware`) does not run for WebSockets."),
        FactField("ws_url", .string, "The route's `ws://`/`wss://` URL in this environment (`\"$WS_BASE_URL\"` and the path in commands when the model gives no address)."),
        FactField("fetches_user_url", .bool, "The handler fetches a URL the client sends in a message (`capabilities.fetches_url` described)."),
        FactField("url_fetch_guard", .string, "How that fetch is guarded (`capabilities.fetches_url.guard`; `unspecified` when not described)."),
        FactField("url_fetch_guarded", .bool, "The guard keeps the fetch off internal addresses, redirects included (same judgment as for endpoints)."),
        FactField("url_fetch_gap", .string, "Why the guard falls short, in one sentence (empty when it holds)."),
    ])]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let model = context.model
        let mechanisms = Dictionary((model.auth ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sessions = (model.middleware ?? []).contains { $0.type == .session }
        let authMiddleware = (model.middleware ?? []).contains { $0.type == .custom && $0.purpose == .authentication }
        let uvicorn = model.server?.kind.map { ServerAnalyzer.uvicornKinds.contains($0.lowercased()) } ?? false
        let base = EnvironmentAnalyzer.commandBaseURL(in: context)
        return (model.websockets ?? []).enumerated().map { index, route in
            let path = ModelPath("websockets").appending(index)
            var subject = FactSubject(scope: "websocket", path: path, name: "WebSocket \(route.path)", component: Component.webSockets)
            subject.set("path", .string(route.path), from: path.appending("path"))
            subject.set("auth", FactValue(route.auth), from: path.appending("auth"))
            if let auth = route.auth {
                subject.set("authenticated", .bool(auth != "none"), from: path.appending("auth"))
                subject.set("public", .bool(auth == "none"), from: path.appending("auth"))
                let transport = mechanisms[auth]?.transport
                let cookie = transport == .cookie || mechanisms[auth]?.type == .sessionCookie || (auth != "none" && sessions && transport == nil)
                subject.set("cookie_auth", .bool(cookie), from: path.appending("auth"))
            }
            subject.set("checks_origin", .bool(route.checksOrigin ?? false), from: path.appending("checks_origin"),
                        shownAs: route.checksOrigin == nil ? "(not set: Starlette does not check Origin on WebSocket handshakes, and CORSMiddleware does not apply to them)" : nil)
            subject.set("checks_origin_stated", .bool(route.checksOrigin != nil), from: path.appending("checks_origin"))
            let limit = route.maxMessageSize ?? (uvicorn ? 16_777_216 : nil)
            subject.set("max_message_size", FactValue(limit), from: route.maxMessageSize != nil ? path.appending("max_message_size") : "server.kind",
                        shownAs: route.maxMessageSize == nil && uvicorn ? "(not set: uvicorn --ws-max-size default 16777216)" : nil)
            subject.set("max_message_size_stated", .bool(route.maxMessageSize != nil), from: path.appending("max_message_size"))
            subject.set("auth_middleware_only", .bool(route.auth == nil && authMiddleware), from: "middleware")
            if let fetch = route.capabilities?.fetchesUrl {
                let fetchPath = path.appending("capabilities").appending("fetches_url")
                let assessment = URLFetchGuard(fetch: fetch)
                subject.set("fetches_user_url", .bool(true), from: fetchPath)
                subject.set("url_fetch_guard", .string(assessment.name), from: fetchPath.appending("guard"))
                subject.set("url_fetch_guarded", .bool(assessment.isSufficient), from: fetchPath)
                subject.set("url_fetch_gap", .string(assessment.gap ?? ""), from: fetchPath)
            } else {
                subject.set("fetches_user_url", .bool(false), from: path.appending("capabilities"))
            }
            if let base {
                // http → ws, https → wss; the path of the base URL (a root path) stays.
                let scheme = base.lowercased().hasPrefix("https://") ? "wss" : "ws"
                let rest = base.firstRange(of: "://").map { String(base[$0.upperBound...]) } ?? base
                var prefix = scheme + "://" + rest
                while prefix.hasSuffix("/") { prefix.removeLast() }
                subject.set("ws_url", .string(prefix + route.path))
            } else {
                subject.shellStandIns["ws_url"] = CommandVariable.webSocketBaseURL.reference + ShellWord.quoted(route.path)
            }
            return subject
        }
    }
}
