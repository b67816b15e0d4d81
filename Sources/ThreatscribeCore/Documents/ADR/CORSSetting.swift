/// The CORSMiddleware of one environment as the model configures it, with the Starlette release
/// the engine evaluates it for.
struct CORSSetting {
    var environment: ResolvedEnvironment
    var path: ModelPath
    var entry: Middleware
    var configuration: CORSConfiguration
    var version: AssumedStarletteVersion
    /// `nil` when Starlette refuses the configuration (the finding TS-CORS-017 says why).
    var evaluator: CORSEvaluator?

    init?(_ environment: ResolvedEnvironment) {
        guard let index = environment.model.middleware?.firstIndex(where: { $0.type == .cors }),
              let entry = environment.model.middleware?[index] else { return nil }
        self.environment = environment
        path = ModelPath("middleware").appending(index)
        self.entry = entry
        configuration = CORSConfiguration(middleware: entry)
        version = AssumedStarletteVersion(environment.model.packageVersion("starlette"), writtenAt: "frameworks.starlette")
            ?? AssumedStarletteVersion(nil, writtenAt: "frameworks.starlette")!
        evaluator = try? CORSEvaluator(configuration: configuration, version: version.version)
    }

    /// The origin of the API in this environment (`https://api.example.com`), from its base URL.
    var apiOrigin: String? { environment.baseURL.flatMap(Self.origin(of:)) }

    /// `scheme://host[:port]` of a URL, lower-cased scheme and host; `nil` when it is not an http(s) URL.
    static func origin(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        return scheme + "://" + authority.lowercased()
    }

    /// The Python call that registers this configuration: only the arguments the model sets.
    func pythonCall(otherEnvironments: [CORSSetting]) -> String {
        var lines = ["app.add_middleware(", "    CORSMiddleware,"]
        if let origins = entry.allowOrigins {
            var line = "    allow_origins=\(PythonLiteral.list(origins)),"
            let differing = otherEnvironments.filter { $0.entry.allowOrigins != origins }
            if !differing.isEmpty {
                line += "  # in \(PythonLiteral.string(environment.name))"
                lines.append(line)
                for other in differing {
                    lines.append("    # in \(PythonLiteral.string(other.environment.name)): \(PythonLiteral.list(other.entry.allowOrigins ?? []))")
                }
            } else {
                lines.append(line)
            }
        }
        if let regex = entry.allowOriginRegex { lines.append("    allow_origin_regex=\(PythonLiteral.string(regex)),") }
        if let credentials = entry.allowCredentials { lines.append("    allow_credentials=\(credentials ? "True" : "False"),") }
        if let methods = entry.allowMethods { lines.append("    allow_methods=\(PythonLiteral.list(methods)),") }
        if let headers = entry.allowHeaders { lines.append("    allow_headers=\(PythonLiteral.list(headers)),") }
        if let expose = entry.exposeHeaders { lines.append("    expose_headers=\(PythonLiteral.list(expose)),") }
        if let maxAge = entry.maxAge { lines.append("    max_age=\(maxAge),") }
        if let privateNetwork = entry.allowPrivateNetwork { lines.append("    allow_private_network=\(privateNetwork ? "True" : "False"),") }
        lines.append(")")
        return lines.joined(separator: "\n")
    }
}
