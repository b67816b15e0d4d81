import Testing
@testable import ThreatscribeCore

/// A fix keeps what the model uses: CORS fixes keep the configured origins, the endpoints' methods
/// and the header that carries the credential; a NetworkPolicy keeps the destinations the model lists.
struct FixPreservationTests {
    private func findings(_ sample: String, _ threat: String) throws -> [Finding] {
        try SampleReportTests.report(for: sample).findings.filter { $0.threatID == threat }
    }

    @Test("allow_headers fixes keep the credential header and today's origins")
    func corsHeadersFix() throws {
        let fixes = try findings("home-security-intelligence.yaml", "TS-CORS-011")
        #expect(!fixes.isEmpty)
        for finding in fixes {
            #expect(finding.recommendation.contains(#"allow_headers=["X-API-Key"]"#), "\(finding.id)")
            #expect(!finding.recommendation.contains("app.example.com"), "\(finding.id)")
        }
        #expect(fixes.contains { $0.recommendation.contains(#"allow_origins=["https://security.example.com"],  # as today"#) })
    }

    @Test("allow_methods fixes keep every method the endpoints use")
    func corsMethodsFix() throws {
        let fixes = try findings("betzenstein-booking.yaml", "TS-CORS-012")
        #expect(!fixes.isEmpty)
        for finding in fixes {
            #expect(finding.recommendation.contains(#"allow_methods=["GET", "POST", "PATCH", "DELETE"]"#), "\(finding.id)")
        }
    }

    @Test("the wildcard fix keeps the Authorization header the OAuth2 front end sends")
    func corsWildcardFix() throws {
        let fixes = try findings("fastapi-kubernetes.yaml", "TS-CORS-001")
        #expect(!fixes.isEmpty)
        for finding in fixes { #expect(finding.recommendation.contains(#"allow_headers=["Authorization"]"#), "\(finding.id)") }
    }

    @Test("the NetworkPolicy keeps egress to the data stores the model lists")
    func networkPolicyKeepsEgress() throws {
        let finding = try #require(try findings("fastapi-kubernetes.yaml", "TS-DEPLOY-002").first)
        #expect(finding.recommendation.contains("{port: 5432, protocol: TCP}, {port: 6379, protocol: TCP}"))
        #expect(finding.recommendation.contains("redis (redis): TCP 6379"))
    }

    @Test("a CORS configuration that refuses the modelled front end is reported, with the engine's reason")
    func refusedClientIsReported() throws {
        let finding = try #require(try findings("fastapi-kubernetes.yaml", "TS-CORS-019").first)
        #expect(finding.description.contains("the preflight does not allow the header authorization"))
        #expect(finding.description.contains("the preflight does not allow DELETE"))
    }
}
