import Foundation
import Testing
@testable import ThreatscribeCore

/// Every model string in every place: the HTML must stay well-formed and carry no markup from the model.
@Suite struct ReportEscapingTests {
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "[click](javascript:alert(1)) ![i](javascript:alert(1)) <a href=\"javascript:alert(1)\">x</a>",
        "' onfocus='alert(1)' autofocus='",
        "`<script>alert(1)</script>` &lt;script&gt; ]]> <!-- --> <![CDATA[x]]>",
        "*_#|\n# heading\n- item\n```\n<script>alert(1)</script>",
    ]

    @Test(arguments: payloads)
    func htmlCarriesNoMarkupFromTheModel(_ payload: String) throws {
        let report = HostileReport.make(payload)
        let html = try renderReport(report, formats: [.html], templates: ReportFixture.templates)[0].contents
        let tree = XMLDocumentTree(parsing: html)
        #expect(tree.error == nil, "\(tree.error ?? "")")
        #expect(!tree.elements.isEmpty)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<img"))
        for element in tree.elements {
            #expect(!["script", "img", "iframe", "object", "embed", "link", "style"].contains(element.name.lowercased())
                    || (element.name == "style" && element.attributes.isEmpty), "element \(element.name)")
            for (name, value) in element.attributes {
                #expect(!name.lowercased().hasPrefix("on"), "attribute \(name) on \(element.name)")
                #expect(name.lowercased() != "autofocus", "attribute \(name) on \(element.name)")
                let target = value.lowercased().filter { !$0.isWhitespace }
                if ["href", "src", "action", "formaction", "xlink:href"].contains(name.lowercased()) {
                    #expect(target.hasPrefix("#") || target.hasPrefix("https://") || target.hasPrefix("http://"), "\(name)=\(value)")
                }
            }
        }
    }

    @Test(arguments: payloads)
    func markdownCarriesNoRawHTMLFromTheModel(_ payload: String) throws {
        let report = HostileReport.make(payload)
        let markdown = try renderReport(report, formats: [.markdown], templates: ReportFixture.templates)[0].contents
        let text = MarkdownOutsideCode.text(of: markdown)
        // Our own anchors are the only raw HTML; every other `<` is escaped.
        let withoutAnchors = text.replacingOccurrences(of: #"<a id="finding-[a-z0-9-]+"></a>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"<https://[^\s<>"]+>"#, with: "", options: .regularExpression)
        #expect(MarkdownOutsideCode.unescapedAngleBrackets(in: withoutAnchors).isEmpty, "\(MarkdownOutsideCode.unescapedAngleBrackets(in: withoutAnchors))")
        // Model strings outside prose keep the structure: one title line, one mapping row per item.
        #expect(markdown.components(separatedBy: "\n").first == "# Threat model: " + MarkdownEscaping.inline(payload))
        let items = ThreatModelView(report: report, catalogEntryCount: 0).findings.count
        #expect(items > 0)
        #expect(markdown.components(separatedBy: "\n").filter { $0.hasPrefix("| [") }.count == items)
    }

    @Test func proseKeepsCodeButLosesRawHTML() {
        #expect(MarkdownEscaping.neutralizingHTML(in: "a <b> `<c>` \\<d> \\\\<e>\n```\n<f>\n```\n<g>")
                == "a \\<b> `<c>` \\<d> \\\\\\<e>\n```\n<f>\n```\n\\<g>")
        #expect(MarkdownEscaping.neutralizingHTML(in: "x\n````\n<f>") == "x\n````\n<f>\n````")
    }
}

/// Markdown with fenced blocks and code spans removed, for checks on what a renderer would read as markup.
enum MarkdownOutsideCode {
    static func text(of markdown: String) -> String {
        var kept: [String] = []
        var fence: String?
        for line in markdown.components(separatedBy: "\n") {
            let trimmed = line.drop { $0 == " " }
            let run = String(trimmed.prefix { $0 == "`" })
            if let open = fence {
                if run.count >= open.count { fence = nil }
                continue
            }
            if run.count >= 3 { fence = run; continue }
            kept.append(line.replacingOccurrences(of: #"(`+)(?:(?!\1).)+?\1"#, with: "", options: .regularExpression))
        }
        return kept.joined(separator: "\n")
    }

    /// Each `<` not escaped by a backslash, with some context.
    static func unescapedAngleBrackets(in text: String) -> [String] {
        let characters = Array(text)
        var found: [String] = []
        var backslashes = 0
        for (index, character) in characters.enumerated() {
            if character == "<" && backslashes % 2 == 0 {
                found.append(String(characters[max(0, index - 20)..<min(characters.count, index + 20)]))
            }
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        return found
    }
}
