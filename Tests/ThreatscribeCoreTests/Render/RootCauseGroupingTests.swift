import Testing
@testable import ThreatscribeCore

/// One item per root cause: the same threat on many endpoints is one item that names how many there are,
/// so a model of thousands of routes still gives a report a person reads.
struct RootCauseGroupingTests {
    static func report(endpoints: Int) throws -> String {
        let routes = (0..<endpoints).map { "      - {path: /items/\($0), methods: [POST]}" }.joined(separator: "\n")
        let yaml = """
        system: {name: Many Routes}
        environments:
          - {name: staging, kind: staging, base_url: "https://staging.example.org"}
          - {name: production, kind: production, base_url: "https://api.example.org"}
        routers:
          - prefix: /v1
            endpoints:
        \(routes)
        """
        let model = try ModelLoader.load(text: yaml, file: "many.yaml")
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let analysis = try ThreatAnalysis(catalog: catalog).run(on: model, options: .init(generatedAt: "2026-01-15", toolVersion: "test"))
        #expect(analysis.findings.filter { $0.threatID == "TS-ROUTE-001" }.count == endpoints)
        return try renderReport(analysis, formats: [.markdown])[0].contents
    }

    @Test func theSameThreatOnManyEndpointsIsOneItem() throws {
        let text = try withoutHanging { try Self.report(endpoints: 300) }
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("### ") && $0.contains("has no authentication") }
        #expect(headings.count == 1)
        #expect(headings.first?.contains("(and 299 more endpoints)") == true)
        #expect(text.contains("275 more rows"))
        #expect(text.contains("and 289 more"))
        // Neither environment name ends up in a title.
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("### ") && ($0.hasSuffix(" in production") || $0.hasSuffix(" in staging")) })
        #expect(ReportLengthAndRootCauseTests.wordCount(text) < 4_000)
    }
}
