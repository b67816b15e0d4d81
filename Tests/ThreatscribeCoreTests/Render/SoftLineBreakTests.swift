import Testing
@testable import ThreatscribeCore

/// Catalog prose wraps lines; a wrapped line that starts with a code span stays in its paragraph.
struct SoftLineBreakTests {
    @Test func lineStartingWithACodeSpanContinuesTheParagraph() {
        let html = ProseHTML.html(fromMarkdown: "lies in the range\n`<1.0.1` of the advisory.\n\nNext paragraph.")
        #expect(html.contains("<p>lies in the range <code>&lt;1.0.1</code> of the advisory.</p>"))
        #expect(html.contains("<p>Next paragraph.</p>"))
    }

    @Test func blocksKeepTheirLines() {
        let text = "Intro\n- one\n- two\n\n```python\na = 1\nb = 2\n```\n# Heading\nbody"
        let joined = ProseHTML.joiningSoftLineBreaks(text)
        #expect(joined == text)
    }
}
