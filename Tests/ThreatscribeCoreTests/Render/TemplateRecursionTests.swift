import Testing
@testable import ThreatscribeCore

/// A template that includes itself (issue 7) is an error naming the template and the tag, found when the
/// templates are loaded, instead of a renderer that recurses until the stack overflows.
@Suite struct TemplateRecursionTests {
    func renderError(_ templates: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String? {
        let overlay = ReportFixture.templates.overlaid(with: templates)
        var message: String?
        withoutHanging({
            do { _ = try renderReport(ReportFixture.report(), formats: [.markdown, .html], templates: overlay) } catch {
                message = "\(error)"
            }
        }, sourceLocation: sourceLocation)
        return message
    }

    @Test func aPartialIncludingItselfIsRefused() {
        #expect(renderError(["Templates/partials/finding-link.md.mustache": "x\n  {{> partials/finding-link.md }}\n"]) ==
            "Templates/partials/finding-link.md.mustache:2:3: template error: the template includes itself (`partials/finding-link.md` → `partials/finding-link.md`); a report would never end")
    }

    @Test func aCycleThroughOtherTemplatesAndChangedDelimitersIsRefused() {
        let message = renderError([
            "Templates/partials/finding-link.md.mustache": "{{>partials/component.md}}\n",
            "Templates/partials/component.md.mustache": "a {{=<% %>=}}\n<%> partials/finding-link.md %>\n",
        ])
        #expect(message == "Templates/partials/finding-link.md.mustache:1:1: template error: the template includes itself (`partials/component.md` → `partials/finding-link.md` → `partials/component.md`); a report would never end")
    }

    @Test func aTopLevelTemplateIncludingItselfThroughAParentIsRefused() {
        let message = renderError(["Templates/threat-model.md.mustache": "{{<threat-model.md}}{{/threat-model.md}}\n"])
        #expect(message?.hasPrefix("Templates/threat-model.md.mustache:1:1: template error: the template includes itself") == true, "\(String(describing: message))")
    }

    @Test func dynamicPartialsAreRefused() {
        #expect(renderError(["Templates/threat-model.md.mustache": "{{>*name}}\n"]) ==
            "Templates/threat-model.md.mustache:1:1: template syntax error: dynamic partials (`{{>*name}}`) are not supported")
    }

    @Test func theBuiltInTemplatesHaveNoCycle() {
        #expect(renderError([:]) == nil)
    }

    /// Tags are found after set-delimiter tags; a tag's column counts the Unicode scalars before it.
    @Test func inclusionsAreFoundWithTheirScalarColumns() throws {
        let text = "\u{E9}\u{301}\u{2192} {{> x}}\n  {{=<% %>=}}<%< y%><%/y%>"
        #expect(try TemplatePartialGraph.inclusions(in: text, path: "p") == [
            .init(name: "x", line: 1, column: 5), .init(name: "y", line: 2, column: 14),
        ])
    }

    /// Thirty partials each including the next twice would render 2^30 times: stopped by the render
    /// budget (here a smaller one, reached sooner) instead of running for hours; the error names the
    /// template rendered.
    @Test func partialsDoublingAtEveryLevelAreStopped() throws {
        var templates = ["root": "[{{> p0}}]", "p30": "x"]
        for level in 0..<30 {
            templates["p\(level)"] = "{{> p\(level + 1)}}{{> p\(level + 1)}}"
        }
        var parsed: [String: ParsedTemplate] = [:]
        for (name, text) in templates { parsed[name] = try ParsedTemplate(text) }
        let budget = TemplateRenderBudget(maxTags: 100_000)
        withoutHanging {
            #expect(throws: TemplateRenderBudget.Exhausted.tooManyTags) {
                try TemplateRenderer.render(parsed["root"]!, value: .string(""), templates: parsed, budget: budget)
            }
        }
        // Twelve levels (4,096 renderings of `x`) are within the same budget.
        parsed["p12"] = try ParsedTemplate("x")
        #expect(try TemplateRenderer.render(parsed["root"]!, value: .string(""), templates: parsed, budget: budget)
            == "[" + String(repeating: "x", count: 4096) + "]")
    }

    /// A chain of partials each nesting sections (each template within the parser's own limit) is
    /// stopped before the stack is.
    @Test func partialsNestingWithoutPracticalEndAreStopped() {
        let sections = String(repeating: "{{#.}}", count: 150) + "{{> q%d}}" + String(repeating: "{{/.}}", count: 150)
        var templates = ["Templates/threat-model.md.mustache": "{{> q0}}\n"]
        for level in 0..<40 {
            templates["Templates/q\(level).mustache"] = sections.replacingOccurrences(of: "%d", with: "\(level + 1)")
        }
        #expect(renderError(templates) == "Templates/threat-model.md.mustache: template error: sections and partials nest more than \(TemplateRenderBudget.maxDepth) deep when rendered")
    }
}
