/// How the service learns a client's IP address, and what it uses it for.
public struct ClientIPTrust: Codable, Sendable, Equatable {
    /// The request headers the address is taken from; empty means the TCP peer (`request.client.host` without proxy headers).
    public var headers: [ClientIPHeader]?
    public var readBy: ClientIPReader?
    /// Which entry of a list-valued header (`X-Forwarded-For`, `Forwarded`) is used.
    public var entry: ForwardedEntry?
    /// What the address is used for.
    public var usedFor: [ClientIPUse]?
    public var source: String?
}

/// A request header that carries a client address.
public enum ClientIPHeader: String, Codable, Sendable, CaseIterable {
    case xForwardedFor = "x_forwarded_for"
    case forwarded
    case xRealIp = "x_real_ip"
    case trueClientIp = "true_client_ip"
    case cfConnectingIp = "cf_connecting_ip"

    /// The header lists one address per hop, so which entry is read matters.
    public var isList: Bool { self == .xForwardedFor || self == .forwarded }
}

/// What turns the header into the address the code sees.
public enum ClientIPReader: String, Codable, Sendable, CaseIterable {
    /// Uvicorn's `--proxy-headers` rewrites `request.client` (trusted only from `forwarded_allow_ips`).
    case uvicornProxyHeaders = "uvicorn_proxy_headers"
    /// The application or a library reads the header itself (`request.headers["x-forwarded-for"]`, slowapi's `get_ipaddr`).
    case appCode = "app_code"
}

/// Which entry of a list of forwarded addresses is used.
public enum ForwardedEntry: String, Codable, Sendable, CaseIterable {
    /// The first (client-supplied unless the proxy overwrites the header).
    case leftmost
    /// The last one, added by the nearest proxy.
    case rightmost
}

/// What the service uses a client address for.
public enum ClientIPUse: String, Codable, Sendable, CaseIterable {
    case rateLimiting = "rate_limiting"
    case accessControl = "access_control"
    case auditLog = "audit_log"
    case sessionBinding = "session_binding"
    case geolocation
    case display

    /// A use where a forged address defeats a security control.
    public var isSecurityRelevant: Bool { self != .geolocation && self != .display }
}
