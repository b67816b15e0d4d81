import Foundation
import Testing
@testable import ThreatscribeCore

/// Issue 13: an item whose endpoint table is cut after 25 rows, or whose evidence lists more endpoints than
/// its text shows, still names every affected endpoint, in Appendix D (each endpoint once, grouped by the
/// items that apply to it, then by router); a report whose tables and lists are all whole has no such appendix.
struct AffectedEndpointsAppendixTests {
    /// `routers` routers of ten public endpoints each, every one returning a model with a sensitive field
    /// (TS-ROUTE-009 on every endpoint; TS-ROUTE-010 on the state-changing ones: the middleware list names
    /// no rate limit); POST and PUT take a request model with an unbounded field (TS-VAL-002 lists them).
    /// Router 1 has no prefix and a name with markup. Returns the model and the names of the endpoints that take the request model.
    static func model(routers: Int) -> (yaml: String, requestEndpoints: Set<String>) {
        let methods = [["GET"], ["GET", "POST"], ["PUT"], ["GET", "PATCH", "DELETE"], ["POST"]]
        var lines: [String] = []
        var requests: Set<String> = []
        for router in 0..<routers {
            lines.append(router == 1 ? "  - name: \"root <b>&'\\\"x\"" : "  - prefix: /v\(router)")
            lines.append("    endpoints:")
            for endpoint in 0..<10 {
                let path = (router == 1 ? "/root" : "") + (endpoint == 0 ? "/" : endpoint % 3 == 0 ? "/items\(endpoint)/{item_id}" : "/items\(endpoint)")
                let verbs = methods[endpoint % 5]
                let takesBody = verbs.contains("POST") || verbs.contains("PUT")
                if takesBody { requests.insert("\(verbs.joined(separator: ", ")) \(RouteTable.join(router == 1 ? "" : "/v\(router)", path))") }
                lines.append("      - {path: \"\(path)\", methods: [\(verbs.joined(separator: ", "))], auth: none, response_model: Item\(takesBody ? ", request_model: ItemCreate" : "")}")
            }
        }
        let yaml = """
        threatscribe: 1
        system: {name: Many Routers API, data_classification: confidential, exposure: internet}
        frameworks: {fastapi: "0.115.12", starlette: "0.46.2"}
        app: {framework: fastapi}
        server: {kind: uvicorn, host: 0.0.0.0, port: 8000}
        middleware:
          - {type: cors, allow_origins: ["https://app.example.com"]}
        routers:
        \(lines.joined(separator: "\n"))
        models:
          - name: Item
            fields:
              - {name: id, type: int}
              - {name: owner_email, type: str, sensitive: true}
          - name: ItemCreate
            fields:
              - {name: note, type: str}
        """
        return (yaml, requests)
    }

    static func report(routers: Int) throws -> (expected: [String: Set<String>], markdown: String, html: String) {
        let (yaml, requests) = model(routers: routers)
        let loaded = try ModelLoader.load(text: yaml, file: "many.yaml")
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let report = try ThreatAnalysis(catalog: catalog).run(on: loaded, options: .init(generatedAt: "2026-01-15", toolVersion: "test"))
        let files = try renderReport(report, formats: [.markdown, .html])
        // The endpoints of each threat's per-endpoint findings, and those TS-VAL-002 lists.
        var expected: [String: Set<String>] = [:]
        for finding in report.findings where finding.subjectPath.description.contains(".endpoints[") {
            expected[finding.threatID, default: []].insert(finding.subjectName)
        }
        if report.findings.contains(where: { $0.threatID == "TS-VAL-002" }) { expected["TS-VAL-002"] = requests }
        return (expected, files[0].contents, files[1].contents)
    }

    /// `prefix` and `GET /; GET, POST /items1` as full endpoint names.
    static func endpoints(prefix: String, line: String) -> [String] {
        line.components(separatedBy: "; ").map { entry in
            let split = entry.range(of: " /")!
            let path = String(entry[entry.index(after: split.lowerBound)...])
            return "\(entry[..<split.lowerBound]) \(RouteTable.join(prefix.hasPrefix("/") ? prefix : "", path))"
        }
    }

    /// `D1` in `[D1](#anchor)` or `>D1</a>` occurrences of `text`.
    static func labels(in text: String) -> [String] {
        text.components(separatedBy: "D").dropFirst().compactMap { rest in
            let digits = rest.prefix { $0.isNumber }
            let after = rest.dropFirst(digits.count)
            return !digits.isEmpty && (after.hasPrefix("](#") || after.hasPrefix("</a>")) ? "D" + digits : nil
        }
    }

    @Test("every endpoint of each cut item is in the Markdown appendix once, by router, linked to its item")
    func markdownNamesEveryEndpoint() throws {
        let (all, markdown, _) = try Self.report(routers: 30)
        let expected = all.filter { $0.value.count > VariationTableView.maximumRows }
        #expect(expected.keys.sorted() == ["TS-ROUTE-009", "TS-ROUTE-010", "TS-VAL-002"], "\(expected.keys.sorted())")
        let parts = markdown.components(separatedBy: "\n## Appendix D: Affected endpoints\n")
        #expect(parts.count == 2)
        var threatOf: [String: String] = [:]
        var found: [String: [String]] = [:]
        var current: [String] = []
        for line in (parts.last ?? "").split(separator: "\n").map(String.init) {
            if line.hasPrefix("- **D"), let label = line.dropFirst(4).split(separator: "*").first {
                let id = try #require(line.split(separator: "`").dropFirst().first)
                threatOf[String(label)] = String(id.split(separator: "@")[0])
                let anchor = try #require(line.components(separatedBy: "](#").last?.split(separator: ")").first)
                #expect(markdown.contains("<a id=\"\(anchor)\"></a>"), "the legend links to the item")
            } else if line.hasPrefix("### ") {
                current = Self.labels(in: line)
                #expect(!current.isEmpty, "\(line)")
            } else if line.hasPrefix("- `") {
                let pieces = line.dropFirst(2).components(separatedBy: "`: `")
                #expect(pieces.count == 2 && pieces[1].hasSuffix("`"), "\(line)")
                let names = Self.endpoints(prefix: String(pieces[0].dropFirst()), line: String(pieces[1].dropLast()))
                for label in current { found[threatOf[label] ?? label, default: []] += names }
            }
        }
        #expect(markdown.contains("- `root <b>&'\"x (no prefix)`: `"), "a code span shows the router's name verbatim")
        #expect(found.keys.sorted() == expected.keys.sorted(), "only the cut items")
        for (threat, names) in expected {
            let listed = found[threat] ?? []
            #expect(listed.count == names.count && Set(listed) == names, "\(threat): \(names.subtracting(listed).sorted().prefix(3))")
            let label = threatOf.first { $0.value == threat }?.key ?? "?"
            #expect(markdown.contains("[All \(names.count) endpoints are in Appendix D (\(label)).](#affected-endpoints)"), "\(threat)")
        }
    }

    @Test("every endpoint of each cut item is in the HTML appendix once, escaped and well-formed")
    func htmlNamesEveryEndpoint() throws {
        let (all, _, html) = try Self.report(routers: 30)
        let tree = XMLDocumentTree(parsing: html)
        #expect(tree.error == nil, "\(tree.error ?? "")")
        let expected = all.filter { $0.value.count > VariationTableView.maximumRows }
        let section = try #require(html.components(separatedBy: "<section id=\"affected-endpoints\">").dropFirst().first?
            .components(separatedBy: "</section>").first)
        let unescaped = { (text: String) in
            text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        var threatOf: [String: String] = [:]
        for line in section.split(separator: "\n") where line.hasPrefix("<li><strong>D") {
            let label = String(line.dropFirst(12).prefix { $0 != "<" })
            let id = try #require(line.components(separatedBy: "<code>").dropFirst().first?.split(separator: "@").first)
            threatOf[label] = String(id)
            let anchor = try #require(line.components(separatedBy: "<a href=\"#").dropFirst().first?.split(separator: "\"").first)
            #expect(html.contains("<article class=\"finding") && html.contains("id=\"\(anchor)\""), "the legend links to the item")
        }
        var found: [String: [String]] = [:]
        for part in section.components(separatedBy: "<h3>").dropFirst() {
            let labels = Self.labels(in: part.components(separatedBy: "</h3>")[0])
            #expect(!labels.isEmpty)
            for entry in part.components(separatedBy: "<li><code>").dropFirst() {
                let pieces = try #require(entry.components(separatedBy: "</li>").first?.components(separatedBy: "</code>: "))
                let names = Self.endpoints(prefix: unescaped(pieces[0]), line: unescaped(pieces[1]))
                for label in labels { found[threatOf[label] ?? label, default: []] += names }
            }
        }
        #expect(found.keys.sorted() == expected.keys.sorted())
        for (threat, names) in expected {
            #expect(found[threat]?.count == names.count && Set(found[threat] ?? []) == names, "\(threat)")
        }
        #expect(html.contains("<a href=\"#affected-endpoints\">All 300 endpoints are in Appendix D (D"))
        #expect(section.contains("<li><code>root &lt;b&gt;&amp;&#39;&quot;x (no prefix)</code>: "), "the router's name is escaped")
        #expect(!section.contains("<b>"))
    }

    @Test("a report whose endpoint tables and lists are whole has no appendix D")
    func noAppendixWithoutCutTables() throws {
        let (expected, markdown, html) = try Self.report(routers: 1)
        #expect(expected["TS-ROUTE-009"]?.count == 10 && expected["TS-VAL-002"]?.count == 6, "every endpoint in the table and the text")
        #expect(!markdown.contains("Appendix D") && !markdown.contains("#affected-endpoints"))
        #expect(!html.contains("Appendix D") && !html.contains("affected-endpoints"))
    }
}
