import Foundation

/// Computes what Starlette's `CORSMiddleware` answers, for one configuration and release, in front of
/// a modelled app.
///
/// The modelled app is one route at `/` that accepts ``routeMethods`` (default `GET`, `HEAD`, `POST`,
/// like Starlette's `Route("/", endpoint, methods=["GET", "POST"])`) and answers them with
/// `200 text/plain` ``handlerBody`` (empty for `HEAD`). Any other method — including an `OPTIONS`
/// that is not a preflight — gets the router's `405 Method Not Allowed`, which passes through the
/// middleware and so gets CORS headers. The conformance app in `scripts/conformance/cases.py` is
/// exactly this app.
///
/// Version differences modelled (from the `cors.py` sources of 0.52.1, 1.0.0, 1.6.0, 1.7.0, 1.10.0):
/// the regex uses `re.match` before 0.13.1 and `re.fullmatch` after; `["*"]` plus credentials
/// reflects the origin only for Cookie-bearing requests before 1.0 and always from 1.0; `Vary` is
/// sent on every response and preflight `Vary` names four headers from 1.7.0; `QUERY` joins the
/// `*` methods in 1.7.0; `allow_private_network` exists from 0.51.0. Releases before 0.51 are
/// otherwise modelled like 0.52.1.
public struct CORSEvaluator: Sendable {
    /// The middleware configuration.
    public let configuration: CORSConfiguration
    /// The Starlette release whose behaviour is modelled.
    public let version: StarletteVersion
    /// Methods the modelled route accepts.
    public let routeMethods: Set<String>
    /// The compiled `allow_origin_regex`, if any.
    public let originRegex: OriginRegex?

    /// The body the modelled route handler returns.
    public static let handlerBody = "ok"

    /// The four safelisted header names Starlette always allows in preflights.
    public static let safelistedHeaders = ["Accept", "Accept-Language", "Content-Language", "Content-Type"]

    /// Validates `configuration` against `version` the way constructing the middleware would:
    /// throws ``CORSConfigurationError/unsupportedArgument(name:version:introducedIn:)`` for
    /// `allow_private_network` before 0.51.0, and a regex error for an invalid or unsupported
    /// `allow_origin_regex`.
    public init(
        configuration: CORSConfiguration,
        version: StarletteVersion = .newestKnown,
        routeMethods: Set<String> = ["GET", "HEAD", "POST"]
    ) throws(CORSConfigurationError) {
        if configuration.allowPrivateNetwork != nil && !version.supportsPrivateNetwork {
            throw .unsupportedArgument(
                name: "allow_private_network", version: version, introducedIn: StarletteVersion(0, 51, 0))
        }
        self.configuration = configuration
        self.version = version
        self.routeMethods = routeMethods
        self.originRegex = try configuration.allowOriginRegex.map { (p: String) throws(CORSConfigurationError) in try OriginRegex(p) }
    }

    /// The methods Starlette allows (`*` expanded for this release), in its order.
    public var allowedMethods: [String] {
        configuration.allowsAllMethods ? version.wildcardMethods : configuration.allowMethods
    }

    /// Starlette's `is_allowed_origin`: `*`, then the regex, then exact list membership.
    public func isAllowedOrigin(_ origin: String) -> Bool {
        if configuration.allowsAllOrigins { return true }
        if let originRegex, originRegex.admits(origin, in: version) { return true }
        return configuration.allowOrigins.contains { Self.sameScalars($0, origin) }
    }

    /// The response to `request`.
    public func response(to request: CORSRequest) -> CORSResponse {
        if let origin = request.origin, request.isPreflight {
            return preflightResponse(origin: origin, request: request)
        }
        return simpleResponse(to: request)
    }

    // MARK: - Preflight

    private func preflightResponse(origin: String, request: CORSRequest) -> CORSResponse {
        let c = configuration
        let explicitOrigin = !c.allowsAllOrigins || c.allowCredentials
        var headers: [String: String] = [:]
        if version.alwaysSendsVary {
            headers["vary"] = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network"
        } else if explicitOrigin {
            headers["vary"] = "Origin"
        }
        if !explicitOrigin { headers["access-control-allow-origin"] = "*" }
        headers["access-control-allow-methods"] = allowedMethods.joined(separator: ", ")
        headers["access-control-max-age"] = String(c.maxAge)
        let allowHeaders = Self.pythonSortedUnique(Self.safelistedHeaders + c.allowHeaders)
        if !c.allowsAllHeaders {
            headers["access-control-allow-headers"] = allowHeaders.joined(separator: ", ")
        }
        if c.allowCredentials { headers["access-control-allow-credentials"] = "true" }

        var failures: [String] = []
        if isAllowedOrigin(origin) {
            if explicitOrigin { headers["access-control-allow-origin"] = origin }
        } else {
            failures.append("origin")
        }
        if let method = request.accessControlRequestMethod, !allowedMethods.contains(where: { Self.sameScalars($0, method) }) {
            failures.append("method")
        }
        if let requested = request.accessControlRequestHeaders {
            if c.allowsAllHeaders {
                headers["access-control-allow-headers"] = requested
            } else {
                let allowed = Set(allowHeaders.map { $0.lowercased() })
                let names = requested.lowercased().split(separator: ",", omittingEmptySubsequences: false)
                if names.contains(where: { !allowed.contains($0.trimmingWhitespacesAndNewlines) }) {
                    failures.append("headers")
                }
            }
        }
        if request.accessControlRequestPrivateNetwork != nil {
            if c.allowsPrivateNetwork {
                headers["access-control-allow-private-network"] = "true"
            } else {
                failures.append("private-network")
            }
        }
        let body = failures.isEmpty ? "OK" : "Disallowed CORS " + failures.joined(separator: ", ")
        return CORSResponse(
            status: failures.isEmpty ? 200 : 400, body: body, headers: headers,
            handlerRuns: false, isPreflightResponse: true)
    }

    // MARK: - Simple (app) responses

    /// The modelled app's answer with no CORSMiddleware at all: the route's status, no CORS header.
    /// A preflight (`OPTIONS`) is then an ordinary request the route does not accept.
    public static func responseWithoutMiddleware(to request: CORSRequest, routeMethods: Set<String> = ["GET", "HEAD", "POST"]) -> CORSResponse {
        let handled = routeMethods.contains(request.method)
        return CORSResponse(
            status: handled ? 200 : 405,
            body: handled ? (request.method == "HEAD" ? "" : handlerBody) : "Method Not Allowed",
            headers: [:], handlerRuns: handled, isPreflightResponse: false)
    }

    private func simpleResponse(to request: CORSRequest) -> CORSResponse {
        var response = Self.responseWithoutMiddleware(to: request, routeMethods: routeMethods)
        let c = configuration
        guard let origin = request.origin else {
            if version.alwaysSendsVary { response.headers["vary"] = "Origin" }
            return response
        }
        if c.allowsAllOrigins { response.headers["access-control-allow-origin"] = "*" }
        if c.allowCredentials { response.headers["access-control-allow-credentials"] = "true" }
        if !c.exposeHeaders.isEmpty {
            response.headers["access-control-expose-headers"] = c.exposeHeaders.joined(separator: ", ")
        }
        let reflectsWildcard = version.reflectsAnyOriginWithCredentials
            ? c.allowsAllOrigins && c.allowCredentials
            : c.allowsAllOrigins && request.hasCookie
        if reflectsWildcard || (!c.allowsAllOrigins && isAllowedOrigin(origin)) {
            response.headers["access-control-allow-origin"] = origin
            response.headers["vary"] = "Origin"
        } else if version.alwaysSendsVary {
            response.headers["vary"] = "Origin"
        }
        return response
    }

    // MARK: - Python string semantics

    /// Python `==` on `str`: code point equality (Swift `==` uses canonical equivalence).
    static func sameScalars(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.elementsEqual(b.unicodeScalars)
    }

    /// Python `sorted(set(names))`: unique by code points, ordered by code points.
    static func pythonSortedUnique(_ names: [String]) -> [String] {
        var seen = Set<[UInt32]>()
        var unique: [(key: [UInt32], name: String)] = []
        for name in names {
            let key = name.unicodeScalars.map(\.value)
            if seen.insert(key).inserted { unique.append((key, name)) }
        }
        return unique.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.name)
    }
}
