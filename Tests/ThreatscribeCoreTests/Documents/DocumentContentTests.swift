import Foundation
import Testing
@testable import ThreatscribeCore

/// What the documents must say (and must not): the seeds' mistakes corrected, absent controls and
/// environments stated, values escaped, template errors located.
struct DocumentContentTests {
    static func report(_ yaml: String) throws -> AnalysisReport {
        let model = try ModelLoader.load(text: yaml, file: "model.yaml")
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        return try ThreatAnalysis(catalog: catalog).run(on: model, options: .init(generatedAt: "2026-01-15", toolVersion: "test"))
    }

    static func model(starlette: String, cors: String) -> String {
        """
        system:
          name: Test API
        frameworks:
          starlette: "\(starlette)"
        middleware:
          - type: cors
        \(cors.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        routers:
          - endpoints:
              - path: /items
                methods: [GET, POST]
              - path: /items/{item_id}
                methods: [DELETE]
        environments:
          - name: production
            kind: production
            base_url: https://api.example.org
        """
    }

    static func files(_ report: AnalysisReport, mitigation control: MitigationControl) throws -> [RenderedFile] {
        try DocumentRenderer(kind: .mitigation).render(MitigationDocument(control: control, report: report).view, formats: [.markdown, .html])
    }

    static func files(_ report: AnalysisReport, configDoc control: ConfigDocControl) throws -> [RenderedFile] {
        try DocumentRenderer(kind: .configDoc).render(ConfigDocDocument(control: control, report: report).view, formats: [.markdown, .html])
    }

    @Test func allowHeadersDefaultIsEmptyAndTheWildcardMirrors() throws {
        let markdown = try SampleDocumentTests.markdown("home-security-intelligence.yaml", .mitigation(.cors))
        #expect(markdown.contains("| `allow_headers` | `()` |"))
        #expect(markdown.contains("access-control-allow-headers: x-api-key"))
        #expect(!markdown.contains("access-control-allow-headers: *"))
        #expect(!markdown.contains("Defaults to `['*']`"))
    }

    @Test("allow_methods=[\"*\"] is 7 methods before Starlette 1.7.0 and 8 with QUERY from it",
          arguments: [("0.46.2", 7, false), ("1.10.0", 8, true)])
    func wildcardMethodsPerVersion(_ version: String, _ count: Int, _ query: Bool) throws {
        let report = try Self.report(Self.model(starlette: version, cors: "allow_origins: [\"https://app.example.org\"]\nallow_methods: [\"*\"]"))
        let markdown = try Self.files(report, mitigation: .cors)[0].contents
        #expect(markdown.contains("expands it to the \(count) methods"))
        #expect(markdown.contains("access-control-allow-methods: DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT\(query ? ", QUERY" : "")\n"))
    }

    @Test func unspecifiedAddressIsOneOrigin() throws {
        let markdown = try SampleDocumentTests.markdown("home-security-intelligence.yaml", .configDoc(.cors))
        let row = try #require(markdown.split(separator: "\n").first { $0.contains("| `http://0.0.0.0:3000` |") })
        #expect(row.contains("exactly a page loaded from `http://0.0.0.0:3000`; not \"any interface\" and not any origin"))
        #expect(!markdown.lowercased().contains("any network interface"))
    }

    @Test func corsIsNotCSRFProtectionAndServerErrorsCarryNoCORSHeaders() throws {
        let report = try Self.report(Self.model(starlette: "1.10.0", cors: "allow_origins: [\"https://app.example.org\"]\nallow_credentials: true"))
        let markdown = try Self.files(report, mitigation: .cors)[0].contents
        #expect(markdown.contains("CORS is not CSRF protection."))
        #expect(markdown.contains("Content-Type: text/plain\n\nHTTP/1.1 200 OK"))
        #expect(markdown.contains("its handler runs (the exchange below)"))
        #expect(markdown.contains("What decides whether `POST /items` runs is FastAPI's body parsing, not CORS"))
        #expect(markdown.contains("`ServerErrorMiddleware`"))
        let configDoc = try Self.files(report, configDoc: .cors)[0].contents
        #expect(configDoc.contains("`500 Internal Server Error` with no CORS header"))
    }

    @Test func withoutCORSMiddlewareTheDocumentsSaySoAndPrintNoExchange() throws {
        for document in [SampleDocumentTests.Document.mitigation(.cors), .configDoc(.cors)] {
            let markdown = try SampleDocumentTests.markdown("minimal.yaml", document)
            #expect(markdown.contains("No covered environment registers CORSMiddleware"))
            #expect(!markdown.contains("```http"))
            #expect(!markdown.contains("allow_origins="))
        }
    }

    @Test func withoutProductionTheDocumentsSaySo() throws {
        #expect(try SampleDocumentTests.markdown("minimal.yaml", .mitigation(.cors)).contains("The model describes no production environment"))
        #expect(try SampleDocumentTests.markdown("minimal.yaml", .mitigation(.trustedHost)).contains("The model describes no production environment"))
        #expect(try !SampleDocumentTests.markdown("betzenstein-booking.yaml", .mitigation(.cors)).contains("The model describes no production environment"))
    }

    @Test func modelValuesAreEscapedInEveryContext() throws {
        let report = try Self.report(Self.model(starlette: "1.10.0", cors: "allow_origins: [\"https://a.example|<b>x</b>\", \"https://app.example.org\"]"))
        let files = try Self.files(report, configDoc: .cors)
        let markdown = files[0].contents, html = files[1].contents
        let row = try #require(markdown.split(separator: "\n").first { $0.contains("a.example") && $0.hasPrefix("| `production`") })
        #expect(row.contains("`https://a.example\\|<b>x</b>`"))
        #expect(row.split(separator: "|", omittingEmptySubsequences: false).count - row.components(separatedBy: "\\|").count + 1 == 6, "the row keeps its four cells")
        #expect(!html.contains("<b>x</b>"))
        #expect(html.contains("&lt;b&gt;x&lt;/b&gt;"))
        #expect(XMLDocumentTree(parsing: html).error == nil)
    }

    @Test func mermaidLabelsAreEscaped() throws {
        let report = try Self.report(Self.model(starlette: "1.10.0", cors: "allow_origins: [\"https://a.example;b#c\"]"))
        let doc = ConfigDocDocument(control: .cors, report: report).view
        let mermaid = try #require(doc.sections.flatMap(\.blocks).compactMap(\.code).first { $0.language == "mermaid" })
        #expect(mermaid.text.contains("https://a.example#59;b#35;c"))
        #expect(!mermaid.text.contains("a.example;b"))
    }

    @Test func aBrokenTemplateIsReportedWithItsFileAndLine() throws {
        let report = try Self.report(Self.model(starlette: "1.10.0", cors: "allow_origins: [\"https://app.example.org\"]"))
        let templates = ResourceStore.builtIn.overlaid(with: ["Templates/documents/mitigation.md.mustache": "# {{title}}\n{{#sections}}\n"])
        #expect(throws: RenderError.self) {
            try DocumentRenderer(kind: .mitigation).render(MitigationDocument(control: .cors, report: report).view, formats: [.markdown], templates: templates)
        }
        do {
            _ = try DocumentRenderer(kind: .mitigation).render(MitigationDocument(control: .cors, report: report).view, formats: [.markdown], templates: templates)
        } catch let error as RenderError {
            #expect(error.description.hasPrefix("Templates/documents/mitigation.md.mustache:"))
        }
    }

    @Test func everyCommandVariableUsedIsDefined() throws {
        for sample in SampleReportTests.samples {
            for document in SampleDocumentTests.Document.all {
                let markdown = try SampleDocumentTests.markdown(sample, document)
                for variable in CommandVariable.used(in: markdown) {
                    #expect(markdown.contains(variable.definition), "\(sample) \(document): $\(variable.rawValue) is used but not defined")
                }
            }
        }
    }
}
