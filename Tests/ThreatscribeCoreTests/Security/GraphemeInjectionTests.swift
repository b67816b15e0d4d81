import Foundation
import Testing
@testable import ThreatscribeCore

/// Issue 7, items 1 and 5: every grapheme-merging class before and after each markup-significant
/// character, in every string field of every Sample and every catalog-supplied field, gives an inert,
/// well-formed report — checked by libxml2's HTML tokenizer, libxml2's strict XML parser and headless
/// Chromium.
@Suite("Grapheme clusters and control characters cannot break out of the HTML report")
struct GraphemeInjectionTests {
    static var reports: [HostileSampleReports.Rendered] { HostileSampleReports.all }

    @Test("the payload reaches many fields of every sample")
    func payloadIsPlaced() {
        for report in Self.reports where report.replaced >= 0 {
            #expect(report.replaced >= (report.name == "minimal.yaml" ? 3 : 10), "\(report.name): only \(report.replaced) strings hold the payload")
            #expect(report.html.contains("document.title=atob"), "\(report.name): payload text missing from the HTML")
        }
    }

    @Test("an HTML tokenizer finds no element or attribute from model text")
    func tokenizerFindsNoMarkup() {
        for report in Self.reports {
            let hostile = HTMLTokenTree(parsing: report.html).hostile
            #expect(hostile.isEmpty, "\(report.name): \(hostile.prefix(5))")
        }
    }

    @Test("the report stays well-formed XML (no C0 control characters, U+FFFE or U+FFFF)")
    func staysWellFormed() {
        for report in Self.reports {
            let tree = XMLDocumentTree(parsing: report.html)
            #expect(tree.error == nil, "\(report.name): \(tree.error ?? "")")
            let illegal = report.html.unicodeScalars.filter { ($0.value < 0x20 && !["\t", "\n", "\r"].contains($0)) || $0.value == 0xFFFE || $0.value == 0xFFFF }
            #expect(illegal.isEmpty, "\(report.name): \(illegal.count) XML-illegal characters")
        }
    }

    @Test(
        "headless Chromium runs no script and builds no element from model text",
        .enabled(if: HeadlessChromium.path != nil, "chromium is NOT installed: browser check skipped (bash scripts/install-test-deps.sh)"))
    func chromiumRunsNoScript() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("threatscribe-grapheme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Served as text/html (a .html file), the way a reader opens the report.
        let files = try Self.reports.map { report in
            let file = folder.appendingPathComponent("\(report.name).html")
            try report.html.write(to: file, atomically: true, encoding: .utf8)
            return file
        }
        let dumps = try HeadlessChromium.dumpDOM(of: files)
        for (report, dom) in zip(Self.reports, dumps) {
            #expect(dom.contains("</html>"), "\(report.name): Chromium printed no DOM")
            #expect(!dom.contains(HostilePayload.word), "\(report.name): a script from model text ran")
            let hostile = HTMLTokenTree(parsing: dom).hostile
            #expect(hostile.isEmpty, "\(report.name): Chromium built \(hostile.prefix(5))")
        }
    }
}
