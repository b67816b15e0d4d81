import Foundation
import Testing
@testable import ThreatscribeCore

/// The findings of a large document are encoded in chunks on every core and spliced into the document's
/// text: the text is the one the whole document encodes to.
@Suite struct ChunkedJSONTests {
    @Test(arguments: [1, 3, 1000])
    func chunkedFindingsEncodeAsTheWholeDocument(chunkSize: Int) throws {
        for sample in ["fastapi-kubernetes.yaml", "minimal.yaml"] {
            let document = FindingsDocument(report: try SampleReportTests.report(for: sample))
            let chunked = try ExportJSON.text(of: { findings in
                var whole = document
                whole.findings = findings
                return whole
            }, elements: document.findings, chunkSize: chunkSize)
            #expect(chunked == (try ExportJSON.text(of: document)), "\(sample), chunks of \(chunkSize)")
        }
    }

    @Test func chunksOfTheLastLevelKeepTheirIndentation() throws {
        struct Box: Encodable { var name: String; var items: [Item] }
        struct Item: Encodable, Sendable { var text: String; var values: [Int] }
        let items = (0..<10).map { Item(text: "line \($0)\nwith a break, \"quotes\" and / \\", values: Array(0..<($0 % 3))) }
        let chunked = try ExportJSON.text(of: { Box(name: "b", items: $0) }, elements: items, chunkSize: 3)
        #expect(chunked == (try ExportJSON.text(of: Box(name: "b", items: items))))
        #expect(chunked.contains("\n    {\n      \"text\""))
    }

    @Test func exporterWritesTheDocumentOfTheReport() throws {
        var report = try SampleReportTests.report(for: "fastapi-kubernetes.yaml")
        let findings = report.findings
        report.findings = (0..<20).flatMap { copy in
            findings.map { finding in
                var finding = finding
                finding.id += "-\(copy)"
                return finding
            }
        }
        let document = FindingsDocument(report: report)
        #expect(document.findings.count > 256)
        #expect(try FindingsJSONExporter().export(report).contents == (try ExportJSON.text(of: document)))
    }
}
