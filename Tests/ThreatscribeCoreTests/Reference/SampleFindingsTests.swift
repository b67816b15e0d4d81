import Testing
@testable import ThreatscribeCore

/// Each sample's report names the real problems of that system, and nothing its model rules out.
struct SampleFindingsTests {
    func findings(_ sample: String) throws -> [Finding] {
        try SampleReportTests.report(for: sample).findings
    }

    func ids(_ findings: [Finding], _ threat: String) -> [String] {
        findings.filter { $0.threatID == threat }.map(\.id)
    }

    @Test func betzensteinNamesTokensInQueryStringsAndNoWildcard() throws {
        let found = try findings("betzenstein-booking.yaml")
        let tokens = try #require(found.first { $0.threatID == "TS-AUTH-007" }, "tokens in URL query strings must be reported")
        #expect(tokens.cwe.id == "CWE-598")
        // Every environment, the local development one at a lower likelihood (its base_url is localhost).
        let everyToken = found.filter { $0.threatID == "TS-AUTH-007" }
        #expect(Set(everyToken.flatMap(\.environments)) == ["development", "preview", "production"])
        #expect(everyToken.first { $0.environments == ["development"] }?.severity == .medium)
        #expect(ids(found, "TS-CORS-001").isEmpty && ids(found, "TS-CORS-002").isEmpty, "no wildcard origin in this model")
        // methods "*" is eight methods in the modelled 0.x release minus QUERY: name them exactly.
        let methods = try #require(found.first { $0.threatID == "TS-CORS-012" })
        #expect(methods.title.contains("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"))
        // Same evidence everywhere, but each environment allows other origins, which the text names: one per environment.
        #expect(ids(found, "TS-CORS-012") == ["TS-CORS-012@middleware[0]#development", "TS-CORS-012@middleware[0]#preview",
                                              "TS-CORS-012@middleware[0]#production"])
        // The preview allow-list carries localhost with credentials; production does not. That is one
        // finding (TS-CORS-005, loopback origins), not a second one from TS-CORS-013 for the same origin.
        #expect(ids(found, "TS-CORS-005") == ["TS-CORS-005@middleware[0]#preview"])
        #expect(ids(found, "TS-CORS-013").isEmpty)
    }

    @Test func homeSecurityNamesTheZeroOriginsAsLiteralOrigins() throws {
        let found = try findings("home-security-intelligence.yaml")
        let zero = try #require(found.first { $0.threatID == "TS-CORS-006" })
        #expect(zero.environments == ["development"])
        #expect(zero.description.contains("http://0.0.0.0:3000") && zero.description.contains("literally"))
        #expect(zero.evidence.contains { $0.codeLocation?.file == "backend/main.py" }, "evidence cites the service's code")
        #expect(ids(found, "TS-CORS-001").isEmpty && ids(found, "TS-CORS-002").isEmpty)
        #expect(ids(found, "TS-CORS-005").isEmpty, "production overrides the dev origins, so no localhost origin ships")
    }

    @Test func kubernetesServiceShipsTheWildcardToProduction() throws {
        let found = try findings("fastapi-kubernetes.yaml")
        #expect(ids(found, "TS-CORS-001") == ["TS-CORS-001@middleware[0]#production"])
        #expect(ids(found, "TS-DOCS-001") == ["TS-DOCS-001@app#production"])
    }

    @Test func minimalModelRaisesNothingItDoesNotShow() throws {
        let found = try findings("minimal.yaml")
        #expect(found.filter { $0.severity >= .medium }.isEmpty, "\(found.map(\.id))")
    }

    /// Every CORS-family finding cites the evaluator: the request that demonstrates it and Starlette's answer.
    @Test func corsFindingsCiteTheEvaluatorsAnswer() throws {
        for sample in SampleReportTests.samples {
            for finding in try findings(sample) where finding.threatID.hasPrefix("TS-CORS-") && finding.threatID != "TS-CORS-017" {
                #expect(finding.evidence.contains { ($0.detail ?? "").contains("HTTP/1.1") },
                        "\(finding.id) in \(sample) does not show the request and Starlette's response")
            }
        }
    }
}
