import Foundation

/// Pure analysis of one CORSMiddleware configuration for one Starlette release and environment:
/// typed ``CORSPolicyIssue``s, each with evidence computed by ``CORSEvaluator``.
///
/// It states facts only; whether an issue matters (e.g. loopback origins outside production) is
/// decided by whoever consumes ``issues``, using ``environment`` and ``isProduction``.
public struct CORSPolicyAnalysis: Sendable {
    /// An origin no legitimate deployment owns, used in evidence requests.
    public static let attackerOrigin = "https://attacker.example"

    /// The analysed configuration.
    public let configuration: CORSConfiguration
    /// The analysed Starlette release.
    public let version: StarletteVersion
    /// The environment name the configuration belongs to (e.g. `production`, `dev`).
    public let environment: String
    /// The environment is a production one, as the input says.
    public let isProduction: Bool
    /// The issues, in a stable order (by configuration position, then kind).
    public let issues: [CORSPolicyIssue]

    /// Analyses `configuration` for `version` in `environment`.
    public init(configuration: CORSConfiguration, version: StarletteVersion = .newestKnown, environment: String, isProduction: Bool) {
        self.configuration = configuration
        self.version = version
        self.environment = environment
        self.isProduction = isProduction
        do {
            let evaluator = try CORSEvaluator(configuration: configuration, version: version)
            issues = CORSPolicyRules(evaluator: evaluator, environment: environment, isProduction: isProduction).issues()
        } catch {
            let subject = configuration.allowOriginRegex.map { _ in "allow_origin_regex" } ?? "allow_private_network"
            let named: String
            switch error {
            case .unsupportedArgument(let name, _, _): named = name
            case .invalidRegex, .unsupportedRegex, .regexTooComplex: named = "allow_origin_regex"
            default: named = subject
            }
            issues = [CORSPolicyIssue(kind: .invalidConfiguration, subject: named, summary: error.description)]
        }
    }

    /// Issues of one kind.
    public func issues(ofKind kind: CORSPolicyIssue.Kind) -> [CORSPolicyIssue] {
        issues.filter { $0.kind == kind }
    }
}

/// The checks behind ``CORSPolicyAnalysis``, one method per family of issues.
struct CORSPolicyRules {
    let evaluator: CORSEvaluator
    let environment: String
    let isProduction: Bool

    private var configuration: CORSConfiguration { evaluator.configuration }
    private var version: StarletteVersion { evaluator.version }
    private let attacker = CORSPolicyAnalysis.attackerOrigin

    func issues() -> [CORSPolicyIssue] {
        originIssues() + regexIssues() + wildcardRequestIssues() + credentialIssues() + varyIssues() + privateNetworkIssues()
    }

    private func evidence(_ request: CORSRequest) -> CORSEvidence {
        CORSEvidence(request: request, response: evaluator.response(to: request))
    }

    private func get(_ origin: String, cookie: Bool = false) -> CORSEvidence {
        evidence(CORSRequest(method: "GET", origin: origin, hasCookie: cookie))
    }

    private var environmentNote: String {
        isProduction ? " It is listed for the production environment '\(environment)'." : ""
    }

    // MARK: allow_origins entries

    private func originIssues() -> [CORSPolicyIssue] {
        var issues: [CORSPolicyIssue] = []
        var seen = Set<String>()
        for entry in configuration.allowOrigins where seen.insert(entry).inserted {
            switch CORSOriginEntry(entry) {
            case .wildcard:
                if configuration.allowCredentials { continue }  // reported by credentialIssues()
                issues.append(CORSPolicyIssue(
                    kind: .wildcardOrigin, subject: entry,
                    summary: "Every origin may read non-credentialed responses (Access-Control-Allow-Origin: *)."
                        + (version.reflectsAnyOriginWithCredentials ? ""
                           : " In Starlette \(version) a request carrying a Cookie even gets its origin reflected (without Access-Control-Allow-Credentials)."),
                    evidence: [get(attacker)] + (version.reflectsAnyOriginWithCredentials ? [] : [get(attacker, cookie: true)])))
            case .null:
                issues.append(CORSPolicyIssue(
                    kind: .nullOriginAllowed, subject: entry,
                    summary: "Origin `null` is allowed: any site can send it from a sandboxed iframe, a data: or file: document, or after a cross-origin redirect."
                        + (configuration.allowCredentials ? " With allow_credentials this grants credentialed reads to those." : ""),
                    evidence: [get("null", cookie: true)]))
            case let .unmatchable(reason, suggestion):
                // The origin the author presumably meant: the suggestion, or the glob filled in.
                let probe = suggestion ?? entry.replacingOccurrences(of: ":*", with: ":3000").replacingOccurrences(of: "*", with: "app")
                issues.append(CORSPolicyIssue(
                    kind: .unmatchableOrigin, subject: entry,
                    summary: "`\(entry)` can never equal a browser's Origin header (\(reason.rawValue)); Starlette compares origins exactly."
                        + (suggestion.map { " The browser sends `\($0)`." } ?? ""),
                    unmatchableReason: reason, evidence: [get(probe)]))
            case let .origin(scheme, host, _, hostKind):
                if scheme != "http" && scheme != "https" {
                    issues.append(CORSPolicyIssue(
                        kind: .customSchemeOrigin, subject: entry,
                        summary: "`\(scheme)://` is an app or extension scheme; any installed app or extension that can use it gets access." + environmentNote,
                        evidence: [get(entry)]))
                    continue
                }
                switch hostKind {
                case .unspecifiedAddress:
                    issues.append(CORSPolicyIssue(
                        kind: .unspecifiedAddressOrigin, subject: entry,
                        summary: "`\(entry)` is one literal origin — a page loaded from the address \(host) — not \"any origin on all interfaces\": pages served from the machine's real addresses do not match it." + environmentNote,
                        evidence: [get(entry), get("http://192.168.1.20" + (entry.split(separator: ":").count > 2 ? ":" + entry.split(separator: ":").last! : ""))]))
                case .loopback:
                    issues.append(CORSPolicyIssue(
                        kind: .loopbackOrigin, subject: entry,
                        summary: "Any local process or page served on \(host) of the user's machine (dev servers, other apps) gets the access granted to `\(entry)`." + environmentNote,
                        evidence: [get(entry, cookie: configuration.allowCredentials)]))
                case .privateNetwork:
                    issues.append(CORSPolicyIssue(
                        kind: .privateNetworkOrigin, subject: entry,
                        summary: "`\(entry)` is on a private or link-local network; whoever controls that address on the user's network gets access." + environmentNote,
                        evidence: [get(entry, cookie: configuration.allowCredentials)]))
                case .publicHost:
                    break
                }
                if scheme == "http" && hostKind == .publicHost {
                    issues.append(CORSPolicyIssue(
                        kind: .cleartextOrigin, subject: entry,
                        summary: "`\(entry)` is served over cleartext HTTP: a network attacker can inject script into it and inherit its access.",
                        evidence: [get(entry, cookie: configuration.allowCredentials)]))
                }
            }
        }
        return issues
    }

    // MARK: allow_origin_regex

    private func regexIssues() -> [CORSPolicyIssue] {
        guard let regex = evaluator.originRegex else { return [] }
        var issues = SloppyOriginRegexProbe.findings(for: regex, version: version).map { finding in
            CORSPolicyIssue(
                kind: .sloppyOriginRegex, subject: regex.pattern,
                summary: "allow_origin_regex admits `\(finding.attackerOrigin)` (\(finding.weakness.rawValue)), which is not \(finding.intendedDomains.joined(separator: " or ")) or a subdomain of it"
                    + (version.matchesOriginRegexFully ? " (re.fullmatch)." : " (re.match before 0.13.1)."),
                regexFinding: finding,
                evidence: [get(finding.attackerOrigin, cookie: configuration.allowCredentials)])
        }
        if let runaway = OriginRegexBacktrackingProbe.find(in: regex, version: version) {
            // No exchange as evidence: the engine's "no match" for the probe is the exhausted budget, not an answer.
            issues.append(CORSPolicyIssue(
                kind: .backtrackingOriginRegex, subject: regex.pattern,
                summary: "allow_origin_regex backtracks without bound: deciding the Origin `\(runaway.attackOrigin)` takes Python's `re` more than \(runaway.stepBudget) steps, and Starlette runs the regex on the Origin of every request that sends one.",
                backtracking: runaway))
        }
        if evaluator.isAllowedOrigin("null") && !configuration.allowOrigins.contains("null") && !configuration.allowsAllOrigins {
            issues.append(CORSPolicyIssue(
                kind: .nullOriginAllowed, subject: regex.pattern,
                summary: "allow_origin_regex admits the origin `null` (sandboxed iframes, data: and file: documents, redirects).",
                evidence: [get("null", cookie: true)]))
        }
        return issues
    }

    // MARK: allow_methods / allow_headers

    private func wildcardRequestIssues() -> [CORSPolicyIssue] {
        var issues: [CORSPolicyIssue] = []
        let sample = firstAllowedOrigin ?? attacker
        if configuration.allowsAllMethods {
            issues.append(CORSPolicyIssue(
                kind: .wildcardMethods, subject: "allow_methods=[\"*\"]",
                summary: "`*` expands to \(version.wildcardMethods.joined(separator: ", ")) in Starlette \(version); every allowed origin may send any of them.",
                evidence: [evidence(.preflight(origin: sample, method: "DELETE"))]))
        }
        if configuration.allowsAllHeaders {
            issues.append(CORSPolicyIssue(
                kind: .wildcardHeaders, subject: "allow_headers=[\"*\"]",
                summary: "`*` mirrors whatever Access-Control-Request-Headers asks for, including Authorization, so the wildcard's browser-side exceptions (credentials, Authorization) never apply.",
                evidence: [evidence(.preflight(origin: sample, method: "GET", headers: ["Authorization", "X-Anything"]))]))
        }
        return issues
    }

    /// An origin the configuration admits, for evidence: the first well-formed list entry.
    private var firstAllowedOrigin: String? {
        configuration.allowOrigins.first { entry in
            if case .origin = CORSOriginEntry(entry) { return true }
            return false
        }
    }

    // MARK: credentials

    private func credentialIssues() -> [CORSPolicyIssue] {
        guard configuration.allowCredentials else { return [] }
        if configuration.allowsAllOrigins {
            let summary = version.reflectsAnyOriginWithCredentials
                ? "Starlette \(version) reflects every Origin, including `null`, with Access-Control-Allow-Credentials: true: any site can make credentialed requests and read the responses."
                : "Starlette \(version) reflects the Origin with Access-Control-Allow-Credentials: true only when the request carries a Cookie: any site can read cookie-authenticated responses; requests without a cookie get `*`, which browsers refuse with credentials."
            let evidence = version.reflectsAnyOriginWithCredentials
                ? [get(attacker), get("null")]
                : [get(attacker, cookie: true), get(attacker)]
            return [CORSPolicyIssue(kind: .wildcardOriginWithCredentials, subject: "allow_origins=[\"*\"] + allow_credentials=True", summary: summary, evidence: evidence)]
        }
        var broad: [String] = []
        for entry in configuration.allowOrigins {
            switch CORSOriginEntry(entry) {
            case .null: broad.append(entry)
            case let .origin(scheme, _, _, kind) where scheme == "http" || kind != .publicHost: broad.append(entry)
            default: break
            }
        }
        if let regex = evaluator.originRegex, let finding = SloppyOriginRegexProbe.attackerOrigin(for: regex, version: version) {
            broad.append(finding.attackerOrigin)
        }
        guard !broad.isEmpty else { return [] }
        return [CORSPolicyIssue(
            kind: .credentialsWithBroadOrigins, subject: "allow_credentials=True",
            summary: "Credentialed reads are granted to origins that others can control or that are not the production front end: \(broad.joined(separator: ", ")).",
            evidence: broad.map { get($0, cookie: true) })]
    }

    // MARK: Vary

    private func varyIssues() -> [CORSPolicyIssue] {
        guard !version.alwaysSendsVary else { return [] }
        let allowed: CORSEvidence? = {
            if configuration.allowsAllOrigins {
                let e = get(attacker, cookie: true)
                return e.response.allowOrigin == attacker ? e : nil
            }
            if let origin = firstAllowedOrigin ?? (evaluator.originRegex.flatMap { SloppyOriginRegexProbe.legitimateSamples($0.root).first { evaluator.isAllowedOrigin($0) } }) {
                return get(origin)
            }
            return nil
        }()
        let other = get("https://other.example")
        guard let allowed, allowed.response.vary != nil, other.response.vary == nil else { return [] }
        return [CORSPolicyIssue(
            kind: .missingVary, subject: "Vary",
            summary: "Starlette \(version) sends `Vary: Origin` only when it reflects the origin: a shared cache can store the response without Access-Control-Allow-Origin (or with another origin) and serve it to everyone. Fixed in 1.7.0.",
            evidence: [allowed, other])]
    }

    // MARK: allow_private_network

    private func privateNetworkIssues() -> [CORSPolicyIssue] {
        guard configuration.allowsPrivateNetwork else { return [] }
        return [CORSPolicyIssue(
            kind: .privateNetworkAccess, subject: "allow_private_network=True",
            summary: "Preflights asking for private-network access get Access-Control-Allow-Private-Network: true, so public pages of allowed origins may reach this service on a private network.",
            evidence: [evidence(.preflight(origin: firstAllowedOrigin ?? attacker, method: "GET", privateNetwork: true))])]
    }
}
