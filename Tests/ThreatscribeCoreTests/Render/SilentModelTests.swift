import Testing
@testable import ThreatscribeCore

/// A model that names the system and nothing else: the report says "not assessed" instead of filling in.
@Suite struct SilentModelTests {
    static func report() -> AnalysisReport {
        let model = ReportFixture.model(#"{"system": {"name": "Bare API"}}"#)
        let environment = ResolvedEnvironment(name: "default", kind: nil, baseURL: nil, model: model, locations: ModelLocations())
        return AnalysisReport(
            model: LoadedModel(file: "bare.yaml", base: model, baseLocations: ModelLocations(), environments: [environment]),
            environments: ["default"], findings: [], controlReviews: [],
            notAssessed: ["the middleware pipeline", "data flows"], generatedAt: "2026-01-15", toolVersion: "0.1.0"
        )
    }

    @Test func saysWhatIsNotAssessed() throws {
        let files = try renderReport(Self.report(), formats: [.markdown, .html], templates: ReportFixture.templates)
        let markdown = files[0].contents
        // What the model leaves out is asked, once, in the summary; nothing is filled in.
        #expect(markdown.contains("- Which middleware does the app add, and in what order?"))
        #expect(markdown.contains("- What data flows between the parts, and is each flow encrypted?"))
        #expect(markdown.contains("The model claims no controls."))
        #expect(!markdown.contains("Owner"))
        #expect(markdown.contains("No threat in the catalog applies to Bare API as modelled."))
        #expect(!markdown.contains("```mermaid"))
        let tree = XMLDocumentTree(parsing: files[1].contents)
        #expect(tree.error == nil, "\(tree.error ?? "")")
        #expect(!tree.elements.contains { $0.name == "svg" })
    }
}
