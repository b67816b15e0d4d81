import Foundation
import Testing
@testable import ThreatscribeCore

/// Reference tests for `report mitigation` and `report config-doc`: every document of every sample
/// model against committed expected Markdown and HTML files.
///
/// A difference writes the actual file next to the expected one (`*.actual`) and fails. To accept a
/// reviewed change: `THREATSCRIBE_UPDATE_EXPECTED=1 swift test --filter SampleDocument`.
struct SampleDocumentTests {
    static let expectedFolder = SampleReportTests.root.appendingPathComponent("Tests/ThreatscribeCoreTests/Documents/Expected")

    enum Document: CustomStringConvertible, Sendable {
        case mitigation(MitigationControl)
        case configDoc(ConfigDocControl)

        static let all: [Document] = MitigationControl.allCases.map(Document.mitigation) + ConfigDocControl.allCases.map(Document.configDoc)

        var description: String {
            switch self {
            case .mitigation(let c): "mitigation-\(c.rawValue)"
            case .configDoc(let c): "config-doc-\(c.rawValue)"
            }
        }

        func view(_ report: AnalysisReport) -> DocumentView {
            switch self {
            case .mitigation(let c): MitigationDocument(control: c, report: report).view
            case .configDoc(let c): ConfigDocDocument(control: c, report: report).view
            }
        }

        var kind: DocumentKind {
            switch self {
            case .mitigation: .mitigation
            case .configDoc: .configDoc
            }
        }
    }

    /// Each sample analysed once (the analysis is the slow part), shared by every test here.
    static let reports: [String: AnalysisReport] = Dictionary(uniqueKeysWithValues: SampleReportTests.samples.map { sample in
        (sample, try! SampleReportTests.report(for: sample))
    })

    static func report(_ sample: String) throws -> AnalysisReport { try #require(reports[sample]) }

    static func render(_ sample: String, _ document: Document) throws -> [RenderedFile] {
        try DocumentRenderer(kind: document.kind).render(document.view(try report(sample)), formats: [.markdown, .html])
    }

    /// Every document of every sample, rendered once.
    static let renderedAll: [String: [RenderedFile]] = {
        var all: [String: [RenderedFile]] = [:]
        for sample in SampleReportTests.samples {
            for document in Document.all { all["\(sample) \(document)"] = try! render(sample, document) }
        }
        return all
    }()

    static func rendered(_ sample: String, _ document: Document) throws -> [RenderedFile] {
        try #require(renderedAll["\(sample) \(document)"])
    }

    static func markdown(_ sample: String, _ document: Document) throws -> String {
        try #require(try rendered(sample, document).first { $0.name.hasSuffix(".md") }).contents
    }

    @Test("documents match the expected files", arguments: SampleReportTests.samples)
    func matchesExpected(_ sample: String) throws {
        let folder = Self.expectedFolder.appendingPathComponent(String(sample.dropLast(".yaml".count)))
        let update = ProcessInfo.processInfo.environment["THREATSCRIBE_UPDATE_EXPECTED"] == "1"
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for document in Document.all {
            for file in try Self.rendered(sample, document) {
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
    }

    @Test("document HTML is well-formed and loads nothing", arguments: SampleReportTests.samples)
    func wellFormedHTML(_ sample: String) throws {
        for document in Document.all {
            let html = try #require(try Self.rendered(sample, document).first { $0.name.hasSuffix(".html") })
            let tree = XMLDocumentTree(parsing: html.contents)
            #expect(tree.error == nil, "\(sample) \(document): \(tree.error ?? "")")
            for element in tree.elements {
                #expect(!["script", "link", "iframe", "img", "object", "embed"].contains(element.name), "\(sample) \(document): <\(element.name)>")
            }
        }
    }

    @Test("two runs give byte-identical documents", arguments: SampleReportTests.samples)
    func deterministic(_ sample: String) throws {
        for document in Document.all {
            #expect(try Self.render(sample, document) == Self.rendered(sample, document))
        }
    }
}
