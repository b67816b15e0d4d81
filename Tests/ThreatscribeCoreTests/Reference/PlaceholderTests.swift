import Foundation
import Testing
@testable import ThreatscribeCore

/// Issue 9: no placeholder reaches what a reader copies. Values come from the model, or from a variable
/// the report defines once before the commands (`BASE_URL`).
struct PlaceholderTests {
    /// Stand-ins that must never appear in a report.
    static let placeholders = ["<parameter>", "(not described)"]

    /// Every Sample and every real-project model.
    static let models: [String] = {
        let samples = SampleReportTests.samples.map { "Samples/\($0)" }
        let real = RealProjectTests.projects.map { "Tests/ThreatscribeCoreTests/RealProjects/\($0)/model.yaml" }
        return samples + real
    }()

    static func markdown(_ path: String) throws -> (report: AnalysisReport, text: String) {
        let text = try String(contentsOf: SampleReportTests.root.appendingPathComponent(path), encoding: .utf8)
        let model = try ModelLoader.load(text: text, file: path)
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let report = try ThreatAnalysis(catalog: catalog).run(on: model, options: .init(generatedAt: "2026-01-15", toolVersion: "reference"))
        return (report, try renderReport(report, formats: [.markdown])[0].contents)
    }

    @Test("no unfilled placeholder in the report", arguments: models)
    func noPlaceholder(_ path: String) throws {
        let (report, text) = try Self.markdown(path)
        for placeholder in Self.placeholders {
            #expect(!text.contains(placeholder), "\(path): \(placeholder)")
        }
        // A made-up host (`PREVIEW_HOST`) never; the variable `$API_HOST` is defined once and fine.
        #expect(text.firstMatch(of: /(^|[^$\w{])[A-Z][A-Z0-9_]*_HOST\b(?!=)/) == nil, "\(path): NAME_HOST stand-in")
        // The example origin only where the CORS configuration names no real (HTTPS, non-local) origin of its own.
        let configuredOrigins = report.model.environments.flatMap { environment in
            (environment.model.middleware ?? []).filter { $0.type == .cors }.flatMap { $0.allowOrigins ?? [] }
        }
        let namesRealOrigin = configuredOrigins.contains { $0.hasPrefix("https://") && !$0.contains("localhost") && !$0.contains("127.0.0.1") }
        if namesRealOrigin {
            #expect(!text.contains("https://app.example.com"), "\(path): example origin although the model names its own")
        }
        // Every variable a command uses is defined once, before the findings.
        for variable in CommandVariable.used(in: text) {
            #expect(text.contains("export \(variable.rawValue)=") || text.contains("\(variable.rawValue)=\""), "\(path): $\(variable.rawValue) never defined")
        }
    }
}
