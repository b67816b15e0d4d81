import Foundation

/// Who can reach the API in one environment, from what the model says: a loopback `base_url` of the
/// environment itself, else `system.exposure`, else a loopback bind address (`server.host`) with no
/// ingress in front.
struct EnvironmentReach: Equatable {
    var exposure: Exposure
    /// Why, for evidence: "base_url http://localhost:8000".
    var reason: String
    /// Where the model says so.
    var path: ModelPath

    static let loopbackHosts: Set<String> = ["localhost", "127.0.0.1", "::1", "[::1]"]

    static func of(_ environment: ResolvedEnvironment, path environmentPath: ModelPath?) -> EnvironmentReach? {
        let model = environment.model
        if let base = environment.baseURL, let host = URL(string: base)?.host?.lowercased(), loopbackHosts.contains(host) {
            return EnvironmentReach(exposure: .localhost, reason: "base_url \(base)",
                                    path: environmentPath.map { $0.appending("base_url") } ?? "deployment.public_url")
        }
        if let exposure = model.system.exposure {
            return EnvironmentReach(exposure: exposure, reason: "system.exposure \(exposure.rawValue)", path: "system.exposure")
        }
        if let host = model.server?.host?.lowercased(), loopbackHosts.contains(host), model.deployment?.ingress == nil {
            return EnvironmentReach(exposure: .localhost, reason: "bind address \(host)", path: "server.host")
        }
        return nil
    }

    /// The likelihood factors with opportunity and size capped by who can reach the API: from the same
    /// host only (1), or from an internal network (5). Internet exposure changes nothing.
    func capping(_ factors: RiskFactors) -> RiskFactors {
        let cap: Int
        switch exposure {
        case .internet: return factors
        case .internal: cap = 5
        case .localhost: cap = 1
        }
        var scores = factors.scores
        for key in ["opportunity", "size"] { if let score = scores[key] { scores[key] = min(score, cap) } }
        return RiskFactors(scores: scores)
    }
}

/// How an entry's attacker gets at the API (`reach` in a catalog entry).
public enum ThreatReach: String, Sendable, Equatable, CaseIterable {
    /// The attacker sends requests to the API: fewer can where it is internal or local only.
    case network
    /// The attacker works through the victim's browser (CORS, CSRF, headers, XSS): the browser runs
    /// where the user is, so the API's exposure does not lower the likelihood.
    case browser
    /// The attacker targets what is built and shipped (dependencies, images, the cluster): the
    /// environment's exposure changes nothing.
    case artifact

    /// The reach of an entry that does not state one: `artifact` for build, dependency-advisory and
    /// deployment scopes, `network` otherwise.
    static func defaultReach(forScope scope: String) -> ThreatReach {
        ["build", "advisory", "deployment"].contains(scope) ? .artifact : .network
    }
}
