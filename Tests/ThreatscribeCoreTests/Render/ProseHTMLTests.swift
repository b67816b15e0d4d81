import Testing
@testable import ThreatscribeCore

@Suite struct ProseHTMLTests {
    @Test func escapesMarkupBeforeInkAndDoesNotEscapeCodeTwice() {
        let html = ProseHTML.html(fromMarkdown: "Use `a < b && c` and <b>bold</b> & x")
        #expect(html == "<p>Use <code>a &lt; b &amp;&amp; c</code> and &lt;b&gt;bold&lt;/b&gt; &amp; x</p>")
    }

    @Test func entitiesInTheSourceStayVisibleText() {
        // `&lt;` written in prose is shown as the five characters, in text and in code alike.
        #expect(ProseHTML.html(fromMarkdown: "&lt;script&gt; and `&amp;`") == "<p>&amp;lt;script&amp;gt; and <code>&amp;amp;</code></p>")
    }

    @Test func codeBlocksKeepTheirText() {
        let html = ProseHTML.html(fromMarkdown: "```html\n<script>alert(\"x\")</script>\n```")
        #expect(html == "<pre><code class=\"language-html\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\n</code></pre>")
    }

    @Test func dangerousLinkTargetsBecomeFragments() {
        #expect(ProseHTML.html(fromMarkdown: "[a](javascript:alert(1))").contains("href=\"#\""))
        #expect(ProseHTML.html(fromMarkdown: "[a](JaVa\tScRiPt:alert(1))").contains("href=\"#\""))
        #expect(ProseHTML.html(fromMarkdown: "![a \"chart\"](https://tracker.example/p.png)") == "[image: a &quot;chart&quot;]")
        #expect(ProseHTML.html(fromMarkdown: "[a](https://owasp.org/x?a=1&b=2)") == "<p><a href=\"https://owasp.org/x?a=1&amp;b=2\">a</a></p>")
        #expect(HTMLEscaping.isSafeURL("/relative/path"))
        #expect(HTMLEscaping.isSafeURL("#anchor"))
        #expect(!HTMLEscaping.isSafeURL(" vbscript:x"))
    }

    @Test func voidElementsAreClosed() {
        #expect(ProseHTML.html(fromMarkdown: "a\n\n---\n\nb").contains("<hr/>"))
    }
}
