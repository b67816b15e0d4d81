/// The record of the cross-origin (CORS) policy: the policy the model configures, the options a team
/// weighs, and every consequence the model and the CORS engine show — including those against it.
struct CORSDecisionDraft {
    var facts: ADRSystemFacts

    var report: AnalysisReport { facts.report }
    var settings: [CORSSetting] { report.model.environments.compactMap(CORSSetting.init) }

    /// The setting the record's code and examples use: the primary environment's, else the first.
    var primary: CORSSetting? {
        let all = settings
        return all.first { $0.environment.name == facts.primaryEnvironment?.name } ?? all.first
    }

    /// Methods the routes accept, in a stable order.
    var routeMethods: [String] {
        var methods: [String] = []
        for router in report.model.base.routers ?? [] {
            for endpoint in router.endpoints {
                for method in endpoint.methods.map({ $0.uppercased() }) where !methods.contains(method) { methods.append(method) }
            }
        }
        let order = ["GET", "POST", "PUT", "PATCH", "DELETE"]
        return methods.sorted { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }
    }

    /// Request headers the browser clients need beyond the safelisted ones, from the authentication.
    var neededHeaders: [String] {
        var headers = ["Content-Type"]
        for mechanism in report.model.base.auth ?? [] where mechanism.transport == .header || (mechanism.transport == nil && [.jwt, .oauth2Jwt, .httpBasic].contains(mechanism.type)) {
            let name = mechanism.parameter ?? "Authorization"
            if !headers.contains(where: { $0.lowercased() == name.lowercased() }) { headers.append(name) }
        }
        return headers
    }

    /// Cookies or HTTP authentication — Fetch's "credentials" — carry authentication somewhere in the model.
    var usesCredentials: Bool {
        let base = report.model.base
        let cookieAuth = (base.auth ?? []).contains { $0.transport == .cookie || $0.type == .sessionCookie || $0.type == .httpBasic || $0.cookie != nil }
        let sessions = (base.middleware ?? []).contains { $0.type == .session }
        return cookieAuth || sessions
    }

    func content() -> ADRContent {
        let settings = self.settings
        var limits: [Prose] = []
        if !facts.hasProduction {
            limits.append(Prose("The model has no production environment (kinds: \(report.model.environments.map { $0.kind?.rawValue ?? "not stated" }.joined(separator: ", "))). This record describes the environments it has; what production will allow is not in the model and is not assumed here."))
        }
        guard let primary else {
            return withoutMiddleware(limits: limits)
        }
        let missing = report.model.environments.filter { environment in !settings.contains { $0.environment.name == environment.name } }
        if !missing.isEmpty {
            limits.append(Prose("No CORSMiddleware in \(missing.map { MD.code($0.name) }.joined(separator: ", ")): there browsers get no CORS headers and pages on other origins cannot read responses."))
        }
        let code = primary.pythonCall(otherEnvironments: settings.filter { $0.environment.name != primary.environment.name })
        var options = [modelledOption(primary: primary, code: code), allowListOption(primary: primary), proxyOption(), anyOriginOption(primary: primary)]
        options[0].bad += derivedConcerns(settings)
        let exchanges = CORSExchanges(setting: primary, draft: self).all()
        return ADRContent(
            title: "\(ADRDecision.corsPolicy.subject) of \(report.model.base.system.name)",
            problem: problem(settings),
            facts: facts.facts() + settings.map(settingFact),
            drivers: drivers(primary),
            options: options,
            chosen: 0,
            action: "keep the CORS policy the code registers",
            justification: Prose("it is the policy the code registers (\(MD.code(primary.path.description)) in the model). The consequences below include what the model and the CORS engine show against it; resolve or accept each before the status becomes accepted."),
            decisionCode: Code(code),
            good: options[0].good,
            bad: facts.findingBullets() + options[0].bad,
            neutral: neutralConsequences(primary),
            corrections: facts.reviewCorrections() + claimCorrections(primary),
            confirmation: [Prose("Each response below is what Starlette \(MD.code(primary.version.version.description)) (\(MD.text(primary.version.reason))) answers for the configuration of \(MD.code(primary.environment.name)), computed by threatscribe's CORS engine, which is checked against real Starlette. `curl` shows the headers; the browser enforces them.")],
            exchanges: exchanges,
            implementation: implementation(settings),
            moreInformation: moreInformation(primary),
            limits: limits)
    }

    private func problem(_ settings: [CORSSetting]) -> [Prose] {
        let system = report.model.base.system.name
        return [Prose("\(MD.text(system)) is called from browsers. Which web origins may read its responses, with which methods, request headers and credentials, is decided by its CORSMiddleware configuration, per environment. This record states that policy as the model configures it, the alternatives, and what follows from it for this system.")]
    }

    private func settingFact(_ setting: CORSSetting) -> Prose {
        let configuration = setting.configuration
        var parts = ["allow_origins=\(PythonLiteral.list(configuration.allowOrigins))"]
        if let regex = configuration.allowOriginRegex { parts.append("allow_origin_regex=\(PythonLiteral.string(regex))") }
        parts.append("allow_credentials=\(configuration.allowCredentials ? "True" : "False")")
        parts.append("allow_methods=\(PythonLiteral.list(configuration.allowMethods))")
        parts.append("allow_headers=\(PythonLiteral.list(configuration.allowHeaders))")
        // An argument the model leaves unresolved is unknown, not its default: say so instead of a value.
        let unresolved = setting.environment.model.unresolvedValues(under: setting.path)
        for value in unresolved {
            if let index = parts.firstIndex(where: { $0.hasPrefix(value.key + "=") }) { parts[index] = "\(value.key)=<unresolved: \(value.expression)>" }
        }
        var line = "**CORSMiddleware in \(MD.code(setting.environment.name)):** \(MD.code(parts.joined(separator: ", "))) (unset arguments at Starlette's defaults; Starlette \(MD.code(setting.version.version.description)), \(MD.text(setting.version.reason)))"
        if !unresolved.isEmpty {
            line += "; not assessed: the code computes \(MD.text(unresolved.map(\.key).joined(separator: ", "))) at run time and the model leaves \(unresolved.count == 1 ? "it" : "them") unresolved (TS-CORS-021)"
        }
        if let location = setting.environment.locations.modelLocation(of: setting.path) { line += "; model \(MD.code(location.description))" }
        if let location = setting.environment.locations.codeLocation(of: setting.path) { line += "; code \(MD.code(location.description))" }
        return Prose(line)
    }

    private func drivers(_ primary: CORSSetting) -> [Prose] {
        var lines: [Prose] = []
        for environment in report.model.environments {
            let origins = facts.browserOrigins(in: environment)
            guard let api = environment.baseURL.flatMap(CORSSetting.origin(of:)) else { continue }
            let foreign = origins.filter { $0.lowercased() != api }
            if !foreign.isEmpty {
                lines.append(Prose("In \(MD.code(environment.name)) the browser clients at \(MD.list(foreign)) call the API at \(MD.code(api)), another origin: their reads need CORS or a same-origin proxy."))
            }
        }
        if lines.isEmpty { lines.append(Prose("The model names no browser client on another origin than the API, so no cross-origin read is known to be needed.")) }
        let methods = routeMethods
        if !methods.isEmpty { lines.append(Prose("The routes use the methods \(MD.list(methods)); a browser preflights every method except GET, HEAD and POST.")) }
        lines.append(Prose("Request headers the front end needs beyond the CORS-safelisted ones: \(MD.list(neededHeaders)) (`Content-Type: application/json` is not safelisted, so JSON requests are preflighted)."))
        lines.append(usesCredentials
            ? Prose("Authentication travels in cookies or HTTP authentication, which browsers send cross-origin only with `credentials: \"include\"` and `allow_credentials=True`.")
            : Prose("No authentication in the model travels in cookies or HTTP authentication (Fetch's credentials); a token the front end sets in a header or URL needs no `allow_credentials`."))
        if let trust = report.model.base.system.trustModel { lines.append(Prose("Trust model: \(MD.text(trust)) — CORS decides which pages can read responses in a user's browser; it does not limit who can call the API.")) }
        return lines
    }
}
