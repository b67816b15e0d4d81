import Foundation

/// What a browser following the Fetch standard does with a ``BrowserFetch`` against a Starlette
/// app whose answers come from a ``CORSEvaluator``: whether a preflight is sent and passes, whether
/// the actual request is sent (side effects), and whether the page can read the response, both
/// without credentials and with `credentials: "include"`.
public struct CORSBrowserVerdict: Sendable {
    /// The outcome for one credentials mode.
    public struct Outcome: Sendable, Equatable {
        /// The preflight passed the CORS check; `nil` when no preflight is needed.
        public var preflightPasses: Bool?
        /// Requested header names the preflight response does not allow (lower-case).
        public var refusedHeaders: [String]
        /// The preflight response does not allow the method.
        public var isMethodRefused: Bool
        /// The actual request leaves the browser (and so reaches the handler).
        public var isRequestSent: Bool
        /// The server's answer to the actual request, if it is sent.
        public var response: CORSResponse?
        /// The page's script can read the response.
        public var canRead: Bool
        /// One sentence saying why.
        public var reason: String
    }

    /// The fetch judged.
    public let fetch: BrowserFetch
    /// A preflight is needed (non-safelisted method or header).
    public let needsPreflight: Bool
    /// The preflight the browser sends, if needed.
    public let preflightRequest: CORSRequest?
    /// The server's answer to the preflight.
    public let preflightResponse: CORSResponse?
    /// Outcome with credentials mode `omit`/`same-origin` (no cookies).
    public let withoutCredentials: Outcome
    /// Outcome with credentials mode `include` (cookies sent when the browser has them).
    public let withCredentials: Outcome

    /// The page can read the response without credentials.
    public var canRead: Bool { withoutCredentials.canRead }
    /// The page can read the response with `credentials: "include"`.
    public var canReadWithCredentials: Bool { withCredentials.canRead }
    /// The outcome for the fetch's own credentials mode.
    public var outcome: Outcome { fetch.credentials == .include ? withCredentials : withoutCredentials }
    /// The preflight passes for the fetch's own credentials mode (`true` when none is needed).
    public var isPreflightOK: Bool { outcome.preflightPasses ?? true }

    /// Judges `fetch` against `evaluator`. `browserHasCookie` says whether the browser holds a
    /// cookie for the API's site, which it sends in `include` mode.
    public init(fetch: BrowserFetch, evaluator: CORSEvaluator, browserHasCookie: Bool = true) {
        self.fetch = fetch
        needsPreflight = fetch.needsPreflight
        if needsPreflight {
            let request = CORSRequest(
                method: "OPTIONS", origin: fetch.pageOrigin,
                accessControlRequestMethod: fetch.method,
                accessControlRequestHeaders: fetch.unsafeHeaderNames.isEmpty ? nil : fetch.unsafeHeaderNames.joined(separator: ","))
            preflightRequest = request
            preflightResponse = evaluator.response(to: request)
        } else {
            preflightRequest = nil
            preflightResponse = nil
        }
        withoutCredentials = Self.outcome(
            fetch, credentialed: false, cookie: false, preflight: preflightResponse, evaluator: evaluator)
        withCredentials = Self.outcome(
            fetch, credentialed: true, cookie: browserHasCookie, preflight: preflightResponse, evaluator: evaluator)
    }

    private static func outcome(
        _ fetch: BrowserFetch, credentialed: Bool, cookie: Bool, preflight: CORSResponse?, evaluator: CORSEvaluator
    ) -> Outcome {
        var outcome = Outcome(
            preflightPasses: nil, refusedHeaders: [], isMethodRefused: false, isRequestSent: true,
            response: nil, canRead: false, reason: "")
        if let preflight {
            let check = FetchCORSCheck.check(preflight, origin: fetch.pageOrigin, credentialed: credentialed)
            var failure: String? = nil
            if !(200...299).contains(preflight.status) {
                failure = "the preflight got status \(preflight.status), not 2xx"
            } else if let problem = check {
                failure = "the preflight failed the CORS check: \(problem)"
            }
            let methods = FetchCORSCheck.list(preflight.allowMethods)
            let headerNames = FetchCORSCheck.list(preflight.allowHeaders).map { $0.lowercased() }
            if !methods.contains(fetch.method) && !BrowserFetch.safelistedMethods.contains(fetch.method)
                && (credentialed || !methods.contains("*")) {
                outcome.isMethodRefused = true
            }
            let requested = Set(fetch.headers.keys.map { $0.lowercased() })
            var refused = Set<String>()
            if requested.contains("authorization") && !headerNames.contains("authorization") {
                refused.insert("authorization")  // never covered by `*`
            }
            for name in fetch.unsafeHeaderNames where !headerNames.contains(name) && (credentialed || !headerNames.contains("*")) {
                refused.insert(name)
            }
            outcome.refusedHeaders = refused.sorted()
            if failure == nil && outcome.isMethodRefused {
                failure = "Access-Control-Allow-Methods does not allow \(fetch.method)"
            }
            if failure == nil && !outcome.refusedHeaders.isEmpty {
                failure = "Access-Control-Allow-Headers does not allow \(outcome.refusedHeaders.joined(separator: ", "))"
            }
            outcome.preflightPasses = failure == nil
            if let failure {
                outcome.isRequestSent = false
                outcome.reason = "The browser never sends the request because \(failure)."
                return outcome
            }
        }
        let request = CORSRequest(method: fetch.method, origin: fetch.pageOrigin, hasCookie: credentialed && cookie)
        let response = evaluator.response(to: request)
        outcome.response = response
        if let problem = FetchCORSCheck.check(response, origin: fetch.pageOrigin, credentialed: credentialed) {
            outcome.reason = "The request is sent (the handler \(response.handlerRuns ? "runs" : "does not run")) but the page cannot read the response: \(problem)."
        } else {
            outcome.canRead = true
            outcome.reason = "The page can read the response (Access-Control-Allow-Origin: \(response.allowOrigin ?? "")"
                + (credentialed ? ", Access-Control-Allow-Credentials: true)." : ").")
        }
        return outcome
    }
}

/// Fetch's "CORS check" and header-list parsing.
enum FetchCORSCheck {
    /// `nil` when the response passes the CORS check, else the reason it fails.
    static func check(_ response: CORSResponse, origin: String, credentialed: Bool) -> String? {
        guard let allowOrigin = response.allowOrigin else { return "no Access-Control-Allow-Origin header" }
        if !credentialed && allowOrigin == "*" { return nil }
        if allowOrigin == "*" { return "Access-Control-Allow-Origin is * but credentials are included" }
        guard allowOrigin.utf8.elementsEqual(origin.utf8) else {
            return "Access-Control-Allow-Origin \(allowOrigin) does not equal the page origin \(origin)"
        }
        if credentialed && response.allowCredentials != "true" {
            return "credentials are included but Access-Control-Allow-Credentials is not `true`"
        }
        return nil
    }

    /// The comma-separated items of a header value, whitespace-trimmed, empty ones dropped.
    static func list(_ value: String?) -> [String] {
        guard let value else { return [] }
        return value.split(separator: ",").map { $0.trimmingWhitespaces }.filter { !$0.isEmpty }
    }
}
