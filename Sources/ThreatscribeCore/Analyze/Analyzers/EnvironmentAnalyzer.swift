import Foundation

/// Facts about the environment being analysed (scope `env`, global).
struct EnvironmentAnalyzer: Analyzer {
    let scopes = [FactScope("env", "The environment being analysed; every condition may name these as `env.<field>`.", isGlobal: true, fields: [
        FactField("name", .string, "The environment's name as the model writes it."),
        FactField("kind", .string, "`development`, `test`, `staging`, `production`, or `unspecified` when the model does not say."),
        FactField("kind_stated", .bool, "The model states the environment's kind."),
        FactField("is_production", .bool, "The kind is `production` or `staging`: real users and attackers reach it."),
        FactField("is_development", .bool, "The kind is `development` or `test`, or the model states no kind and the environment is reachable from the same host only (a loopback `base_url` or bind address): production-only findings never fire there."),
        FactField("may_be_production", .bool, "Production, staging, or a kind the model does not state (unless it is local only)."),
        FactField("exposure", .string, "Who can reach the API here: `localhost` for a loopback `base_url`, else `system.exposure`, else `localhost` for a loopback bind address (`server.host` with no ingress)."),
        FactField("base_url", .string, "The API's base URL in this environment, `app.root_path` appended (from `base_url`, else `deployment.public_url` unless another environment states that URL as its own; then `$BASE_URL`, which the report defines once). In commands, `\"$BASE_URL\"` when the model gives no address."),
        FactField("host", .string, "The host of `base_url` (`\"$API_HOST\"` in commands when the model gives no address)."),
        FactField("uses_https", .bool, "`base_url` uses `https`."),
        FactField("hsts_preloaded_suffix", .string, "The public suffix of `base_url`'s host that Chromium preloads as HSTS with subdomains (`app`, `dev`, …; `Catalog/reference/hsts-preload-tlds.yaml`), when there is one."),
        FactField("internet_facing", .bool, "`system.exposure` is `internet`."),
    ])]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let environment = context.environment
        let index = context.allEnvironments.firstIndex { $0.name == environment.name }
        let path = index.map { ModelPath([.key("environments"), .index($0)]) } ?? .root
        var subject = FactSubject(scope: "env", path: path, name: environment.name, component: Component.application)
        let kind = environment.kind
        subject.set("name", .string(environment.name), from: path.appending("name"))
        subject.set("kind", .string(kind?.rawValue ?? "unspecified"), from: path.appending("kind"))
        subject.set("kind_stated", .bool(kind != nil))
        subject.set("is_production", .bool(kind?.isProductionLike ?? false), from: path.appending("kind"))
        let reach = EnvironmentReach.of(environment, path: index == nil ? nil : path)
        let localOnly = kind == nil && reach?.exposure == .localhost
        if localOnly, let reach {
            subject.set("is_development", .bool(true), from: reach.path, shownAs: "true (kind not stated; reachable from the same host only: \(reach.reason))")
            subject.set("may_be_production", .bool(false), from: reach.path)
        } else {
            subject.set("is_development", .bool(kind == .development || kind == .test), from: path.appending("kind"))
            subject.set("may_be_production", .bool(kind?.isProductionLike ?? true), from: path.appending("kind"))
        }
        subject.set("exposure", FactValue(reach?.exposure.rawValue), from: reach?.path ?? "system.exposure")
        let publicURL = context.model.deployment?.publicUrl
        // deployment.public_url stands in for an environment without a base_url, unless another environment
        // states it as its own base_url: then it is that environment's address, and commands aimed at it would
        // test the wrong deployment.
        let publicURLBelongsElsewhere = publicURL.map { url in
            context.allEnvironments.contains { $0.name != environment.name && $0.baseURL == url }
        } ?? false
        if let statedURL = environment.baseURL ?? (publicURLBelongsElsewhere ? nil : publicURL) {
            let baseURL = Self.applying(rootPath: environment.model.app?.rootPath, to: statedURL)
            subject.set("base_url", .string(baseURL), from: environment.baseURL != nil ? path.appending("base_url") : "deployment.public_url",
                        shownAs: baseURL == statedURL ? nil : "\(baseURL) (\(statedURL) with root_path \(environment.model.app?.rootPath ?? ""))")
            if let url = URL(string: baseURL) {
                subject.set("host", FactValue(url.host), from: path.appending("base_url"))
                subject.set("uses_https", .bool(url.scheme?.lowercased() == "https"), from: path.appending("base_url"))
                if let host = url.host, let suffix = HSTSPreloadList.builtIn.suffix(covering: host) {
                    subject.set("hsts_preloaded_suffix", .string(suffix), from: environment.baseURL != nil ? path.appending("base_url") : "deployment.public_url")
                }
            }
        } else if publicURLBelongsElsewhere {
            // Prose names the variable the report defines once before the commands, never a made-up host.
            let tls = context.model.deployment?.ingress?.tls
            subject.set("base_url", .string("$" + CommandVariable.baseURL.rawValue), from: path.appending("base_url"),
                        shownAs: "$\(CommandVariable.baseURL.rawValue) (the model states no base_url for `\(environment.name)`, and deployment.public_url is another environment's)")
            subject.set("host", .string("$" + CommandVariable.apiHost.rawValue), from: path.appending("base_url"))
            if let tls { subject.set("uses_https", .bool(tls), from: "deployment.ingress.tls") }
        }
        if !subject["base_url"].isKnown || publicURLBelongsElsewhere && environment.baseURL == nil {
            // Commands never carry a placeholder host: they use variables the report defines once.
            subject.shellStandIns["base_url"] = CommandVariable.baseURL.reference
            subject.shellStandIns["host"] = CommandVariable.apiHost.reference
        }
        if let exposure = context.model.system.exposure {
            subject.set("internet_facing", .bool(exposure == .internet), from: "system.exposure")
        }
        return [subject]
    }

    /// The base URL commands use in this environment (root path included), or `nil` when the model
    /// gives none for it (then commands use `$BASE_URL`).
    static func commandBaseURL(in context: AnalysisContext) -> String? {
        let environment = context.environment
        let publicURL = context.model.deployment?.publicUrl
        let belongsElsewhere = publicURL.map { url in
            context.allEnvironments.contains { $0.name != environment.name && $0.baseURL == url }
        } ?? false
        guard let stated = environment.baseURL ?? (belongsElsewhere ? nil : publicURL) else { return nil }
        return applying(rootPath: environment.model.app?.rootPath, to: stated)
    }

    /// `url` with the app's `root_path` appended, as clients behind a prefix-stripping proxy address
    /// the app (Starlette also routes the prefixed path when reached directly); unchanged when the
    /// URL's path already ends with it.
    static func applying(rootPath: String?, to url: String) -> String {
        guard var root = rootPath?.trimmingWhitespaces, !root.isEmpty else { return url }
        while root.hasSuffix("/") { root.removeLast() }
        if root.isEmpty { return url }
        if !root.hasPrefix("/") { root = "/" + root }
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasSuffix(root) { return url }
        return base + root
    }
}
