/// The requests a reader sends to confirm the CORS policy, each with the answer the CORS engine
/// computes for the modelled configuration and Starlette release. Nothing here is written by hand:
/// a test re-evaluates every exchange printed in the documents.
struct CORSExchanges {
    var setting: CORSSetting
    var draft: CORSDecisionDraft

    func all() -> [ADRContent.Exchange] {
        guard let evaluator = setting.evaluator, let base = setting.environment.baseURL else { return [] }
        let environment = setting.environment.name
        let browserOrigins = draft.facts.browserOrigins(in: setting.environment)
        let allowed = browserOrigins.first(where: evaluator.isAllowedOrigin)
            ?? setting.configuration.allowOrigins.first { $0 != "*" && evaluator.isAllowedOrigin($0) }
        let methods = draft.routeMethods
        let unsafe = methods.first { !BrowserFetch.safelistedMethods.contains($0) } ?? (methods.contains("POST") ? "POST" : "PUT")
        let headers = draft.neededHeaders.map { $0.lowercased() }
        var exchanges: [ADRContent.Exchange] = []
        func add(_ title: String, _ request: CORSRequest) {
            let response = evaluator.response(to: request)
            exchanges.append(exchange(title: title, environment: environment, url: url(base: base, method: request.accessControlRequestMethod ?? request.method),
                                      request: request, response: response, version: evaluator.version))
        }
        if let allowed {
            add("Preflight for \(unsafe) from the front end", .preflight(origin: allowed, method: unsafe, headers: headers))
            add("GET from the front end", CORSRequest(method: "GET", origin: allowed))
        }
        let stranger = evaluator.isAllowedOrigin(CORSPolicyAnalysis.attackerOrigin) ? "an unrelated origin, which the policy allows" : "an origin that is not allowed"
        add("Preflight for \(unsafe) from \(stranger)", .preflight(origin: CORSPolicyAnalysis.attackerOrigin, method: unsafe, headers: headers))
        add("GET from \(stranger)", CORSRequest(method: "GET", origin: CORSPolicyAnalysis.attackerOrigin))
        add("GET without Origin (curl, servers, same-origin navigation)", CORSRequest(method: "GET", origin: nil))
        return exchanges
    }

    /// A URL of a route that accepts `method`, path parameters filled with `1` (CORSMiddleware answers
    /// before routing, so the value does not change the CORS headers).
    private func url(base: String, method: String) -> String {
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        let routers = setting.environment.model.routers ?? []
        let match = routers.lazy.flatMap { router in router.endpoints.map { (router.prefix ?? "", $0) } }
            .first { $0.1.methods.contains { $0.uppercased() == method } }
            ?? routers.lazy.flatMap { router in router.endpoints.map { (router.prefix ?? "", $0) } }.first
        guard let (prefix, endpoint) = match else { return trimmed + "/" }
        var path = ""
        var inParameter = false
        for character in prefix + endpoint.path {
            if character == "{" { inParameter = true; path.append("1"); continue }
            if character == "}" { inParameter = false; continue }
            if !inParameter { path.append(character) }
        }
        return trimmed + (path.hasPrefix("/") ? path : "/" + path)
    }

    private func exchange(title: String, environment: String, url: String, request: CORSRequest, response: CORSResponse,
                          version: StarletteVersion) -> ADRContent.Exchange {
        var words = ["curl", "-si"]
        if request.method != "GET" { words += ["-X", request.method] }
        words.append(url)
        if let origin = request.origin { words += ["-H", "Origin: \(origin)"] }
        if let method = request.accessControlRequestMethod { words += ["-H", "Access-Control-Request-Method: \(method)"] }
        if let headers = request.accessControlRequestHeaders { words += ["-H", "Access-Control-Request-Headers: \(headers)"] }
        let command = words.map(ShellWord.quoted).joined(separator: " ")
        if response.isPreflightResponse {
            var lines = ["HTTP/1.1 \(response.status) \(response.status == 200 ? "OK" : "Bad Request")"]
            lines += response.orderedHeaders.map { "\($0.name): \($0.value)" }
            if response.status != 200 { lines += ["", response.body] }
            return ADRContent.Exchange(title: title, environment: environment, command: Code(command),
                                       answer: Prose("CORSMiddleware answers the preflight itself (Starlette \(MD.code(version.description))):"),
                                       response: Code(lines.joined(separator: "\n")))
        }
        let headers = response.orderedHeaders
        guard !headers.isEmpty else {
            return ADRContent.Exchange(title: title, environment: environment, command: Code(command),
                                       answer: Prose("Starlette \(MD.code(version.description)) adds no CORS header; the endpoint still runs and answers."), response: nil)
        }
        let answer = response.allowOrigin == nil
            ? "Starlette \(MD.code(version.description)) adds no `Access-Control-Allow-Origin`, so a browser withholds the response from the page (the endpoint has run); it adds only:"
            : "Starlette \(MD.code(version.description)) adds these headers to whatever the endpoint answers:"
        return ADRContent.Exchange(title: title, environment: environment, command: Code(command),
                                   answer: Prose(answer),
                                   response: Code(headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")))
    }
}
