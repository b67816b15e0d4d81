import Foundation
import Testing
@testable import ThreatscribeCore

/// Issue 7, item 3 (fence desync) and item 1 in Markdown: model and catalog text that starts with a
/// run of three or more backticks, or puts a grapheme-merging character next to a markup character,
/// brings no raw HTML into `threat-model.md`, as read by a CommonMark renderer that allows HTML.
@Suite("Model text brings no raw HTML into the Markdown report")
struct MarkdownInjectionTests {
    /// A raw HTML piece (as a JSON string) that a template writes: an anchor or its end.
    nonisolated(unsafe) static let templateAnchor = #/"(<a id=\\"[a-z0-9-]+\\">|</a>)(\\n)?"/#

    static var python: URL { SampleReportTests.root.appendingPathComponent(".venv-test/bin/python") }

    /// Every raw HTML piece markdown-it (CommonMark, HTML allowed) passes through.
    static func rawHTML(in markdown: String) throws -> [String] {
        let process = Process()
        process.executableURL = python
        process.arguments = [SampleReportTests.root.appendingPathComponent("scripts/security/markdown_html.py").path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(Data(markdown.utf8)); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test(
        "markdown-it finds no raw HTML from model or catalog text",
        .enabled(if: FileManager.default.isExecutableFile(atPath: MarkdownInjectionTests.python.path),
                 "markdown-it-py is NOT installed: CommonMark check skipped (bash scripts/security/setup.sh)"))
    func noRawHTML() throws {
        for report in HostileSampleReports.all {
            #expect(report.markdown.contains("onerror=\"document.title=atob"), "\(report.name): payload text missing")
            // The templates' own anchors (`<a id="finding-…">`, ids made of `[a-z0-9-]`) are the only raw HTML allowed.
            let html = try Self.rawHTML(in: report.markdown).filter { $0.wholeMatch(of: Self.templateAnchor) == nil }
            #expect(html.isEmpty, "\(report.name): raw HTML \(html.prefix(5))")
        }
    }
}
