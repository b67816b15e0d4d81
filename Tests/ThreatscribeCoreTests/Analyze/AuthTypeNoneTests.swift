import Testing
@testable import ThreatscribeCore

/// An auth mechanism of `type: none` authenticates nobody: routes that name it are public, not authenticated.
struct AuthTypeNoneTests {
    @Test func mechanismOfTypeNoneIsNotAuthentication() throws {
        let model = try ModelLoader.load(text: """
            system: {name: S}
            middleware: []
            auth:
              - {id: anonymous, type: none}
            routers:
              - prefix: /items
                dependencies: [anonymous]
                endpoints:
                  - {path: /, methods: [POST]}
            controls:
              - {name: Auth, kind: authentication}
            """, file: "none.yaml")
        let report = try ThreatAnalysis(catalog: CatalogSampleTests.catalog)
            .run(on: model, options: .init(generatedAt: "2026-01-01", toolVersion: "test"))
        // Public and state-changing without a rate limit: reviewed as a public endpoint.
        #expect(report.findings.contains { $0.threatID == "TS-ROUTE-010" }, "\(report.findings.map(\.id))")
        #expect(report.controlReviews.first?.verdict == .unverifiable)
    }
}
