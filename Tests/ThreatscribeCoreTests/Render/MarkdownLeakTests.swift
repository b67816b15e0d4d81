import Foundation
import Testing
@testable import ThreatscribeCore

/// No Markdown syntax reaches a reader of the HTML: titles are plain text that each output escapes for
/// itself, so the HTML shows neither backticks nor Markdown escapes (`\<`, `\*`) outside code.
struct MarkdownLeakTests {
    /// The HTML's text outside `<pre>`, `<code>` and `<style>`, tags removed.
    static func prose(of html: String) -> String {
        var text = html
        for element in ["style", "pre", "code"] {
            text = text.replacingOccurrences(of: "<\(element)\\b[^>]*>.*?</\(element)>", with: " ", options: [.regularExpression])
        }
        // `.` does not cross lines in NSRegularExpression: blocks spanning lines are removed line-wise too.
        text = text.replacingOccurrences(of: "(?s)<pre\\b.*?</pre>", with: " ", options: .regularExpression)
        return text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    }

    /// A backslash before ASCII punctuation is a Markdown escape: never meant for a reader.
    static func markdownEscapes(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var found: [String] = []
        for index in scalars.indices.dropLast() where scalars[index] == "\\" {
            let next = scalars[index + 1]
            if next.isASCII && next.properties.isPatternSyntax && next != "\\" {
                found.append(String(String.UnicodeScalarView(scalars[max(0, index - 20)..<min(scalars.count, index + 20)])))
            }
        }
        return found
    }

    @Test("no backtick and no Markdown escape in a Sample's HTML text", arguments: SampleReportTests.samples)
    func sampleHTMLHasNoMarkdown(_ sample: String) throws {
        let html = try #require(try SampleReportTests.rendered(sample).first { $0.name.hasSuffix(".html") })
        let text = Self.prose(of: html.contents)
        let backticks = text.components(separatedBy: "\n").filter { $0.contains("`") }
        #expect(backticks.isEmpty, "\(sample): \(backticks.prefix(3))")
        #expect(Self.markdownEscapes(in: text).isEmpty, "\(sample): \(Self.markdownEscapes(in: text).prefix(3))")
    }

    /// A subject name full of Markdown and HTML syntax is a plain title: the HTML shows it as written
    /// (escaped once, for HTML), the Markdown escapes it once, and the catalog's code-span backticks are gone.
    @Test func titleIsPlainTextInEveryFormat() throws {
        let name = "send_<b>*mail*</b>[x]`y`"
        let model = try ModelLoader.load(text: """
            system: {name: S}
            background_tasks:
              - {name: "\(name)", handles_sensitive_data: true, description: d}
            """, file: "m.yaml")
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let report = try ThreatAnalysis(catalog: catalog).run(on: model, options: .init(generatedAt: "2026-01-01", toolVersion: "t"))
        let finding = try #require(report.findings.first { $0.threatID == "TS-BG-001" })
        #expect(finding.title == "Background task \(name) processes sensitive data after the response, where failures are silent")
        let files = try renderReport(report, formats: [.html, .markdown])
        let html = try #require(files.first { $0.name.hasSuffix(".html") }).contents
        #expect(html.contains("Background task send_&lt;b&gt;*mail*&lt;/b&gt;[x]`y` processes"))
        #expect(!html.contains("\\&lt;") && !html.contains("\\*"))
        let markdown = try #require(files.first { $0.name.hasSuffix(".md") }).contents
        #expect(markdown.contains("Background task send\\_\\<b\\>\\*mail\\*\\</b\\>\\[x\\]\\`y\\` processes"))
    }
}
