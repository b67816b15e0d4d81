/// The parts of an HTTP request that Starlette's `CORSMiddleware` looks at.
public struct CORSRequest: Hashable, Sendable {
    /// The request method, e.g. `GET` or `OPTIONS`.
    public var method: String
    /// The `Origin` header, or `nil` when absent (`"null"` is an ordinary value).
    public var origin: String?
    /// A `Cookie` header is present.
    public var hasCookie: Bool
    /// `Access-Control-Request-Method`, or `nil` when absent.
    public var accessControlRequestMethod: String?
    /// `Access-Control-Request-Headers`, verbatim, or `nil` when absent.
    public var accessControlRequestHeaders: String?
    /// `Access-Control-Request-Private-Network`, verbatim, or `nil` when absent.
    public var accessControlRequestPrivateNetwork: String?

    /// Creates a request from its CORS-relevant parts.
    public init(
        method: String,
        origin: String?,
        hasCookie: Bool = false,
        accessControlRequestMethod: String? = nil,
        accessControlRequestHeaders: String? = nil,
        accessControlRequestPrivateNetwork: String? = nil
    ) {
        self.method = method
        self.origin = origin
        self.hasCookie = hasCookie
        self.accessControlRequestMethod = accessControlRequestMethod
        self.accessControlRequestHeaders = accessControlRequestHeaders
        self.accessControlRequestPrivateNetwork = accessControlRequestPrivateNetwork
    }

    /// A browser-style preflight: `OPTIONS` with `Origin`, `Access-Control-Request-Method` and,
    /// when `headers` is not empty, `Access-Control-Request-Headers` joined by `", "` (lower-cased
    /// and sorted, as browsers send it).
    public static func preflight(
        origin: String, method: String, headers: [String] = [], privateNetwork: Bool = false
    ) -> CORSRequest {
        let names = headers.map { $0.lowercased() }.sorted()
        return CORSRequest(
            method: "OPTIONS", origin: origin,
            accessControlRequestMethod: method,
            accessControlRequestHeaders: names.isEmpty ? nil : names.joined(separator: ","),
            accessControlRequestPrivateNetwork: privateNetwork ? "true" : nil
        )
    }

    /// Starlette treats the request as a preflight: `OPTIONS` with both `Origin` and
    /// `Access-Control-Request-Method`.
    public var isPreflight: Bool {
        method == "OPTIONS" && origin != nil && accessControlRequestMethod != nil
    }
}
