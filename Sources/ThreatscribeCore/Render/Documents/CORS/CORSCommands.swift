/// curl commands that send a printed exchange's request to an environment, pasteable as they are:
/// every value is one `ShellWord`, and an environment without `base_url` uses `"$BASE_URL"`
/// (`CommandVariable`), which the document defines once.
enum CORSCommands {
    /// The URL of `path` in `environment` as shell words.
    static func url(_ path: String, in environment: ResolvedEnvironment) -> String {
        if let base = environment.baseURL, !base.isEmpty {
            return ShellWord.quoted((base.hasSuffix("/") ? String(base.dropLast()) : base) + path)
        }
        return CommandVariable.baseURL.reference + ShellWord.quoted(path)
    }

    /// `curl -s -o /dev/null -D - …` showing the response headers of `exchange`'s request.
    static func curl(_ exchange: CORSExchange, in environment: ResolvedEnvironment) -> String {
        var words = ["curl", "-s", "-o", "/dev/null", "-D", "-"]
        let request = exchange.request
        if request.method != "GET" { words += ["-X", request.method] }
        var parts = words.joined(separator: " ")
        func header(_ name: String, _ value: String) { parts += " -H " + ShellWord.quoted("\(name): \(value)") }
        if let origin = request.origin { header("Origin", origin) }
        if let contentType = exchange.contentType { header("Content-Type", contentType) }
        if let method = request.accessControlRequestMethod { header("Access-Control-Request-Method", method) }
        if let names = request.accessControlRequestHeaders { header("Access-Control-Request-Headers", names) }
        if request.hasCookie { parts += " -H " + ShellWord.quoted("Cookie: ") + "\"$SESSION_COOKIE\"" }
        if exchange.contentType != nil { parts += " --data " + ShellWord.quoted("x") }
        return parts + " " + url(exchange.path, in: environment)
    }
}

/// Python literals of CORSMiddleware arguments, as the code would pass them.
enum CORSArgumentText {
    static func list(_ values: [String]) -> String { PythonLiteral.list(values) }
    static func bool(_ value: Bool) -> String { value ? "True" : "False" }

    /// The value `entry` passes for `name`, or `nil` when it leaves the argument at its default.
    static func stated(_ name: String, in entry: Middleware) -> String? {
        switch name {
        case "allow_origins": entry.allowOrigins.map(list)
        case "allow_origin_regex": entry.allowOriginRegex.map(PythonLiteral.string)
        case "allow_methods": entry.allowMethods.map(list)
        case "allow_headers": entry.allowHeaders.map(list)
        case "allow_credentials": entry.allowCredentials.map(bool)
        case "expose_headers": entry.exposeHeaders.map(list)
        case "max_age": entry.maxAge.map(String.init)
        case "allow_private_network": entry.allowPrivateNetwork.map(bool)
        default: nil
        }
    }

    /// Starlette's default for `name` in `version` (`allow_private_network` does not exist before 0.51.0).
    static func defaultValue(_ name: String, in version: StarletteVersion) -> String {
        switch name {
        case "allow_origins": "()"
        case "allow_origin_regex": "None"
        case "allow_methods": "(\"GET\",)"
        case "allow_headers": "()"
        case "allow_credentials": "False"
        case "expose_headers": "()"
        case "max_age": "600"
        case "allow_private_network": version.supportsPrivateNetwork ? "False" : "not an argument before 0.51.0"
        default: ""
        }
    }

    static let names = ["allow_origins", "allow_origin_regex", "allow_methods", "allow_headers", "allow_credentials",
                        "expose_headers", "max_age", "allow_private_network"]
}
