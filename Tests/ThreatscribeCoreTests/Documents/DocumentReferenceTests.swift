import Foundation
import Testing
@testable import ThreatscribeCore

/// Reference tests for the `report` documents: each sample's ADR draft and compliance matrix against
/// committed expected files in `Reference/Expected/<sample>/` (and `…/nygard/` for the Nygard layout).
///
/// A difference writes `*.actual` and fails; accept a reviewed change with
/// `THREATSCRIBE_UPDATE_EXPECTED=1 swift test --filter DocumentReference`.
struct DocumentReferenceTests {
    /// The documents each sample gets, and a folder under the sample's expected folder.
    static func documents(for sample: String) throws -> [(folder: String, files: [RenderedFile])] {
        let report = try SampleReportTests.report(for: sample)
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        var result: [(String, [RenderedFile])] = [
            ("", try ADRDocument(decision: .corsPolicy).render(report)),
            ("", try ComplianceDocument(standard: .asvs5).render(report, catalog: catalog)),
            ("nygard", try ADRDocument(decision: .corsPolicy, style: .nygard, number: 11).render(report)),
        ]
        if sample == "betzenstein-booking.yaml" || sample == "fastapi-kubernetes.yaml" {
            for decision in ADRDecision.allCases where decision != .corsPolicy {
                result.append(("", try ADRDocument(decision: decision).render(report)))
            }
            for standard in ComplianceStandard.allCases where standard != .asvs5 {
                result.append(("", try ComplianceDocument(standard: standard).render(report, catalog: catalog)))
            }
        }
        return result
    }

    @Test("sample documents match the expected files", arguments: SampleReportTests.samples)
    func matchesExpected(_ sample: String) throws {
        let update = ProcessInfo.processInfo.environment["THREATSCRIBE_UPDATE_EXPECTED"] == "1"
        for (subfolder, files) in try Self.documents(for: sample) {
            var folder = SampleReportTests.expectedFolder.appendingPathComponent(String(sample.dropLast(".yaml".count)))
            if !subfolder.isEmpty { folder = folder.appendingPathComponent(subfolder) }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in files {
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

    @Test("document HTML is well-formed and makes no external request", arguments: SampleReportTests.samples)
    func wellFormedHTML(_ sample: String) throws {
        for (_, files) in try Self.documents(for: sample) {
            for html in files where html.name.hasSuffix(".html") {
                let tree = XMLDocumentTree(parsing: html.contents)
                #expect(tree.error == nil, "\(sample) \(html.name): \(tree.error ?? "")")
                for element in tree.elements {
                    #expect(!["script", "link", "iframe", "img", "object", "embed"].contains(element.name), "\(sample) \(html.name): <\(element.name)>")
                }
            }
        }
    }

    @Test("two runs give byte-identical documents", arguments: SampleReportTests.samples)
    func deterministic(_ sample: String) throws {
        #expect(try Self.documents(for: sample).map(\.files) == Self.documents(for: sample).map(\.files))
    }
}
