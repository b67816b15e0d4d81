import Testing
@testable import ThreatscribeCore

/// The catalog's prose converted ahead (`ProseHTMLTemplates`) gives the same bytes as Ink's path, for
/// the catalog's own texts filled with benign and hostile values, and for made-up texts that put
/// placeholders where Ink reads characters specially.
@Suite struct ProseHTMLTemplateTests {
    /// Values a slot may take, and values it must refuse (or convert exactly as Ink does).
    static let values = [
        "a", "x-1", "1.2", "0.52.1", "a b", "GET /items/{item_id}", "$BASE_URL", "'https://api.example.com'",
        "\"q\"", "<b>", "a&b", "&amp;", "a=b;c", "50%", "x@y?z=1", "^", "+1", "-", ".", "a:b", "b,c", "1. x",
        "- x", "# h", "a_b", "_", "*x*", "**", "a\\b", "\\", "!x", "![a](b)", "[x]", "(y)", "a)", "[a](b)",
        "a  b", "  ", "`", "``", "```", "a|b", "~~a~~", "~", "", " a", "a ", "a\nb", "é", "e\u{301}", "\u{F8F1}",
        "\u{E000}", "javascript:alert(1)", "    x", "\ta", "=", "---", "1)", "12", "<p>", "x\r", "'", "{", "$",
    ]

    /// The text with each placeholder replaced by a value (placeholder `i` of fill `k` by
    /// `values[(k + 7 * i) % count]`).
    static func filled(_ template: ProseHTMLTemplate, fill: Int) -> String {
        var text = template.markdown[0]
        for index in template.slots.indices {
            text += values[(fill + 7 * index) % values.count] + template.markdown[index + 1]
        }
        return text
    }

    /// Every slot of every built-in template filled with a spread of the values: where the template
    /// converts the filled text, it gives exactly Ink's HTML; benign values are taken.
    @Test func catalogTemplatesMatchInkForBenignAndHostileValues() {
        let templates = ProseHTMLTemplates.builtIn.templates
        #expect(templates.count > 300)
        var taken = 0
        for (number, template) in templates.enumerated() {
            for round in 0..<8 {
                let text = Self.filled(template, fill: number + round * 11)
                guard let fast = template.html(ofFilled: text) else { continue }
                taken += 1
                #expect(fast == ProseHTML.inkPathHTML(fromMarkdown: text), "\(template.markdown[0].prefix(60)) with fill \(number + round * 11)")
            }
            // One benign value everywhere is always taken.
            let benign = template.markdown.dropFirst().reduce(template.markdown[0]) { $0 + "abc" + $1 }
            #expect(template.html(ofFilled: benign) == ProseHTML.inkPathHTML(fromMarkdown: benign))
        }
        #expect(taken > templates.count / 4)
    }

    /// Placeholders where Ink reads characters specially: at the start of a line (lists, headings, code
    /// fences), around emphasis, inside links and unclosed link targets, in tables, headings, quotes
    /// and code blocks. Each is filled with every value; the result is Ink's whenever the template takes it.
    @Test func madeUpTemplatesMatchInkWhereverTheyConvert() {
        let texts = [
            "{{a}}. b", "{{a}}) b", "x\n{{a}}\ny", "- {{a}}\n- {{b}}", "# {{a}}", "## t {{a}}", "> {{a}}",
            "*{{a}}*", "_{{a}}_ x_", "**{{a}}** and *b", "[{{a}}](https://x)", "[t](https://{{a}})",
            "[t](x `{{a}}` y", "[t][r `{{a}}`", "![{{a}}](p.png)", "| h |\n|---|\n| {{a}} |", "`{{a}}`", "``{{a}}``",
            "`{{a}}` `{{b}}`", "```bash\ncurl {{a}}\n```", "```\n{{a}}\n```", "```{{a}}\nx\n```", "x {{a}}  \ny",
            "x \\{{a}}", "a{{b}}c", "{{a}}", "1. {{a}}", "    {{a}}", "x `{{a}}\ny`", "&{{a}};", "<{{a}}>",
            "x\n\n{{a}}\n\n---", "---\n{{a}}: b\n---", "[{{a}}]: https://x\n\n[r][{{a}}]", "~~{{a}}~~", "x ~~{{a}} y",
            "a  {{a}}  b", "t\n- {{a}}\n  {{b}}", "{{a}}\n===", "[[[[[x {{a}}", "[[[[x {{a}}",
        ]
        var compiled = 0
        var taken = 0
        for text in texts {
            guard let template = ProseHTMLTemplate(compiling: text) else { continue }
            compiled += 1
            for fill in Self.values.indices {
                let filled = Self.filled(template, fill: fill)
                guard let fast = template.html(ofFilled: filled) else { continue }
                taken += 1
                #expect(fast == ProseHTML.inkPathHTML(fromMarkdown: filled), "\(text.debugDescription) with \(filled.debugDescription)")
            }
        }
        #expect(compiled > texts.count / 2)
        #expect(taken > 200)
    }

    /// Texts without placeholders are looked up whole, with Ink's HTML.
    @Test func fixedTextsAreInksHTML() {
        let entries = PrecompiledProseHTML.entries.filter { $0.count == 2 }
        #expect(entries.count > 100)
        for entry in entries.prefix(40) {
            #expect(ProseHTMLTemplates.builtIn.html(of: entry[0]) == ProseHTML.inkPathHTML(fromMarkdown: entry[0]))
        }
    }

    /// The prose of the Sample reports: every text the templates convert is Ink's HTML, and most are.
    @Test(arguments: ["betzenstein-booking.yaml", "fastapi-kubernetes.yaml", "home-security-intelligence.yaml"])
    func sampleProseTakesTheTemplates(sample: String) throws {
        let report = try SampleReportTests.report(for: sample)
        let view = ThreatModelView(report: report, catalogEntryCount: report.catalogEntryCount)
        let texts = Set(view.proseMarkdown)
        var taken = 0
        for text in texts {
            guard let fast = ProseHTMLTemplates.builtIn.html(of: text) else { continue }
            taken += 1
            #expect(fast == ProseHTML.inkPathHTML(fromMarkdown: text), "\(text.prefix(80))")
        }
        #expect(taken * 2 > texts.count, "\(taken) of \(texts.count) texts converted ahead")
    }

    /// The generated source is what the catalog and `ProseHTML` give now (run scripts/regenerate.sh).
    @Test func generatedProseHTMLIsFresh() throws {
        let catalog = try BuiltInCatalog.precompiled()
        let expected = ProseHTMLTemplates.entries(of: ProseHTMLTemplates.catalogTexts(of: catalog.entries))
        #expect(expected.count == PrecompiledProseHTML.entries.count)
        #expect(expected == PrecompiledProseHTML.entries, "Generated/PrecompiledProseHTML.swift is stale: run bash scripts/regenerate.sh")
    }

    @Test func swiftLiteralsRoundTrip() {
        #expect(ProseHTMLTemplates.swiftLiteral("a\"b\\c\nd\u{1}é") == #""a\"b\\c\nd\u{1}\u{e9}""#)
    }
}
