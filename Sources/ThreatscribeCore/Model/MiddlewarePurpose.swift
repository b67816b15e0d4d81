/// What a custom middleware does (`middleware[].purpose` for `type: custom`); the analysis reads it.
public enum MiddlewarePurpose: String, Codable, Sendable, CaseIterable, AnalysisMeaning {
    case authentication
    case rateLimiting = "rate_limiting"
    case csrf
    case bodyParsing = "body_parsing"
    case logging
    case requestId = "request_id"
    case timing
    case errorHandling = "error_handling"
    case tenant
    case caching
    case other

    public var analysisMeaning: String {
        switch self {
        case .authentication: "Authenticates requests: a gate; middleware outside it that reads bodies is reported (TS-MW-002), and WebSockets count as authenticated by it."
        case .rateLimiting: "Limits request rates: a gate, like `authentication`, for the body-order check (TS-MW-002)."
        case .csrf: "Defends against CSRF: cookie-borne credentials are not reported as undefended (TS-AUTH-009)."
        case .bodyParsing: "Reads or parses the request body (like `reads_body: true`): reported when it runs before a gate (TS-MW-002)."
        case .logging, .requestId, .timing, .errorHandling, .tenant, .caching, .other: "Shown in the middleware order; no finding depends on it."
        }
    }

    /// Authentication or rate limiting: work before it reaches anonymous or unthrottled clients.
    public var isGate: Bool { self == .authentication || self == .rateLimiting }
}
