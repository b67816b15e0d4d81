import Foundation
import Testing
@testable import ThreatscribeCore

/// Reference tests: every sample model → committed expected Markdown and HTML reports.
///
/// A difference writes the actual file next to the expected one (`*.actual`) and fails. To accept a
/// reviewed change: `THREATSCRIBE_UPDATE_EXPECTED=1 swift test --filter SampleReport`.
struct SampleReportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let expectedFolder = root.appendingPathComponent("Tests/ThreatscribeCoreTests/Reference/Expected")

    static let samples: [String] = {
        let folder = root.appendingPathComponent("Samples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// The pipeline as the CLI runs it, with the date and version fixed.
    static func report(for sample: String) throws -> AnalysisReport {
        let path = "Samples/\(sample)"
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        let model = try ModelLoader.load(text: text, file: path)
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        return try ThreatAnalysis(catalog: catalog).run(on: model, options: .init(generatedAt: "2026-01-15", toolVersion: "reference"))
    }

    static func rendered(_ sample: String) throws -> [RenderedFile] {
        try renderReport(try report(for: sample), formats: [.markdown, .html])
    }

    @Test func thereAreSamples() {
        #expect(Self.samples.count >= 4)
    }

    @Test("sample report matches the expected files", arguments: samples)
    func matchesExpected(_ sample: String) throws {
        let folder = Self.expectedFolder.appendingPathComponent(String(sample.dropLast(".yaml".count)))
        let update = ProcessInfo.processInfo.environment["THREATSCRIBE_UPDATE_EXPECTED"] == "1"
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in try Self.rendered(sample) {
            let expectedURL = folder.appendingPathComponent(file.name)
            let actualURL = folder.appendingPathComponent(file.name + ".actual")
            if update { try file.contents.write(to: expectedURL, atomically: true, encoding: .utf8) }
            let expected = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? ""
            if expected == file.contents {
                try? FileManager.default.removeItem(at: actualURL)
            } else {
                try file.contents.write(to: actualURL, atomically: true, encoding: .utf8)
                Issue.record("\(sample): \(file.name) differs from \(expectedURL.path); actual written to \(actualURL.lastPathComponent)")
            }
        }
    }

    @Test("sample HTML is well-formed and makes no external request", arguments: samples)
    func wellFormedHTML(_ sample: String) throws {
        let html = try #require(try Self.rendered(sample).first { $0.name.hasSuffix(".html") })
        let tree = XMLDocumentTree(parsing: html.contents)
        #expect(tree.error == nil, "\(sample): \(tree.error ?? "")")
        #expect(!tree.elements.isEmpty)
        for element in tree.elements {
            #expect(!["script", "link", "iframe", "img", "object", "embed"].contains(element.name), "\(sample): <\(element.name)>")
            #expect(element.attributes["src"] == nil, "\(sample): src on <\(element.name)>")
        }
    }

    /// Component sections must not present one environment's settings as everyone's.
    @Test func componentFactsNameEachEnvironmentWhereTheyDiffer() throws {
        let markdown = try #require(try Self.rendered("betzenstein-booking.yaml").first { $0.name.hasSuffix(".md") }).contents
        let corsRow = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| 1 | CORSMiddleware |") })
        #expect(corsRow.contains("development: allow_origins=\\[\"http://localhost:3000\"\\]"))
        #expect(corsRow.contains("production: allow_origins=\\[\"https://betzenstein.app\"\\]"))
    }

    @Test("two runs give byte-identical files", arguments: samples)
    func deterministic(_ sample: String) throws {
        #expect(try Self.rendered(sample) == Self.rendered(sample))
    }
}
