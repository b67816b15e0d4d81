import Testing
@testable import ThreatscribeCore

/// What rendering shares between formats and documents for speed (one prepared view for Markdown and
/// HTML, one process-wide prose memo) changes no output.
@Suite struct SharedRenderingTests {
    @Test func formatsRenderedTogetherMatchEachRenderedAlone() throws {
        let report = try SampleReportTests.report(for: "fastapi-kubernetes.yaml")
        let together = try renderReport(report, formats: [.markdown, .html, .json])
        let view = ThreatModelView(report: report, catalogEntryCount: report.catalogEntryCount)
        let alone = try MarkdownReportRenderer().render(view, templates: .builtIn)
            + HTMLReportRenderer().render(view, templates: .builtIn)
            + [FindingsJSONExporter().export(report)]
        #expect(together.map(\.name) == ["threat-model.md", "threat-model.html", "threat-model.json"])
        #expect(together == alone)
    }

    @Test func proseMemoConvertsLikeProseHTMLAndStopsGrowingAtItsLimit() {
        let memo = ProseHTMLMemo(byteLimit: 256)
        let short = "Use `Depends(oauth2)` on *every* router."
        let long = String(repeating: "A long paragraph with <b>markup</b> & text. ", count: 10)
        #expect(memo.html(fromMarkdown: short) == ProseHTML.html(fromMarkdown: short))
        // Beyond the limit: not kept, still converted.
        #expect(memo.html(fromMarkdown: long) == ProseHTML.html(fromMarkdown: long))
        #expect(memo.html(fromMarkdown: long) == ProseHTML.html(fromMarkdown: long))
        #expect(memo.keptBytes <= 256)
        #expect(memo.keptBytes > 0)
    }

    @Test func escapingFastPathsAgreeWithTheScalarRules() {
        // Printable ASCII is kept; ASCII controls are dropped or become spaces, as other controls are.
        #expect(MarkdownEscaping.singleLine("plain ASCII ~!@#") == "plain ASCII ~!@#")
        #expect(MarkdownEscaping.singleLine("a\u{7F}b\u{1}c\td\u{85}e\u{2028}f") == "abc de f")
        // `_` inside an ASCII or non-ASCII word is not emphasis; next to punctuation it is escaped.
        #expect(MarkdownEscaping.inline("allow_origins é_é 1_2 _x") == "allow_origins é_é 1_2 \\_x")
        #expect(CommandVariable.used(in: "no variables here") == [])
        #expect(CommandVariable.used(in: "curl \"$BASE_URL/x\" -H \"${API_HOST}\" $BASE_URLS") == [.baseURL, .apiHost])
    }

    @Test func commandVariablesAreWholeShellNames() {
        // In declaration order, each once, whatever order and how often the text uses them.
        #expect(CommandVariable.used(in: "$IMAGE $BASE_URL ${IMAGE:?set} \"$BASE_URL\"") == [.baseURL, .image])
        // A longer name is another variable: a letter (ASCII or not), a digit or `_` continues it.
        for text in ["$BASE_URLS", "$BASE_URL1", "$BASE_URL_2", "${BASE_URLé}", "$IMAGEʼ", "$image", "$ BASE_URL", "${{BASE_URL}"] {
            #expect(CommandVariable.used(in: text) == [], "\(text)")
        }
        // Anything else ends it, as the shell reads it: punctuation, `$`, a combining mark, the end.
        for text in ["$$BASE_URL", "${BASE_URL#*://}", "x$BASE_URL", "$BASE_URL\u{301}", "é$BASE_URL", "${BASE_URL", "$BASE_URL"] {
            #expect(CommandVariable.used(in: text) == [.baseURL], "\(text)")
        }
    }
}
