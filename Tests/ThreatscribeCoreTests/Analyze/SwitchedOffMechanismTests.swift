import Testing
@testable import ThreatscribeCore

/// A mechanism the shipped default switches off (`enabled: false`) protects no route, yet the finding that
/// says so must name the routes that rely on it (it read "serves these endpoints to anyone: ." before).
struct SwitchedOffMechanismTests {
    @Test func offByDefaultFindingNamesTheRoutesThatNameTheMechanism() throws {
        let text = """
            system: {name: Sample API}
            auth:
              - {id: basic, type: http_basic, transport: header, enabled_by_setting: AUTH_ENABLED, enabled_by_default: false, enabled: false}
            routers:
              - prefix: /v1
                dependencies: [basic]
                endpoints:
                  - {path: /items, methods: [GET]}
                  - {path: /items, methods: [POST]}
            """
        let model = try ModelLoader.load(text: text, file: "model.yaml")
        let report = try ThreatAnalysis(catalog: CatalogSampleTests.catalog)
            .run(on: model, options: .init(generatedAt: "2026-01-01", toolVersion: "test"))
        let finding = try #require(report.findings.first { $0.threatID == "TS-AUTH-015" })
        #expect(finding.description.contains("GET /v1/items"), "\(finding.description)")
        #expect(finding.description.contains("POST /v1/items"), "\(finding.description)")
        #expect(!finding.description.contains("anyone: ."))
        // Switched off, it protects nothing: the POST is unauthenticated.
        #expect(report.findings.contains { $0.threatID == "TS-ROUTE-001" })
    }
}
