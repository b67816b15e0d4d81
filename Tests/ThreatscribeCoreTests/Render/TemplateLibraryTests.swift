import Testing
@testable import ThreatscribeCore

/// Of the built-in templates only those a document needs are parsed; a user's templates are all parsed,
/// so a mistake in any of them is reported whichever document is rendered.
@Suite struct TemplateLibraryTests {
    /// Every built-in template parses and none includes itself (the lazily parsed libraries check only
    /// the templates they render).
    @Test func theBuiltInTemplatesAllParse() throws {
        _ = try TemplateLibrary(.builtIn)
    }

    /// A library parsed for one template renders it as the whole library does.
    @Test func aLibraryForOneTemplateRendersLikeTheWholeLibrary() throws {
        let view = ThreatModelView(report: ReportFixture.report(), catalogEntryCount: 2)
        let whole = try TemplateLibrary(.builtIn)
        for name in ["threat-model.md", "threat-model.html"] {
            let rendered = try TemplateLibrary.parsed(.builtIn, rendering: name).render(view, template: name)
            #expect(rendered == (try whole.render(view, template: name)), "\(name)")
            #expect(rendered.count > 1000)
        }
    }

    @Test func aMistakeInAnUnusedUserTemplateIsStillReported() {
        let templates = ReportFixture.templates.overlaid(with: ["Templates/documents/unused.md.mustache": "a\n{{#open}}\n"])
        #expect(throws: RenderError.self) {
            _ = try renderReport(ReportFixture.report(), formats: [.markdown], templates: templates)
        }
    }

    @Test func aMissingTemplateIsAnError() {
        #expect(throws: RenderError.self) {
            _ = try TemplateLibrary.parsed(.builtIn, rendering: "no-such").render(0, template: "no-such")
        }
    }

    /// Sections nested deeper than the parser allows are a syntax error at the tag that opens one
    /// too many (swift-mustache overflowed the stack on a few thousand); the limit itself parses.
    @Test func sectionsNestedTooDeepAreAnError() throws {
        let limit = TemplateParser.maxDepth
        _ = try ParsedTemplate(String(repeating: "{{#a}}", count: limit) + String(repeating: "{{/a}}", count: limit))
        let text = "x\n" + String(repeating: "{{#a}}", count: limit + 1) + String(repeating: "{{/a}}", count: limit + 1)
        let templates = ReportFixture.templates.overlaid(with: ["Templates/threat-model.md.mustache": text])
        #expect(throws: RenderError.templateSyntax(path: "Templates/threat-model.md.mustache", line: 2, column: 6 * (limit + 1) + 1,
                                                   message: "sections nested more than 200 deep")) {
            _ = try renderReport(ReportFixture.report(), formats: [.markdown], templates: templates)
        }
    }
}
