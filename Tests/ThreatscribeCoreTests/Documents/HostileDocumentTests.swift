import Foundation
import Testing
@testable import ThreatscribeCore

/// Model strings reach the documents only through the report's escapers: hostile names, origins and
/// claims neither add markup to the HTML nor structure to the Markdown.
struct HostileDocumentTests {
    static let model = #"""
        system: {name: "</code><script>alert(1)</script>`|**x**", owner: "a\n---\nstatus: accepted", trust_model: "<img src=x onerror=alert(1)>"}
        middleware:
          - {type: cors, allow_origins: ["https://app.example.com", "https://x.example/<script>"], allow_credentials: true, allow_methods: ["*"], allow_headers: ["*"]}
        routers:
          - prefix: "/api"
            endpoints:
              - {path: "/items/{id}", methods: [GET, PATCH]}
        clients:
          - {id: web, type: browser_spa, origin: "https://app.example.com"}
        controls:
          - {id: "C<1>", name: "CORS <b>bold</b>", kind: cors, claim: "CORS prevents CSRF <iframe src=x>"}
        environments:
          - {name: production, kind: production, base_url: "https://api.example.com"}
        """#

    /// Lines with a `<` that Markdown would read as HTML: outside fenced blocks and code spans, not escaped.
    static func rawHTML(in markdown: String) -> [String] {
        var inFence = false
        var found: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            // The templates' own anchors (`<a id="req-…"></a>`, ids of `[a-z0-9-]` only) are the one markup allowed.
            guard !inFence, !(line.hasPrefix("<a id=\"") && line.hasSuffix("\"></a>")) else { continue }
            var inCode = false, previous: Character = " "
            for character in line {
                if character == "`" && previous != "\\" { inCode.toggle() }
                if character == "<" && !inCode && previous != "\\" { found.append(String(line)); break }
                previous = character
            }
        }
        return found
    }

    @Test func hostileStringsStayText() throws {
        let report = try ComplianceMatrixTests.report(Self.model)
        var files = try ADRDocument(decision: .corsPolicy).render(report) + ADRDocument(decision: .corsPolicy, style: .nygard).render(report)
        files += try ComplianceDocument(standard: .asvs5).render(report, catalog: try ComplianceMatrixTests.catalog.get())
        for file in files where file.name.hasSuffix(".html") {
            let tree = XMLDocumentTree(parsing: file.contents)
            #expect(tree.error == nil, "\(file.name): \(tree.error ?? "")")
            for element in tree.elements {
                #expect(!["script", "img", "iframe", "b"].contains(element.name), "\(file.name): <\(element.name)>")
            }
        }
        for file in files where file.name.hasSuffix(".md") {
            #expect(Self.rawHTML(in: file.contents) == [], "\(file.name)")
            #expect(!file.contents.split(separator: "\n").contains("status: accepted"), "\(file.name)")
        }
        let madr = try #require(files.first { $0.name == "adr-cors-policy.md" }).contents
        #expect(madr.contains("Corrected: CORS does not prevent CSRF."))
        #expect(ADRPrintedExchangeTests.problems(in: madr, model: report.model) == [])
    }
}
