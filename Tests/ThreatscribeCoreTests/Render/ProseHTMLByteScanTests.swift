import Foundation
import Testing
@testable import ThreatscribeCore

/// The prose conversion reads UTF-8 bytes where it read Unicode scalars; these check it against the scalar
/// version it replaced, on the catalog's prose, on hostile text and on random markup.
@Suite struct ProseHTMLByteScanTests {
    @Test func catalogProseConvertsAsScalarByScalar() throws {
        var texts: [String] = []
        for sample in ["fastapi-kubernetes.yaml", "minimal.yaml", "betzenstein-booking.yaml"] {
            let report = try SampleReportTests.report(for: sample)
            texts += ThreatModelView(report: report, catalogEntryCount: report.catalogEntryCount).proseMarkdown
        }
        #expect(texts.count > 50)
        for text in texts { #expect(ProseHTML.html(fromMarkdown: text) == Self.scalarHTML(text)) }
    }

    @Test(arguments: [
        "a & b < c > d \"q\" 'a'", "\u{F8F0}\u{F8F1} placeholders \u{F8F4}x", "e\u{301}<b>\u{301}&\u{600}<i>",
        "`code & <b>` and [link](https://x.example/?a=1&b=\"2\") ![alt \"x\"](https://img.example/a.png)",
        "[bad](javascript:alert(1)) [rel](/a/b) <script>alert(1)</script>", "- a\n- b & c\n\n1. one\n2. two",
        "| a | b |\n| --- | --- |\n| <x> | & |", "```\n<&>\u{1}\u{FFFE}\n```", "\u{1}\u{8}control\u{FFFF} text\u{7F}",
        "# Head & <tail>\n\n> quote 'q'\n\n---\n\n*em* **strong** ~~del~~", "\r\nline\r\n\u{212A}",
    ])
    func hostileProseConvertsAsScalarByScalar(text: String) {
        #expect(ProseHTML.html(fromMarkdown: text) == Self.scalarHTML(text))
    }

    @Test(arguments: ["a\nb", "a\r\nb\r\n\r\nc", "x\n\u{301}y\n\n`code`\nz", "```\na\nb\n```\nc\nd", "- a\n  b\n- c", "# h\nt\n| a |\n| b |", "\n\n", "", "1. x\n2) y\nz"])
    func softLineBreaksJoinAsWithFoundationLines(text: String) {
        #expect(ProseHTML.joiningSoftLineBreaks(text) == ProseHTMLReference.componentsJoiningSoftLineBreaks(text))
    }

    @Test func randomMarkupSanitizesAsScalarByScalar() {
        var generator = SeededGenerator(seed: 13)
        let text = [" ", "=", "\"", "/", "a", "é", "e\u{301}", "\u{600}", "\u{F8F0}", "\u{F8F1}", "\u{F8F4}", "\u{1}", "\u{FFFE}", "\u{1F600}"]
        let markup = ["<p>", "</p>", "<p>x</p>", "<a href=\"https://x.example/?a=1\u{F8F0}b\">l</a>", "<a href=\"javascript:x\">l</a>",
                      "<a href=\"", "\">", "</a>", "<br/>", "<hr>", "<img src=\"a\" alt=\"\u{F8F3}x\u{301}\"/>", "<img/>",
                      "<code class=\"x\">c</code>", "<td align=\"left\">", "</td>", "<x>", "<em>e</em>", "&", ">", "<",
                      "<li title=\"t\u{F8F1}\">", "</li>", "<li  title=\"t\" >i</li>", "<p onclick=\"x\">", "<p title=x>"]
        var wellFormed = 0
        for _ in 0..<3000 {
            let html = (0..<Int.random(in: 1...10, using: &generator)).map { _ in
                (Int.random(in: 0..<10, using: &generator) < 3 ? markup : text).randomElement(using: &generator)!
            }.joined()
            let bytes = XHTMLFragment(sanitizing: html, placeholders: ProseHTML.placeholders)?.text
            let scalars = ScalarXHTMLFragment(sanitizing: html, placeholders: ProseHTML.placeholders)?.text
            #expect(bytes == scalars, "\(html.debugDescription)")
            if bytes != nil { wellFormed += 1 }
        }
        // Both outcomes are exercised: fragments kept and fragments refused.
        #expect(wellFormed > 300 && wellFormed < 2700)
    }

    /// `ProseHTML.html` with the scalar-by-scalar shield and fragment scan.
    private static func scalarHTML(_ markdown: String) -> String {
        guard ProseHTML.openBracketDepth(markdown) <= ProseHTML.maximumOpenBrackets else { return ProseHTML.html(fromMarkdown: markdown) }
        let converted = ProseHTML.inkHTML(ofShielded: scalarShield(ProseHTML.joiningSoftLineBreaks(markdown)))
        return ScalarXHTMLFragment(sanitizing: converted, placeholders: ProseHTML.placeholders)?.text
            ?? ProseHTML.html(fromMarkdown: markdown)
    }

    private static func scalarShield(_ text: String) -> String {
        let shields: [Unicode.Scalar: Unicode.Scalar] = ["&": "\u{F8F0}", "<": "\u{F8F1}", ">": "\u{F8F2}", "\"": "\u{F8F3}", "'": "\u{F8F4}"]
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(ProseHTML.placeholders[scalar] != nil ? "\u{FFFD}" : shields[scalar] ?? scalar)
        }
        return String(result)
    }
}

/// `ProseHTML.joiningSoftLineBreaks` as it was written with Foundation's `components(separatedBy:)`.
enum ProseHTMLReference {
    static func componentsJoiningSoftLineBreaks(_ text: String) -> String {
        var lines: [String] = []
        var inFence = false
        var previousIsParagraph = false
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                lines.append(line)
                previousIsParagraph = false
                continue
            }
            if inFence || trimmed.isEmpty {
                lines.append(line)
                previousIsParagraph = false
                continue
            }
            let startsBlock = line.hasPrefix("    ") || ProseHTMLReference.startsBlockElement(trimmed)
            if previousIsParagraph && !startsBlock && !line.hasPrefix(" ") {
                lines[lines.count - 1] += " " + line
            } else {
                lines.append(line)
            }
            previousIsParagraph = !trimmed.hasPrefix("#") && !trimmed.hasPrefix("|")
        }
        return lines.joined(separator: "\n")
    }

    static func startsBlockElement(_ line: Substring) -> Bool {
        if line.hasPrefix("#") || line.hasPrefix(">") || line.hasPrefix("|") { return true }
        if ["- ", "* ", "+ "].contains(where: { line.hasPrefix($0) }) { return true }
        let digits = line.prefix { $0.isNumber }
        return !digits.isEmpty && (line.dropFirst(digits.count).hasPrefix(". ") || line.dropFirst(digits.count).hasPrefix(") "))
    }

}

/// `XHTMLFragment` as it was written scalar by scalar (before it read UTF-8 bytes): the reference the
/// byte scan must agree with.
///
/// Only the elements Ink emits are accepted, each tag must close in order, and every attribute is
/// `name="value"`. `nil` when the input is anything else. The scan reads Unicode scalars, so a
/// combining mark or Prepend character next to `<`, `>`, `&` or `"` cannot hide it (see `Escaping`).
struct ScalarXHTMLFragment {
    /// The rewritten fragment.
    let text: String

    init?(sanitizing html: String, placeholders: [Unicode.Scalar: String]) {
        let scalars = Array(html.unicodeScalars)
        var output = String.UnicodeScalarView()
        var open: [String] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                guard let close = scalars[index...].firstIndex(of: ">"),
                      let tag = Self.rewrite(tag: scalars[(index + 1)..<close], open: &open, placeholders: placeholders)
                else { return nil }
                output.append(contentsOf: tag.unicodeScalars)
                index = close + 1
                continue
            }
            if scalar == "&" || scalar == ">" { return nil }
            // The text up to the next markup character, escaped as one run.
            var end = index + 1
            while end < scalars.count, scalars[end] != "<", scalars[end] != "&", scalars[end] != ">" { end += 1 }
            output.append(contentsOf: Self.escaped(scalars[index..<end], placeholders: placeholders).unicodeScalars)
            index = end
        }
        guard open.isEmpty else { return nil }
        text = String(output)
    }

    private static let elements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "code", "pre", "em", "strong",
        "del", "s", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
    ]
    private static let voidElements: Set<String> = ["br", "hr"]
    private static let attributes: Set<String> = ["href", "src", "alt", "title", "class", "start", "align"]

    /// Text or an attribute value: placeholders become their entities, everything else goes through
    /// `HTMLEscaping.attribute` (which also replaces XML-illegal characters).
    /// `HTMLEscaping.attribute` maps scalar by scalar, so runs without placeholders are escaped whole.
    private static func escaped(_ scalars: some Sequence<Unicode.Scalar>, placeholders: [Unicode.Scalar: String]) -> String {
        var result = ""
        var run = String.UnicodeScalarView()
        for scalar in scalars {
            guard let placeholder = placeholders[scalar] else { run.append(scalar); continue }
            if !run.isEmpty {
                result += HTMLEscaping.attribute(String(run))
                run = String.UnicodeScalarView()
            }
            result += placeholder
        }
        if !run.isEmpty { result += HTMLEscaping.attribute(String(run)) }
        return result
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// The tag rewritten, or `nil` when it is not one Ink writes.
    private static func rewrite(tag body: ArraySlice<Unicode.Scalar>, open: inout [String], placeholders: [Unicode.Scalar: String]) -> String? {
        if body.first == "/" {
            let name = String(String.UnicodeScalarView(body.dropFirst()))
            guard open.popLast() == name else { return nil }
            return "</\(name)>"
        }
        var rest = body
        if rest.last == "/" { rest = rest.dropLast() }
        let nameScalars = rest.prefix(while: isASCIIAlphanumeric)
        let name = String(String.UnicodeScalarView(nameScalars))
        rest = rest.dropFirst(nameScalars.count)
        if name == "img" { return image(rest, placeholders: placeholders) }
        guard elements.contains(name) else { return nil }
        var tag = "<" + name
        while let start = rest.firstIndex(where: { $0 != " " }) {
            rest = rest[start...]
            guard let equals = rest.firstIndex(of: "="), rest[(equals + 1)...].first == "\"" else { return nil }
            let attribute = String(String.UnicodeScalarView(rest[..<equals]))
            let valueStart = equals + 2
            guard attributes.contains(attribute), let valueEnd = rest[valueStart...].firstIndex(of: "\"") else { return nil }
            var value = rest[valueStart..<valueEnd]
            if attribute == "href" || attribute == "src", !HTMLEscaping.isSafeURL(String(String.UnicodeScalarView(value))) {
                value = ["#"]
            }
            tag += " \(attribute)=\"" + escaped(value, placeholders: placeholders) + "\""
            rest = rest[(valueEnd + 1)...]
        }
        if voidElements.contains(name) { return tag + "/>" }
        open.append(name)
        return tag + ">"
    }

    /// An image would be a request to somewhere else: it is shown as its alt text instead.
    private static func image(_ attributes: ArraySlice<Unicode.Scalar>, placeholders: [Unicode.Scalar: String]) -> String? {
        let marker = Array(" alt=\"".unicodeScalars)
        guard let start = attributes.indices.first(where: { attributes[$0...].starts(with: marker) }) else { return "[image]" }
        let value = attributes[(start + marker.count)...].prefix { $0 != "\"" }
        return "[image: " + escaped(value, placeholders: placeholders) + "]"
    }
}
