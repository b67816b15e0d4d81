import Testing
@testable import ThreatscribeCore

@Suite struct HTMLReportRendererTests {
    private func html(_ report: AnalysisReport = ReportFixture.report()) throws -> String {
        let files = try renderReport(report, formats: [.html], templates: ReportFixture.templates)
        #expect(files.map(\.name) == ["threat-model.html"])
        return files[0].contents
    }

    @Test func rendersTheFixtureAsExpected() throws {
        RenderSnapshot.check(try html(), against: "threat-model.html")
    }

    @Test func isWellFormedXML() throws {
        let tree = XMLDocumentTree(parsing: try html())
        #expect(tree.error == nil, "\(tree.error ?? "")")
        #expect(tree.elements.first?.name == "html")
        #expect(tree.elements.first?.attributes["lang"] == "en")
        #expect(tree.elements.contains { $0.name == "meta" && $0.attributes["charset"] == "utf-8" })
        // The summary comes first: no table of contents before it.
        #expect(tree.elements.first { $0.name == "section" }?.attributes["id"] == "summary")
        #expect(tree.elements.contains { $0.name == "svg" })
    }

    @Test func makesNoExternalRequestsAndRunsNoScript() throws {
        let tree = XMLDocumentTree(parsing: try html())
        #expect(!tree.elements.contains { ["script", "link", "iframe", "object", "embed", "img"].contains($0.name.lowercased()) })
        for element in tree.elements {
            #expect(element.attributes["src"] == nil)
            if element.name == "a", let href = element.attributes["href"] {
                // In-page anchors, and the finding's reference links, which load nothing by themselves.
                #expect(href.hasPrefix("#") || href.hasPrefix("https://"), "\(href)")
            }
        }
    }

    @Test func rendersAreByteIdentical() throws {
        let report = ReportFixture.report()
        let first = try renderReport(report, formats: [.markdown, .html], templates: ReportFixture.templates)
        let second = try renderReport(report, formats: [.markdown, .html], templates: ReportFixture.templates)
        #expect(first == second)
    }

    @Test func aTemplateOverlayChangesTheOutput() throws {
        let report = ReportFixture.report()
        let overlay = ReportFixture.templates.overlaid(with: [
            "Templates/partials/finding-link.html.mustache": "<li class=\"custom\">{{title}}</li>\n",
            "Templates/threat-model.md.mustache": "{{%CONTENT_TYPE: MARKDOWN}}\n# Custom report for {{systemName}}\n",
        ])
        let builtIn = try renderReport(report, formats: [.markdown, .html], templates: ReportFixture.templates)
        let custom = try renderReport(report, formats: [.markdown, .html], templates: overlay)
        #expect(custom[0].contents == "# Custom report for Betzenstein Bookings\n")
        #expect(custom[1].contents.contains("<li class=\"custom\">Any origin may read credentialed responses</li>"))
        #expect(!builtIn[1].contents.contains("class=\"custom\""))
    }

    @Test func aBrokenTemplateIsReportedWithItsPosition() {
        let overlay = ReportFixture.templates.overlaid(with: ["Templates/threat-model.md.mustache": "line\n{{#open}}\n"])
        #expect(throws: RenderError.self) { try renderReport(ReportFixture.report(), formats: [.markdown], templates: overlay) }
        let missing = ResourceStore(files: [:])
        #expect(throws: RenderError.missingTemplate(path: "Templates/threat-model.html.mustache")) {
            try renderReport(ReportFixture.report(), formats: [.html], templates: missing)
        }
    }
}
