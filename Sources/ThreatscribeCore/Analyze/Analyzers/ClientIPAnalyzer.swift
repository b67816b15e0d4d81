/// Facts about where the service's idea of a client's IP address comes from, whether a client can
/// choose it, and what relies on it (scope `client_ip`).
struct ClientIPAnalyzer: Analyzer {
    let scopes = [FactScope("client_ip", "How the service learns a client's IP address (`client_ip`) and what uses it.", fields: [
        FactField("headers", .list, "Headers the address is taken from (`x_forwarded_for`, `true_client_ip`, …); empty: the TCP peer."),
        FactField("read_by", .string, "`uvicorn_proxy_headers` or `app_code`."),
        FactField("entry", .string, "The entry of a list header that is used: `leftmost` or `rightmost` (uvicorn: `leftmost` when `forwarded_allow_ips` is `*`)."),
        FactField("used_for", .list, "What the address is used for."),
        FactField("security_uses", .list, "Of those, the uses a forged address defeats: `rate_limiting`, `access_control`, `audit_log`, `session_binding`."),
        FactField("overwritten_headers", .list, "Headers the ingress overwrites with the address it saw (`deployment.ingress.sets_client_ip_headers`)."),
        FactField("spoofable", .bool, "A client can choose the address the code sees."),
        FactField("spoof_reason", .string, "Why, in one sentence (empty when not spoofable)."),
    ])]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let model = context.model
        guard let trust = model.clientIp else { return [] }
        let path: ModelPath = "client_ip"
        var subject = FactSubject(scope: "client_ip", path: path, name: "client IP address", component: Component.server)
        let headers = trust.headers ?? []
        subject.set("headers", .list(headers.map(\.rawValue)), from: path.appending("headers"))
        subject.set("read_by", FactValue(trust.readBy?.rawValue), from: path.appending("read_by"))
        let uses = trust.usedFor ?? []
        subject.set("used_for", .list(uses.map(\.rawValue)), from: path.appending("used_for"))
        subject.set("security_uses", .list(uses.filter(\.isSecurityRelevant).map(\.rawValue)), from: path.appending("used_for"))
        let overwritten = Set(model.deployment?.ingress?.setsClientIpHeaders ?? [])
        subject.set("overwritten_headers", .list(headers.filter(overwritten.contains).map(\.rawValue)), from: "deployment.ingress.sets_client_ip_headers")
        let allowAll = model.server?.forwardedAllowIps?.split(separator: ",").contains { $0.trimmingWhitespaces == "*" } ?? false
        let entry: ForwardedEntry? = trust.readBy == .uvicornProxyHeaders ? (allowAll ? .leftmost : .rightmost) : (trust.entry ?? .leftmost)
        let entryPath = trust.readBy == .uvicornProxyHeaders ? ModelPath("server.forwarded_allow_ips") : path.appending("entry")
        if headers.contains(where: \.isList) { subject.set("entry", FactValue(entry?.rawValue), from: entryPath) }
        let reason = Self.spoofReason(headers: headers.filter { !overwritten.contains($0) }, readBy: trust.readBy, entry: entry)
        subject.set("spoofable", .bool(reason != nil), from: reason == nil || trust.readBy != .uvicornProxyHeaders ? path.appending("headers") : entryPath)
        subject.set("spoof_reason", .string(reason ?? ""), from: path)
        return [subject]
    }

    /// Why a client can choose the address, or nil. `headers` are those the ingress does not overwrite.
    static func spoofReason(headers: [ClientIPHeader], readBy: ClientIPReader?, entry: ForwardedEntry?) -> String? {
        if readBy == .uvicornProxyHeaders {
            guard headers.contains(.xForwardedFor), entry == .leftmost else { return nil }
            return "uvicorn with `forwarded_allow_ips=\"*\"` takes the leftmost `X-Forwarded-For` entry, which the client writes"
        }
        if let single = headers.first(where: { !$0.isList }) {
            return "`\(single.rawValue)` is read as sent and the ingress does not overwrite it"
        }
        if headers.contains(where: \.isList), entry == .leftmost {
            return "the leftmost `X-Forwarded-For`/`Forwarded` entry is the one the client wrote; proxies append theirs to the right"
        }
        return nil
    }
}
