import Testing
@testable import ThreatscribeCore

@Suite struct MarkdownReportRendererTests {
    @Test func rendersTheFixtureAsExpected() throws {
        let files = try renderReport(ReportFixture.report(), formats: [.markdown], templates: ReportFixture.templates)
        #expect(files.map(\.name) == ["threat-model.md"])
        RenderSnapshot.check(files[0].contents, against: "threat-model.md")
    }

    @Test func escapesMarkdownStructureInModelStrings() {
        #expect(MarkdownEscaping.inline("a|b *c* [x](y) <b> # 1. &lt; _e_ allow_origins 0.1.0") == ##"a\|b \*c\* \[x\](y) \<b\> # 1. \&lt; \_e\_ allow_origins 0.1.0"##)
        #expect(MarkdownEscaping.inline("# h") == ##"\# h"##)
        #expect(MarkdownEscaping.inline("- item\nnext") == #"\- item next"#)
        #expect(MarkdownEscaping.inline("12. point") == #"12\. point"#)
        #expect(MarkdownEscaping.codeSpan("a`b") == "``a`b``")
        #expect(MarkdownEscaping.codeSpan("a|b", inTable: true) == #"`a\|b`"#)
        #expect(MarkdownEscaping.fencedBlock("x\n```\ny") == "````\nx\n```\ny\n````\n")
    }

    @Test func modelStringsCannotBreakTheMarkdownStructure() throws {
        let hostile = "| x | <script>alert(1)</script>\n# heading\n- item"
        var model = ReportFixture.model()
        model.system.name = hostile
        let text = try renderReport(ReportFixture.report(model: model), formats: [.markdown], templates: ReportFixture.templates)[0].contents
        #expect(!text.contains("<script>"))
        #expect(!text.contains("\n# heading"))
        #expect(text.contains(##"# Threat model: \| x \| \<script\>alert(1)\</script\> # heading - item"##))
    }
}
