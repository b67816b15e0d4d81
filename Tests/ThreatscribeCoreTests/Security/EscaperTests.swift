import Foundation
import Testing
@testable import ThreatscribeCore

/// Each escaper, with every grapheme-merging code point before and after each character that is
/// significant in its context: no significant character survives raw, and where the context is
/// reversible, unescaping gives the input back.
@Suite("Escapers work on Unicode scalars")
struct EscaperTests {
    /// Every merging code point before, after, and on both sides of each of `characters`.
    static func cases(_ characters: String) -> [String] {
        characters.unicodeScalars.flatMap { c in
            GraphemeMergers.all.flatMap { m in ["\(m)\(c)", "\(c)\(m)", "\(m)\(c)\(m)", "a\(m)\(c)\(c)\(m)b"] }
        }
    }

    static let htmlSignificant = "<>&\"'"
    static let markdownSignificant = "\\`*_[]()<>|~#!&-+=.:"

    /// XML entities back to characters.
    static func unescapingXML(_ text: String) -> String {
        text.replacingScalars("&lt;", with: "<").replacingScalars("&gt;", with: ">")
            .replacingScalars("&quot;", with: "\"").replacingScalars("&#39;", with: "'")
            .replacingScalars("&amp;", with: "&")
    }

    /// Whether every `&` starts one of the entities the escaper writes.
    static func ampersandsAreEntities(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.allSatisfy { index in
            scalars[index] != "&" || ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains { entity in
                scalars[index...].starts(with: entity.unicodeScalars)
            }
        }
    }

    @Test("HTML text and attribute values", arguments: cases(htmlSignificant))
    func html(_ input: String) {
        let text = HTMLEscaping.text(input)
        #expect(!text.unicodeScalars.contains { $0 == "<" || $0 == ">" }, "\(text.debugDescription)")
        #expect(Self.ampersandsAreEntities(text))
        #expect(Self.unescapingXML(text).unicodeScalars.elementsEqual(input.unicodeScalars))
        let attribute = HTMLEscaping.attribute(input)
        #expect(!attribute.unicodeScalars.contains { "<>\"'".unicodeScalars.contains($0) }, "\(attribute.debugDescription)")
        #expect(Self.ampersandsAreEntities(attribute))
        #expect(Self.unescapingXML(attribute).unicodeScalars.elementsEqual(input.unicodeScalars))
    }

    @Test("Mustache {{x}} in an HTML template, a partial and after CONTENT_TYPE TEXT uses the scalar escaper")
    func mustacheEscaping() throws {
        let payload = GraphemeMergers.all.map { "\($0)<b \($0)\"\($0)'\($0)>" }.joined()
        var report = ReportFixture.report()
        report.toolVersion = payload
        let templates = ResourceStore.builtIn.overlaid(with: [
            "Templates/threat-model.html.mustache": "<p title=\"{{toolVersion}}\">{{toolVersion}}</p>{{> partials/x.html}}{{%CONTENT_TYPE: TEXT}}<i>{{toolVersion}}</i>{{%CONTENT_TYPE: HTML}}<u>{{toolVersion}}</u>",
            "Templates/partials/x.html.mustache": "<s>{{toolVersion}}</s>",
        ])
        let html = try #require(try renderReport(report, formats: [.html], templates: templates).first).contents
        let tree = XMLDocumentTree(parsing: "<r>" + html + "</r>")
        #expect(tree.error == nil, "\(tree.error ?? "")")
        #expect(tree.elements.map(\.name) == ["r", "p", "s", "i", "u"])
        #expect(tree.elements.allSatisfy { $0.attributes.keys.allSatisfy { $0 == "title" } })
        // Only the two quotes of the template's `title="…"`.
        #expect(html.unicodeScalars.filter { $0 == "\"" }.count == 2)
    }

    @Test("a template syntax error is reported at the template's own line")
    func templateErrorLine() throws {
        let templates = ResourceStore.builtIn.overlaid(with: ["Templates/threat-model.html.mustache": "a\nb {{/x}}\n"])
        #expect(throws: RenderError.templateSyntax(path: "Templates/threat-model.html.mustache", line: 2, column: 6, message: "sectionCloseNameIncorrect")) {
            _ = try renderReport(ReportFixture.report(), formats: [.html], templates: templates)
        }
    }

    @Test("the byte form of the attribute escaper writes every ASCII character as the scalar form does")
    func attributeBytes() {
        for byte in UInt8(0)..<0x80 {
            var output: [UInt8] = []
            HTMLEscaping.appendAttribute(asciiByte: byte, to: &output)
            #expect(String(decoding: output, as: UTF8.self) == HTMLEscaping.attribute(String(Unicode.Scalar(byte))), "byte \(byte)")
        }
    }

    @Test("XML-illegal characters become visible, legal ones")
    func xmlIllegal() {
        #expect(HTMLEscaping.text("a\u{0}\u{1B}]0;t\u{7}\u{FFFE}\u{FFFF}\t\n\r\u{7F}") == "a\u{2400}\u{241B}]0;t\u{2407}\u{FFFD}\u{FFFD}\t\n\r\u{7F}")
        #expect(XMLDocumentTree(parsing: "<p>" + HTMLEscaping.attribute((0..<0x20).map { String(Character(Unicode.Scalar($0)!)) }.joined()) + "</p>").error == nil)
    }

    @Test("URL attributes: scheme allow-list on scalars, then attribute-escaped", arguments: GraphemeMergers.all)
    func urls(_ m: String) {
        #expect(!HTMLEscaping.isSafeURL("javascript:alert(1)\(m)"))
        #expect(!HTMLEscaping.isSafeURL(" \u{1}java\tscript:\(m)alert(1)"))
        #expect(!HTMLEscaping.isSafeURL("\(m)javascript:alert(1)"))
        #expect(HTMLEscaping.isSafeURL("https://example.com/\(m)"))
        #expect(HTMLEscaping.urlAttribute("java\(m)script:x") == "#")
        #expect(!HTMLEscaping.urlAttribute("https://e.com/\(m)\"\(m)>").unicodeScalars.contains { $0 == "\"" || $0 == ">" })
        #expect(HTMLEscaping.webURL("https://example.com/\(m)\"\(m)/onfocus=x") == nil)
        #expect(HTMLEscaping.webURL("https://example.com/\(m)>\(m)<img>") == nil)
        #expect(HTMLEscaping.webURL("HTTPS://example.com/a\u{301}") != nil)
    }

    @Test func webURLsTakeEachASCIICharacterByTheScalarRules() {
        // The rule the ASCII fast path stands for: no whitespace, control, format or XML-illegal scalar, none of `"'<>`\`.
        for value in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(value)
            let plain = !(scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .format || HTMLEscaping.isXMLIllegal(scalar) || "\"'<>`\\".unicodeScalars.contains(scalar))
            #expect((HTMLEscaping.webURL("https://e.com/a\(Character(scalar))b") != nil) == plain, "\(value)")
        }
    }

    /// Whether every Markdown-significant scalar in `text` is preceded by an odd number of backslashes.
    static func allEscaped(_ text: String, significant: String = "\\`*[]<>|~") -> Bool {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\\" { index += 2; continue }
            if significant.unicodeScalars.contains(scalars[index]) { return false }
            index += 1
        }
        return true
    }

    /// Backslash escapes removed.
    static func unescapingMarkdown(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var escaped = false
        for scalar in text.unicodeScalars {
            if scalar == "\\" && !escaped { escaped = true; continue }
            escaped = false
            result.append(scalar)
        }
        return String(result)
    }

    @Test("Markdown inline text", arguments: cases(markdownSignificant))
    func markdownInline(_ input: String) {
        let output = MarkdownEscaping.inline(input)
        #expect(Self.allEscaped(output), "\(output.debugDescription)")
        #expect(Self.unescapingMarkdown(output).unicodeScalars.elementsEqual(input.unicodeScalars))
        #expect(MarkdownEscaping.inline("  # \(input)").unicodeScalars.starts(with: "  \\# ".unicodeScalars))
    }

    @Test("Markdown code span", arguments: cases("`|\\<"))
    func markdownCodeSpan(_ input: String) {
        for inTable in [false, true] {
            let span = MarkdownEscaping.codeSpan(input, inTable: inTable)
            let scalars = Array(span.unicodeScalars)
            let fence = scalars.prefix { $0 == "`" }.count
            #expect(fence > MarkdownEscaping.longestRun(of: "`", in: input.unicodeScalars))
            #expect(scalars.suffix(fence).allSatisfy { $0 == "`" })
            var body = String(String.UnicodeScalarView(scalars.dropFirst(fence).dropLast(fence)))
            if body.unicodeScalars.first == " " && body.unicodeScalars.last == " " { body = String(String.UnicodeScalarView(body.unicodeScalars.dropFirst().dropLast())) }
            if inTable {
                #expect(!body.replacingScalars("\\|", with: "").unicodeScalars.contains("|"))
                body = body.replacingScalars("\\|", with: "|")
            }
            #expect(body.unicodeScalars.elementsEqual(input.unicodeScalars), "\(span.debugDescription)")
        }
    }

    @Test("fenced blocks: no line inside closes the fence, the closing fence closes it", arguments: cases("`~") + ["```x``` <img>", "````\n```\n~~~", "a\r\n```\rb"])
    func fencedBlock(_ input: String) throws {
        let block = MarkdownEscaping.fencedBlock("```" + input + "\n" + input + "```")
        let lines = MarkdownFence.lines(of: block).dropLast()
        let fence = try #require(MarkdownFence.opening(lines.first!))
        #expect(lines.dropFirst().dropLast().allSatisfy { !fence.isClosed(by: $0) }, "\(block.debugDescription)")
        #expect(fence.isClosed(by: lines.last!))
    }

    @Test("fence lines as CommonMark reads them")
    func fences() {
        #expect(MarkdownFence.opening("```` ```x``` ````".unicodeScalars) == nil)
        #expect(MarkdownFence.opening("```x``` <img src=x onerror=alert(1)>".unicodeScalars) == nil)
        #expect(MarkdownFence.opening("```mermaid".unicodeScalars) == MarkdownFence(character: "`", length: 3, indent: 0))
        #expect(MarkdownFence.opening("   ~~~~ a`b".unicodeScalars) == MarkdownFence(character: "~", length: 4, indent: 3))
        #expect(MarkdownFence.opening("    ```".unicodeScalars) == nil)
        #expect(MarkdownFence.opening("``\u{301}`".unicodeScalars) == nil)
        let fence = MarkdownFence(character: "`", length: 4, indent: 0)
        #expect(fence.isClosed(by: "`````  ".unicodeScalars))
        #expect(!fence.isClosed(by: "```".unicodeScalars))
        #expect(!fence.isClosed(by: "```` x".unicodeScalars))
    }

    @Test("HTML in prose is neutralized outside code, whatever merges with `<` or a backtick", arguments: GraphemeMergers.all)
    func neutralizing(_ m: String) {
        let image = "<img src=x onerror=alert(1)>"
        for prose in [
            "\(m)\(image)", "`a `\(m)\(image)`", "```` ```x``` ````\n\(image)", "```x``` \(image)", "\\\(m)\(image)",
            "- a\n  ```\n  x\n\(image)", "``\(m)`\n\(image)",
        ] {
            let output = MarkdownEscaping.neutralizingHTML(in: prose)
            #expect(output.contains("\\<img"), "\(output.debugDescription)")
        }
        // A fence left open is closed with a fence as long and as indented as the opening one.
        #expect(MarkdownEscaping.neutralizingHTML(in: "  ````\n  <b>") == "  ````\n  <b>\n  ````")
    }

    @Test("Mermaid labels", arguments: cases("\"<>&`|;#\n"))
    func mermaid(_ input: String) {
        let label = MermaidEscaping.label(input)
        #expect(!label.unicodeScalars.contains { "\"<>&`|\n".unicodeScalars.contains($0) }, "\(label.debugDescription)")
        #expect(label.replacingOccurrences(of: #"#(\d+|quot|lt|gt|amp);"#, with: "", options: .regularExpression).unicodeScalars.allSatisfy { $0 != "#" && $0 != ";" })
    }
}

extension String {
    /// Every occurrence of `target` replaced, compared scalar by scalar (Foundation's
    /// `replacingOccurrences` compares grapheme clusters and misses `"<\u{301}"`).
    func replacingScalars(_ target: String, with replacement: String) -> String {
        let scalars = Array(unicodeScalars), pattern = Array(target.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index...].starts(with: pattern) {
                result.append(contentsOf: replacement.unicodeScalars)
                index += pattern.count
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
