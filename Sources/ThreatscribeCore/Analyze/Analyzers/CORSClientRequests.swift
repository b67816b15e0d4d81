import Foundation

/// What the modelled browser clients send to the API, and what the CORS engine does with it: the
/// headers that carry credentials (`auth[].transport: header`), the methods the endpoints use, and
/// for each client origin the requests a browser would refuse under this configuration.
struct CORSClientRequests {
    /// Header names the front end must send: header-borne credentials (`Authorization` for bearer and
    /// basic schemes without a named parameter).
    var headers: [String]
    /// Methods of the model's endpoints, in a fixed order (HEAD and OPTIONS left out: browsers send them without asking).
    var methods: [String]
    /// `METHOD from ORIGIN (with headers): why` for every modelled request a browser would not complete.
    var refused: [String]
    /// The first refused request's preflight and Starlette's answer, for evidence.
    var firstRefusal: CORSEvidence?

    static let methodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE"]
    /// Stands in for a browser client's unmodelled origin (never resolves: `.invalid`).
    static let standInOrigin = "https://frontend.invalid"

    init(model: ArchitectureModel, routes: RouteTable, environment: ResolvedEnvironment, evaluator: CORSEvaluator?) {
        var headers: [String] = []
        for mechanism in model.auth ?? [] where mechanism.transport == .header {
            let name = mechanism.parameter ?? ([.jwt, .oauth2Jwt, .httpBasic].contains(mechanism.type) ? "Authorization" : nil)
            if let name, !headers.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) { headers.append(name) }
        }
        self.headers = headers
        let used = Set(routes.routes.flatMap(\.methods))
        methods = Self.methodOrder.filter(used.contains) + used.subtracting(Self.methodOrder + ["HEAD", "OPTIONS"]).sorted()
        guard let evaluator else { refused = []; firstRefusal = nil; return }
        let apiOrigin = environment.baseURL.flatMap(Self.origin)
        let usesCookies = (model.auth ?? []).contains { $0.transport == .cookie || $0.type == .sessionCookie }
        var refused: [String] = []
        var firstRefusal: CORSEvidence?
        for client in model.clients ?? [] {
            // A browser client without a modelled origin is judged from a stand-in origin only when
            // `allow_origins` contains "*", where every origin gets the same answer.
            let stated = client.origin.flatMap(Self.origin)
            let origin: String, label: String
            if let stated {
                origin = stated
                label = stated
            } else if client.type == "browser_spa", evaluator.configuration.allowsAllOrigins {
                origin = Self.standInOrigin
                label = "\(client.id) (its origin is not modelled; allow_origins=[\"*\"] admits any)"
            } else {
                continue
            }
            guard origin != apiOrigin, origin.hasPrefix("https://") || origin.hasPrefix("http://") else { continue }
            for method in methods {
                let fetch = BrowserFetch(pageOrigin: origin, method: method, headers: Dictionary(uniqueKeysWithValues: headers.map { ($0, "x") }),
                                         credentials: usesCookies ? .include : .sameOrigin)
                let verdict = CORSBrowserVerdict(fetch: fetch, evaluator: evaluator)
                guard !verdict.outcome.canRead else { continue }
                if firstRefusal == nil, let request = verdict.preflightRequest, let response = verdict.preflightResponse {
                    firstRefusal = CORSEvidence(request: request, response: response)
                }
                let with = headers.isEmpty ? "" : " with \(headers.joined(separator: ", "))"
                var why: [String] = []
                if verdict.outcome.isMethodRefused { why.append("the preflight does not allow \(method)") }
                if !verdict.outcome.refusedHeaders.isEmpty {
                    why.append("the preflight does not allow the header\(verdict.outcome.refusedHeaders.count == 1 ? "" : "s") \(verdict.outcome.refusedHeaders.joined(separator: ", "))")
                }
                let status = verdict.preflightResponse.map { " (preflight answer: \($0.status))" } ?? ""
                refused.append("\(method) from \(label)\(with): \(why.isEmpty ? verdict.outcome.reason : why.joined(separator: "; ") + status + ".")")
            }
        }
        self.refused = refused
        self.firstRefusal = firstRefusal
    }

    /// `scheme://host[:port]` of a URL, lower-cased, default ports dropped.
    static func origin(_ text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else { return nil }
        let port = url.port.flatMap { (scheme == "https" && $0 == 443) || (scheme == "http" && $0 == 80) ? nil : $0 }
        return "\(scheme)://\(host)\(port.map { ":\($0)" } ?? "")"
    }
}
