/// What Starlette's `CORSMiddleware` (in front of the modelled app) answers to a ``CORSRequest``.
public struct CORSResponse: Hashable, Sendable {
    /// The eight CORS-related response headers, lower-case, in this order.
    public static let headerNames = [
        "access-control-allow-origin", "access-control-allow-credentials",
        "access-control-allow-methods", "access-control-allow-headers",
        "access-control-expose-headers", "access-control-max-age",
        "access-control-allow-private-network", "vary",
    ]

    /// HTTP status code.
    public var status: Int
    /// The plain-text body: `OK` or `Disallowed CORS …` for a preflight; for the modelled app
    /// ``CORSEvaluator/handlerBody`` (empty for `HEAD`) or `Method Not Allowed`.
    public var body: String
    /// Present CORS headers (lower-case names from ``headerNames``) with Starlette's exact values.
    public var headers: [String: String]
    /// The route handler ran (its side effects happened), whatever the browser later allows.
    public var handlerRuns: Bool
    /// The middleware answered the request as a preflight; the app never saw it.
    public var isPreflightResponse: Bool

    /// Creates a response.
    public init(status: Int, body: String, headers: [String: String], handlerRuns: Bool, isPreflightResponse: Bool) {
        self.status = status
        self.body = body
        self.headers = headers
        self.handlerRuns = handlerRuns
        self.isPreflightResponse = isPreflightResponse
    }

    /// `Access-Control-Allow-Origin`.
    public var allowOrigin: String? { headers["access-control-allow-origin"] }
    /// `Access-Control-Allow-Credentials`.
    public var allowCredentials: String? { headers["access-control-allow-credentials"] }
    /// `Access-Control-Allow-Methods`.
    public var allowMethods: String? { headers["access-control-allow-methods"] }
    /// `Access-Control-Allow-Headers`.
    public var allowHeaders: String? { headers["access-control-allow-headers"] }
    /// `Vary`.
    public var vary: String? { headers["vary"] }

    /// The present CORS headers as `(name, value)` pairs in ``headerNames`` order.
    public var orderedHeaders: [(name: String, value: String)] {
        Self.headerNames.compactMap { name in headers[name].map { (name, $0) } }
    }
}
