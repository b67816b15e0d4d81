import Testing
@testable import ThreatscribeCore

struct BatchIndexTests {
    @Test func modelTextStaysInItsCellAndLinksStayLinks() throws {
        var report = try SampleReportTests.report(for: "minimal.yaml")
        report.model.base.system.name = "x | <img src=x onerror=alert(1)> [a](javascript:b)"
        report.model.file = "evil`|.yaml"
        let entry = BatchIndex.Entry(directory: "a b/(c)", report: report, files: ["threat-model.md"])
        let markdown = BatchIndex(generatedAt: "2026-01-15", models: [entry]).markdown
        let row = try #require(markdown.split(separator: "\n").last.map(String.init))
        #expect(row.hasPrefix("| x \\| \\<img src=x onerror=alert(1)\\> \\[a\\](javascript:b) | "), "\(row)")
        #expect(row.hasSuffix("| [a b/(c)](<a%20b/%28c%29/threat-model.md>) |"), "\(row)")
        #expect(row.components(separatedBy: " | ").count == 9, "one cell per column: \(row)")
    }
}
