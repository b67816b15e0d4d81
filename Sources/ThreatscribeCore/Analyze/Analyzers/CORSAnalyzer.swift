/// Facts about each `CORSMiddleware` (scope `cors`), computed by the CORS engine for the modelled
/// Starlette version: every issue carries the request that demonstrates it and Starlette's exact answer.
struct CORSAnalyzer: Analyzer {
    let scopes = [FactScope("cors", "One CORSMiddleware registration, evaluated as the modelled Starlette version answers.", fields: [
        FactField("allow_origins", .list, "`allow_origins` as configured (default: none)."),
        FactField("allow_origin_regex", .string, "`allow_origin_regex`."),
        FactField("allow_methods", .list, "`allow_methods` as configured (default `[\"GET\"]`)."),
        FactField("allowed_methods", .list, "The methods Starlette actually allows (`*` expanded for the version)."),
        FactField("allow_headers", .list, "`allow_headers` as configured (default: none beyond the CORS-safelisted four)."),
        FactField("allow_credentials", .bool, "`allow_credentials=True`."),
        FactField("expose_headers", .list, "`expose_headers`."),
        FactField("max_age", .int, "`max_age` in seconds (default 600)."),
        FactField("starlette_version", .string, "The Starlette version whose behaviour was evaluated."),
        FactField("version_stated", .bool, "The model names one Starlette version (resolved, or resolved by a lock file); false for a range or no version, where `version_basis` says which release was assumed and why."),
        FactField("version_basis", .string, "Why `starlette_version` was evaluated: stated, resolved by a lock file, or assumed from a range or from nothing."),
        FactField("starlette_major", .int, "Major version of the evaluated Starlette (0 or 1)."),
        FactField("allows_some_origin", .bool, "The engine allows at least one origin: `*`, an `allow_origins` entry a browser can send, or an `allow_origin_regex`. False for `allow_origins=[]` without a regex."),
        FactField("attacker_reads_with_credentials", .bool, "The engine says a page on an unlisted origin (`https://attacker.example`) can read a response with `credentials: \"include\"`, as `threatscribe cors check` judges it."),
        FactField("wildcard_origin", .bool, "`\"*\"` is in `allow_origins`."),
        FactField("wildcard_with_credentials", .bool, "`\"*\"` with `allow_credentials=True`: Starlette reflects the caller's origin with credentials (always from 1.0; on Cookie-bearing requests in 0.x)."),
        FactField("null_origin_allowed", .bool, "`\"null\"` is allowed (sandboxed iframes, `file:` pages and redirects send it)."),
        FactField("cleartext_origins", .list, "Allowed `http://` origins on public hosts."),
        FactField("loopback_origins", .list, "Allowed origins on localhost / 127.0.0.0/8 / ::1."),
        FactField("unspecified_address_origins", .list, "Allowed `http://0.0.0.0:PORT` origins: each is ONE literal origin, not \"any origin on all interfaces\"."),
        FactField("private_network_origins", .list, "Allowed origins on private networks (RFC 1918, link-local, `.local`)."),
        FactField("custom_scheme_origins", .list, "Allowed origins with a non-web scheme (`capacitor://`, `app://`, …)."),
        FactField("unmatchable_origins", .list, "Entries that can never equal a browser's Origin header (trailing slash, upper case, path, glob, no scheme, default port)."),
        FactField("sloppy_regex", .bool, "`allow_origin_regex` admits an origin outside the intended domains."),
        FactField("regex_attacker_origin", .string, "A concrete attacker origin the regex admits, verified against the regex."),
        FactField("backtracking_regex", .bool, "Deciding some Origin takes `allow_origin_regex` more than 2,000,000 backtracking steps (ReDoS), found by pumping one character of the pattern."),
        FactField("regex_runaway_origin", .string, "Such an Origin, sixteen characters longer than the shortest one found (on an exponential pattern Python takes hours on it)."),
        FactField("regex_runaway_growth", .string, "Backtracking steps for shorter Origins of the same shape (`characters: steps`), showing how the work grows."),
        FactField("wildcard_headers", .bool, "`allow_headers=[\"*\"]`: Starlette mirrors any requested header, `Authorization` included."),
        FactField("wildcard_methods", .bool, "`allow_methods=[\"*\"]`."),
        FactField("credentials_with_broad_origins", .list, "With credentials: allowed origins an attacker can more easily control (cleartext, loopback, private, `null`, an origin a sloppy regex admits)."),
        FactField("credentials_with_nonloopback_broad_origins", .list, "`credentials_with_broad_origins` without the loopback origins (those are `loopback_origins`, reported by TS-CORS-005)."),
        FactField("missing_vary", .bool, "Some responses that depend on Origin carry no `Vary: Origin` (Starlette before 1.7.0)."),
        FactField("private_network_access", .bool, "`allow_private_network=True`."),
        FactField("invalid_configuration", .string, "Why Starlette would refuse this configuration at startup, if it would."),
        FactField("first_allowed_origin", .string, "The first concrete origin in `allow_origins` (for example requests)."),
        FactField("client_origins", .list, "Web origins of the clients the model lists, usable as a production allow-list."),
        FactField("client_headers", .list, "Headers the modelled clients must send: header-borne credentials (`auth[].parameter`, `Authorization` for bearer and basic schemes)."),
        FactField("client_methods", .list, "Methods of the model's endpoints (without HEAD and OPTIONS)."),
        FactField("kept_headers", .list, "A header allow-list that keeps what the model uses: `client_headers` plus the named entries of `allow_headers`."),
        FactField("kept_methods", .list, "A method allow-list that keeps what the model uses: `client_methods`, or the named entries of `allow_methods` when the model lists no endpoint."),
        FactField("refused_client_requests", .list, "Requests of the modelled browser clients (each client origin × endpoint method, with `client_headers`) that the CORS engine says a browser would not complete."),
        FactField("unresolved_arguments", .list, "Arguments the code computes at run time that the model leaves unresolved (`allow_origins = settings.x (main.py:23)`). When any of `allow_origins`, `allow_origin_regex`, `allow_credentials`, `allow_methods` or `allow_headers` is unresolved, the engine is not run: the origin, header, method and client facts are unknown."),
        FactField("suggested_origins", .list, "A production allow-list: the HTTPS public-host origins already configured or listed by clients (`https://app.example.com` as a placeholder when there are none)."),
    ])]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let middleware = context.model.middleware ?? []
        return middleware.enumerated().compactMap { index, entry in
            guard entry.type == .cors else { return nil }
            return subject(for: entry, at: ModelPath("middleware").appending(index), in: context)
        }
    }

    private func subject(for entry: Middleware, at path: ModelPath, in context: AnalysisContext) -> FactSubject {
        let configuration = CORSConfiguration(middleware: entry)
        // Validation guarantees the text parses; the fallback only guards against a caller that skipped it.
        let assumed = AssumedStarletteVersion(context.frameworkVersion("starlette"), writtenAt: "frameworks.starlette")
            ?? AssumedStarletteVersion(nil, writtenAt: "frameworks.starlette")!
        let version = assumed.version
        let analysis = CORSPolicyAnalysis(configuration: configuration, version: version,
                                          environment: context.environment.name,
                                          // The engine's note names the environment "production"; staging is production-like
                                          // for the conditions (env.is_production) but must not be called production in prose.
                                          isProduction: context.environment.kind == .production)
        var subject = FactSubject(scope: "cors", path: path, name: "CORSMiddleware", component: Component.cors)
        subject.set("allow_origins", .list(configuration.allowOrigins), from: path.appending("allow_origins"),
                    shownAs: entry.allowOrigins == nil ? "(not set: no origin allowed)" : nil)
        subject.set("allow_origin_regex", FactValue(entry.allowOriginRegex), from: path.appending("allow_origin_regex"))
        subject.set("allow_methods", .list(configuration.allowMethods), from: path.appending("allow_methods"),
                    shownAs: entry.allowMethods == nil ? "(not set: Starlette default [\"GET\"])" : nil)
        subject.set("allow_headers", .list(configuration.allowHeaders), from: path.appending("allow_headers"))
        subject.set("allow_credentials", .bool(configuration.allowCredentials), from: path.appending("allow_credentials"),
                    shownAs: entry.allowCredentials == nil ? "(not set: False)" : nil)
        subject.set("expose_headers", .list(configuration.exposeHeaders), from: path.appending("expose_headers"))
        subject.set("max_age", .int(configuration.maxAge), from: path.appending("max_age"))
        subject.set("starlette_version", .string(version.description), from: "frameworks.starlette", shownAs: assumed.description)
        subject.set("version_stated", .bool(assumed.isStated), from: "frameworks.starlette")
        subject.set("version_basis", .string(assumed.reason), from: "frameworks.starlette")
        subject.set("starlette_major", .int(version.major), from: "frameworks.starlette")
        let unresolved = context.model.unresolvedValues(under: path)
        if !unresolved.isEmpty {
            Self.markUnresolved(unresolved, on: &subject)
            // The engine cannot compute exchanges for origins nobody knows: no origin fact is derived from
            // the defaults an unresolved argument would otherwise take.
            if unresolved.contains(where: { Self.engineArguments.contains($0.key) }) { return subject }
        }
        if let evaluator = try? CORSEvaluator(configuration: configuration, version: version) {
            subject.set("allowed_methods", .list(evaluator.allowedMethods), from: path.appending("allow_methods"))
            let someOrigin = Self.allowsSomeOrigin(evaluator, configuration)
            subject.set("allows_some_origin", .bool(someOrigin), from: configuration.allowOriginRegex != nil ? path.appending("allow_origin_regex") : path.appending("allow_origins"))
            let verdict = Self.attackerVerdict(evaluator)
            subject.set("attacker_reads_with_credentials", .bool(verdict.canReadWithCredentials),
                        from: configuration.allowOriginRegex != nil && !configuration.allowsAllOrigins ? path.appending("allow_origin_regex") : path.appending("allow_origins"),
                        detail: verdict.canReadWithCredentials ? Self.verdictText(verdict) : nil)
        }
        setIssueFacts(on: &subject, analysis: analysis, path: path)
        let requests = CORSClientRequests(model: context.model, routes: context.routeTable, environment: context.environment,
                                          evaluator: try? CORSEvaluator(configuration: configuration, version: version))
        subject.set("client_headers", .list(requests.headers), from: "auth")
        subject.set("client_methods", .list(requests.methods), from: "routers")
        let namedHeaders = configuration.allowHeaders.filter { $0 != "*" }
        subject.set("kept_headers", .list(Self.unique(requests.headers + namedHeaders.filter { name in
            !requests.headers.contains { $0.caseInsensitiveCompare(name) == .orderedSame } })), from: path.appending("allow_headers"))
        let namedMethods = configuration.allowMethods.filter { $0 != "*" }
        subject.set("kept_methods", .list(requests.methods.isEmpty ? namedMethods : requests.methods), from: "routers")
        subject.set("refused_client_requests", .list(requests.refused), from: "clients",
                    detail: requests.firstRefusal.map { "The first refused request's preflight, as Starlette answers it:\n\n" + CORSExchangeText(evidence: $0).text })
        let clientOrigins = (context.model.clients ?? []).compactMap(\.origin)
        subject.set("client_origins", .list(clientOrigins), from: "clients")
        let suggested = (configuration.allowOrigins + clientOrigins).filter { origin in
            if case .origin("https", _, _, .publicHost) = CORSOriginEntry(origin) { return true }
            return false
        }
        // Recommendations pass this list straight to allow_origins=; an empty list there would read as
        // "allow nothing", so name an obvious placeholder when the model gives no HTTPS public origin.
        let suggestedOrigins = Self.unique(suggested)
        subject.set("suggested_origins", .list(suggestedOrigins.isEmpty ? [Self.placeholderOrigin] : suggestedOrigins), from: "clients",
                    shownAs: suggestedOrigins.isEmpty ? "[\"\(Self.placeholderOrigin)\"] (placeholder: the model names no HTTPS public-host origin)" : nil)
        if let index = configuration.allowOrigins.firstIndex(where: { $0 != "*" }) {
            subject.set("first_allowed_origin", .string(configuration.allowOrigins[index]), from: path.appending("allow_origins").appending(index))
        } else if configuration.allowsAllOrigins {
            // `*` admits any origin: example requests use an arbitrary one rather than an undescribed value.
            subject.set("first_allowed_origin", .string(CORSPolicyAnalysis.attackerOrigin), from: path.appending("allow_origins"),
                        shownAs: "\(CORSPolicyAnalysis.attackerOrigin) (any origin: allow_origins contains \"*\")")
        }
        return subject
    }

    /// The arguments whose values the CORS engine needs to compute any exchange.
    static let engineArguments: Set<String> = ["allow_origins", "allow_origin_regex", "allow_credentials", "allow_methods", "allow_headers"]

    /// Sets each unresolved argument's fact to unknown, shown with its expression, and lists them in `unresolved_arguments`.
    static func markUnresolved(_ unresolved: [UnresolvedValue], on subject: inout FactSubject) {
        for value in unresolved where corsArguments.contains(value.key) {
            subject.set(value.key, .unknown, from: value.path, shownAs: "(unresolved: \(value.citation))")
        }
        let items = unresolved.map { value in
            "\(value.key) = \(value.expression)" + (value.source.map { " (\($0))" } ?? "")
                + (riskyValues[value.key].map { "; a risk if it \($0)" } ?? "")
        }
        subject.set("unresolved_arguments", .list(items), from: unresolved[0].path)
    }

    /// The CORSMiddleware arguments the model describes, each a fact of the scope.
    static let corsArguments = engineArguments.union(["expose_headers", "max_age", "allow_private_network"])

    /// For each argument, the values that would make a CORS finding real.
    static let riskyValues: [String: String] = [
        "allow_origins": "contains \"*\", \"null\", an http:// origin on a public host, a loopback, private-network or custom-scheme origin, or an origin another party controls",
        "allow_origin_regex": "admits origins outside the intended domains (an unescaped dot, a missing $, a wildcard subdomain)",
        "allow_credentials": "is True together with any of the origin risks",
        "allow_methods": "is [\"*\"] while some origin is allowed",
        "allow_headers": "is [\"*\"] while some origin is allowed (Authorization is then mirrored)",
        "allow_private_network": "is True on an internal service",
    ]

    private func setIssueFacts(on subject: inout FactSubject, analysis: CORSPolicyAnalysis, path: ModelPath) {
        let origins = path.appending("allow_origins")
        func flag(_ field: String, _ kind: CORSPolicyIssue.Kind, from source: ModelPath) {
            let issues = analysis.issues(ofKind: kind)
            subject.set(field, .bool(!issues.isEmpty), from: source, detail: issues.isEmpty ? nil : Self.detail(issues))
        }
        func list(_ field: String, _ kind: CORSPolicyIssue.Kind) {
            let issues = analysis.issues(ofKind: kind)
            let firstIndex = issues.first.flatMap { issue in subject["allow_origins"].listValue.firstIndex(of: issue.subject) }
            subject.set(field, .list(Self.unique(issues.map(\.subject))), from: firstIndex.map { origins.appending($0) } ?? origins,
                        detail: issues.isEmpty ? nil : Self.detail(issues))
        }
        flag("wildcard_origin", .wildcardOrigin, from: origins)
        flag("wildcard_with_credentials", .wildcardOriginWithCredentials, from: origins)
        flag("null_origin_allowed", .nullOriginAllowed, from: origins)
        list("cleartext_origins", .cleartextOrigin)
        list("loopback_origins", .loopbackOrigin)
        list("unspecified_address_origins", .unspecifiedAddressOrigin)
        list("private_network_origins", .privateNetworkOrigin)
        list("custom_scheme_origins", .customSchemeOrigin)
        list("unmatchable_origins", .unmatchableOrigin)
        setCredentialOriginFacts(on: &subject, analysis: analysis, path: path)
        let sloppy = analysis.issues(ofKind: .sloppyOriginRegex)
        subject.set("sloppy_regex", .bool(!sloppy.isEmpty), from: path.appending("allow_origin_regex"),
                    detail: sloppy.isEmpty ? nil : Self.detail(sloppy))
        if let attacker = sloppy.first?.regexFinding?.attackerOrigin {
            subject.set("regex_attacker_origin", .string(attacker), from: path.appending("allow_origin_regex"))
        }
        let runaway = analysis.issues(ofKind: .backtrackingOriginRegex)
        subject.set("backtracking_regex", .bool(!runaway.isEmpty), from: path.appending("allow_origin_regex"),
                    detail: runaway.isEmpty ? nil : Self.detail(runaway))
        if let probe = runaway.first?.backtracking {
            subject.set("regex_runaway_origin", .string(probe.attackOrigin), from: path.appending("allow_origin_regex"))
            let growth = probe.growth.suffix(4).map { "\($0.length): \($0.steps)" }
                + ["\(probe.attackOrigin.unicodeScalars.count): over \(probe.stepBudget)"]
            subject.set("regex_runaway_growth", .string(growth.joined(separator: ", ")), from: path.appending("allow_origin_regex"))
        }
        flag("wildcard_headers", .wildcardHeaders, from: path.appending("allow_headers"))
        flag("wildcard_methods", .wildcardMethods, from: path.appending("allow_methods"))
        flag("missing_vary", .missingVary, from: "frameworks.starlette")
        flag("private_network_access", .privateNetworkAccess, from: path.appending("allow_private_network"))
        if let invalid = analysis.issues(ofKind: .invalidConfiguration).first {
            subject.set("invalid_configuration", .string(invalid.summary), from: path.appending(invalid.subject))
        }
    }

    /// The credentials issue's subject is the setting (`allow_credentials=True`); the origins it concerns are the
    /// ones its demonstrating requests send, so the lists are built from those.
    private func setCredentialOriginFacts(on subject: inout FactSubject, analysis: CORSPolicyAnalysis, path: ModelPath) {
        let origins = path.appending("allow_origins")
        let issues = analysis.issues(ofKind: .credentialsWithBroadOrigins)
        let evidence = issues.flatMap(\.evidence)
        let broad = Self.unique(evidence.compactMap(\.request.origin))
        let loopback = Set(subject["loopback_origins"].listValue)
        let beyond = broad.filter { !loopback.contains($0) }
        func source(_ list: [String]) -> ModelPath {
            list.first.flatMap { subject["allow_origins"].listValue.firstIndex(of: $0) }.map { origins.appending($0) } ?? origins
        }
        func detail(_ list: [String]) -> String? {
            guard !list.isEmpty else { return nil }
            let summary = "Credentialed reads are granted to origins that others can control or that are not the production front end: \(list.joined(separator: ", "))."
            let exchanges = evidence.filter { $0.request.origin.map(list.contains) ?? false }.prefix(1).map { CORSExchangeText(evidence: $0).text }
            return ([summary] + exchanges).joined(separator: "\n\n")
        }
        subject.set("credentials_with_broad_origins", .list(broad), from: source(broad), detail: detail(broad))
        subject.set("credentials_with_nonloopback_broad_origins", .list(beyond), from: source(beyond), detail: detail(beyond))
    }

    /// Each issue's summary, then the demonstrating exchange as HTTP.
    static func detail(_ issues: [CORSPolicyIssue]) -> String {
        issues.map { issue in
            ([issue.summary] + issue.evidence.prefix(1).map { CORSExchangeText(evidence: $0).text }).joined(separator: "\n\n")
        }.joined(separator: "\n\n")
    }

    /// Some origin gets CORS headers: `*`, a regex, or a listed origin the engine matches.
    static func allowsSomeOrigin(_ evaluator: CORSEvaluator, _ configuration: CORSConfiguration) -> Bool {
        configuration.allowsAllOrigins || configuration.allowOriginRegex != nil
            || configuration.allowOrigins.contains { entry in
                switch CORSOriginEntry(entry) {
                case .origin, .null: evaluator.isAllowedOrigin(entry)
                case .wildcard: true
                case .unmatchable: false
                }
            }
    }

    /// What a browser does with a credentialed `GET` from the attacker's page, as `cors check` judges it.
    static func attackerVerdict(_ evaluator: CORSEvaluator) -> CORSBrowserVerdict {
        CORSBrowserVerdict(fetch: BrowserFetch(pageOrigin: CORSPolicyAnalysis.attackerOrigin, method: "GET", credentials: .include),
                           evaluator: evaluator)
    }

    /// The engine's exchange and verdict as text for the finding's evidence.
    static func verdictText(_ verdict: CORSBrowserVerdict) -> String {
        var lines = ["A page on \(verdict.fetch.pageOrigin) calls `fetch(url, {credentials: \"include\"})`: \(verdict.withCredentials.reason)"]
        if let response = verdict.withCredentials.response {
            let headers = CORSResponse.headerNames.compactMap { name in response.headers[name].map { "\(name): \($0)" } }
            if !headers.isEmpty { lines.append(headers.joined(separator: "\n")) }
        }
        return lines.joined(separator: "\n\n")
    }

    /// Stands in for the real front-end origin in recommendations when the model names none.
    static let placeholderOrigin = "https://app.example.com"

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}

extension FactValue {
    /// The list, or empty for any other value.
    var listValue: [String] {
        if case .list(let items) = self { return items }
        return []
    }
}
