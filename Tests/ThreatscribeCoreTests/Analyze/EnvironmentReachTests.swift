import Testing
@testable import ThreatscribeCore

/// Exposure and bind address lower the likelihood of findings whose attacker must reach the API, and
/// production-only findings never land on an environment reachable from the same host only.
struct EnvironmentReachTests {
    static func findings(_ text: String) throws -> [Finding] {
        let model = try ModelLoader.load(text: text, file: "reach.yaml")
        let analysis = ThreatAnalysis(catalog: CatalogSampleTests.catalog)
        return try analysis.run(on: model, options: .init(generatedAt: "2026-01-01", toolVersion: "test")).findings
    }

    static func login(exposure: String) -> String {
        """
        system: {name: S, exposure: \(exposure)}
        middleware: []
        routers:
          - prefix: /auth
            endpoints:
              - {path: /token, methods: [POST], auth: none, purpose: login}
        """
    }

    @Test func localOrInternalExposureLowersNetworkLikelihood() throws {
        let internet = try #require(try Self.findings(Self.login(exposure: "internet")).first { $0.threatID == "TS-AUTH-011" })
        let intranet = try #require(try Self.findings(Self.login(exposure: "internal")).first { $0.threatID == "TS-AUTH-011" })
        let local = try #require(try Self.findings(Self.login(exposure: "localhost")).first { $0.threatID == "TS-AUTH-011" })
        #expect(intranet.likelihoodScore < internet.likelihoodScore)
        #expect(local.likelihoodScore < intranet.likelihoodScore)
        #expect(local.severity < internet.severity)
        #expect(local.evidence.contains { $0.fact == "exposure" && $0.value.hasPrefix("localhost") })
        #expect(!internet.evidence.contains { $0.fact == "exposure" })
    }

    /// Browser-borne threats (CORS) are as likely on a local API: the victim's browser is local too.
    @Test func browserReachIsNotLowered() throws {
        let text = { (exposure: String) in
            """
            system: {name: S, exposure: \(exposure)}
            middleware:
              - {type: cors, allow_origins: ["*"], allow_credentials: true}
            """
        }
        let internet = try #require(try Self.findings(text("internet")).first { $0.threatID == "TS-CORS-002" })
        let local = try #require(try Self.findings(text("localhost")).first { $0.threatID == "TS-CORS-002" })
        #expect(local.likelihoodScore == internet.likelihoodScore)
    }

    /// An environment of unstated kind on localhost is development: production-only findings stay away.
    @Test func productionOnlyFindingsSkipLocalEnvironments() throws {
        let findings = try Self.findings("""
            system: {name: S}
            deployment:
              ingress: {tls: false}
            environments:
              - {name: local, base_url: "http://localhost:8000"}
              - {name: live, kind: production, base_url: "https://api.example.com"}
            """)
        let ingress = findings.filter { $0.threatID == "TS-DEPLOY-007" }
        #expect(!ingress.isEmpty)
        #expect(ingress.allSatisfy { !$0.environments.contains("local") }, "\(ingress.map(\.id))")
    }
}
