/// One request the document prints and the response the CORS engine gives it, for one environment.
///
/// Every header value in `httpText` is the engine's (`CORSEvaluator`), never written by hand; a test
/// parses each printed exchange back and evaluates it again.
public struct CORSExchange: Sendable {
    /// What the exchange shows, e.g. `preflight`.
    public enum Scenario: String, Sendable, CaseIterable {
        case preflight
        case simple = "simple request"
        case disallowedOrigin = "disallowed origin"
        case noOrigin = "no Origin header"
        case errorResponse = "error response (405 from the router)"
        case crossSitePost = "cross-site text/plain POST with cookies"
    }

    public var scenario: Scenario
    public var environment: String
    /// The request path (the route's, root path included).
    public var path: String
    /// The `Host` header, from the environment's `base_url`.
    public var host: String?
    public var request: CORSRequest
    /// Set on the cross-site POST: the body type the page sends (`text/plain` needs no preflight).
    public var contentType: String?
    public var response: CORSResponse

    /// The exchange as HTTP/1.1 text: the request's CORS-relevant lines, a blank line, the status
    /// line and the CORS headers Starlette sends (lower-case, as uvicorn writes them).
    public var httpText: String {
        var lines = ["\(request.method) \(path) HTTP/1.1"]
        if let host { lines.append("Host: \(host)") }
        if let origin = request.origin { lines.append("Origin: \(origin)") }
        if request.hasCookie { lines.append("Cookie: session=…") }
        if let contentType { lines.append("Content-Type: \(contentType)") }
        if let method = request.accessControlRequestMethod { lines.append("Access-Control-Request-Method: \(method)") }
        if let headers = request.accessControlRequestHeaders { lines.append("Access-Control-Request-Headers: \(headers)") }
        if let privateNetwork = request.accessControlRequestPrivateNetwork {
            lines.append("Access-Control-Request-Private-Network: \(privateNetwork)")
        }
        lines.append("")
        lines.append("HTTP/1.1 \(response.status) \(Self.reason(response.status))")
        for header in response.orderedHeaders { lines.append("\(header.name): \(header.value)") }
        if response.isPreflightResponse || response.status >= 400 {
            lines.append("")
            lines.append(response.body)
        }
        return lines.joined(separator: "\n")
    }

    /// The reason phrase Starlette sends for the statuses the engine produces.
    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 405: "Method Not Allowed"
        default: ""
        }
    }
}
