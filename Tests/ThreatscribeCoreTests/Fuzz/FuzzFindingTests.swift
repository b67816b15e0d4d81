import Testing
@testable import ThreatscribeCore

/// Inputs the fuzz targets in `Fuzz/` found, minimised, with what must happen instead.
///
/// A finding whose fix is not in yet is wrapped in `withKnownIssue`: the test shows the problem
/// still exists, and fails ("known issue was not recorded") once it is fixed — then drop the wrapper.
struct FuzzFindingTests {
    /// `FuzzEscapers`: Ink's link parser backtracks exponentially on `[` that never close, about
    /// ×4 per `[a` (14 take 1.2 s in a debug build, 20 take minutes). Catalog prose reaches Ink
    /// unescaped, and a user catalog can come from a pull request. Model values are escaped
    /// (`\[`), which Ink handles in linear time — unless a grapheme merge hides the `[` (issue 7 #1).
    @Test func unclosedBracketsInProseRenderQuickly() {
        for prose in [String(repeating: "[a", count: 14), String(repeating: "![a", count: 14),
                      String(repeating: "[", count: 14) + "a" + String(repeating: "]", count: 14)] {
            let html = withoutHanging { ProseHTML.html(fromMarkdown: prose) }
            #expect(html.hasPrefix("<p>"))
        }
        // Links, escaped brackets and a few open ones still go through Ink.
        #expect(ProseHTML.openBracketDepth("[a](https://x) \\[\\[\\[\\[\\[ [b] [c") == 1)
        #expect(ProseHTML.html(fromMarkdown: "See [the docs](https://example.com).").contains("<a href=\"https://example.com\">"))
    }

    /// `FuzzOriginRegex`: the sloppy-regex probe builds up to 4,000 candidate fills per sequence
    /// item and verifies each, so a pattern of many `.` costs seconds to minutes (30 dots: 5 s,
    /// 1,000 dots: 94 s in a debug build). It runs for every `allow_origin_regex` in `validate`,
    /// `analyze` and `cors check`.
    @Test func sloppyRegexProbeIsQuickOnLongWildcardRuns() throws {
        let regex = try OriginRegex("https://" + String(repeating: ".", count: 16) + "example.com")
        _ = withoutHanging { SloppyOriginRegexProbe.findings(for: regex) }
        // The weakness is still found: an unescaped dot lets a look-alike domain through.
        let sloppy = try OriginRegex(#"https://.*.example\.com"#)
        #expect(SloppyOriginRegexProbe.findings(for: sloppy).map(\.weakness).contains(.unescapedDot))
    }

    /// `FuzzEscapers`: prose whose fenced block is followed by a less indented line came out with the
    /// fence still open. `neutralizingHTML` reads such a line as ending the list item that holds the
    /// fence, but at the top level CommonMark keeps it inside the fence, which then swallows the rest
    /// of the report and turns its later fences inside out (issue 7 #3). Catalog prose reaches it.
    @Test func proseFenceEndedByALessIndentedLineIsClosed() {
        #expect(MarkdownEscaping.neutralizingHTML(in: "  ```\nx\n<b>") == "  ```\n  ```\nx\n\\<b>")
        // In a list item the closing line changes nothing: the item ends after it as before.
        #expect(MarkdownEscaping.neutralizingHTML(in: "- a\n  ~~~~\n  <c>\nb") == "- a\n  ~~~~\n  <c>\n  ~~~~\nb")
    }

    /// `FuzzEscapers`: Ink (0.6) reads past the end of its text — a fatal "String index is out of
    /// bounds", crashing the renderer — when spaces or tabs after a list item end the prose
    /// (`"- \n "`, found by mutating catalog prose). A user catalog can come from a pull request.
    @Test func proseEndingInWhitespaceAfterAListRenders() {
        #expect(ProseHTML.html(fromMarkdown: "- \n ") == "<ul><li></li></ul>")
        #expect(ProseHTML.html(fromMarkdown: "1. a\n   ") == "<ol><li>a</li></ol>")
        #expect(ProseHTML.html(fromMarkdown: "* x\n\t") == "<ul><li>x</li></ul>")
    }

    /// `FuzzOriginRegex`: a pattern of about forty items, many optional (`x?`), costs the
    /// sloppy-regex probe about 1.4 s in an ASan release build (a 10 s timeout while the machine
    /// was busy): every sequence item multiplies the samples and fills up to the limit, and the
    /// strings grow with the pattern. Fixed: at most 64 literal readings are kept.
    @Test func sloppyRegexProbeIsQuickOnManyOptionalItems() throws {
        let regex = try OriginRegex("https?\u{FFFD}?\u{FFFD}\u{FFFD}\u{FFFD}1}?x?xample\\.https?\u{FFFD}?\u{FFFD}2}?wwexam?\u{FFFD}2}?wwexple\\.campL.cpamL0?.}e?:@uuu?uuu\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}ap\u{0}m/")
        _ = withoutHanging { SloppyOriginRegexProbe.findings(for: regex) }
        // Intended domains behind optional parts are still all found.
        let optional = try OriginRegex(#"https://(www\.)?(app\.)?example\.(com|org)"#)
        #expect(Set(SloppyOriginRegexProbe.legitimateSamples(optional.root)).count == 8)
    }
}
