import Foundation
import Testing
@testable import ThreatscribeCore

/// Issue 13: an item whose endpoint table is cut after 25 rows still names every affected endpoint, in
/// Appendix D, grouped by router; a report whose tables are all whole has no such appendix.
struct AffectedEndpointsAppendixTests {
    /// `routers` routers of ten public endpoints each, every one returning a model with a sensitive field
    /// (TS-ROUTE-009 on every endpoint; TS-ROUTE-010 on the state-changing ones: the middleware list names no
    /// rate limit). Router 1 has no prefix.
    static func model(routers: Int) -> String {
        let methods = ["[GET]", "[GET, POST]", "[PUT]", "[GET, PATCH, DELETE]", "[POST]"]
        var lines: [String] = []
        for router in 0..<routers {
            lines.append(router == 1 ? "  - name: root" : "  - prefix: /v\(router)")
            lines.append("    endpoints:")
            for endpoint in 0..<10 {
                let path = endpoint == 0 ? "/" : endpoint % 3 == 0 ? "/items\(endpoint)/{item_id}" : "/items\(endpoint)"
                lines.append("      - {path: \"\(router == 1 ? "/root" : "")\(path)\", methods: \(methods[endpoint % 5]), auth: none, response_model: Item}")
            }
        }
        return """
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
        """
    }

    static func report(routers: Int) throws -> (AnalysisReport, markdown: String, html: String) {
        let loaded = try ModelLoader.load(text: model(routers: routers), file: "many.yaml")
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let report = try ThreatAnalysis(catalog: catalog).run(on: loaded, options: .init(generatedAt: "2026-01-15", toolVersion: "test"))
        let files = try renderReport(report, formats: [.markdown, .html])
        return (report, files[0].contents, files[1].contents)
    }

    /// The endpoints (`GET, POST /v3/items1`) of each threat's per-endpoint findings.
    static func expected(_ report: AnalysisReport) -> [String: Set<String>] {
        var names: [String: Set<String>] = [:]
        for finding in report.findings where finding.subjectPath.description.contains(".endpoints[") {
            names[finding.threatID, default: []].insert(finding.subjectName)
        }
        return names
    }

    /// `prefix` and `GET /; GET, POST /items1` as full endpoint names.
    static func endpoints(prefix: String, line: String) -> [String] {
        line.components(separatedBy: "; ").map { entry in
            let split = entry.range(of: " /")!
            let methods = String(entry[..<split.lowerBound])
            let path = String(entry[entry.index(after: split.lowerBound)...])
            return "\(methods) \(RouteTable.join(prefix.hasPrefix("/") ? prefix : "", path))"
        }
    }

    @Test("every endpoint of each cut item is in the Markdown appendix, by router, linked to its item")
    func markdownNamesEveryEndpoint() throws {
        let (report, markdown, _) = try Self.report(routers: 30)
        let expected = Self.expected(report).filter { $0.value.count > VariationTableView.maximumRows }
        #expect(expected.keys.sorted() == ["TS-ROUTE-009", "TS-ROUTE-010"], "\(expected.keys.sorted())")
        let appendix = try #require(markdown.components(separatedBy: "\n## Appendix D: Affected endpoints\n").last)
        #expect(markdown.components(separatedBy: "\n## Appendix D").count == 2)
        var found: [String: [String]] = [:]
        var current: String? = nil
        for line in appendix.split(separator: "\n").map(String.init) {
            if line.hasPrefix("### ["), let open = line.range(of: "](#") {
                let anchor = String(line[open.upperBound...].dropLast())
                #expect(markdown.contains("<a id=\"\(anchor)\"></a>"), "the heading links to its item")
                current = nil
            } else if line.hasPrefix("`TS-ROUTE-"), let id = line.split(separator: "`").first {
                current = String(id.split(separator: "@")[0])
            } else if line.hasPrefix("- `"), let current {
                let parts = line.dropFirst(2).components(separatedBy: "`: `")
                #expect(parts.count == 2 && parts[1].hasSuffix("`"), "\(line)")
                let prefix = String(parts[0].dropFirst())
                found[current, default: []] += Self.endpoints(prefix: prefix, line: String(parts[1].dropLast()))
            }
        }
        for (threat, names) in expected {
            let listed = found[threat] ?? []
            #expect(listed.count == names.count, "\(threat): each endpoint once")
            #expect(Set(listed) == names, "\(threat): \(names.subtracting(listed).sorted().prefix(3))")
            #expect(markdown.contains("[All \(names.count) endpoints are in Appendix D.](#affected-endpoints)"))
        }
        #expect(found.keys.sorted() == expected.keys.sorted(), "only the cut items")
    }

    @Test("every endpoint of each cut item is in the HTML appendix, escaped and well-formed")
    func htmlNamesEveryEndpoint() throws {
        let (report, _, html) = try Self.report(routers: 30)
        let tree = XMLDocumentTree(parsing: html)
        #expect(tree.error == nil, "\(tree.error ?? "")")
        let expected = Self.expected(report).filter { $0.value.count > VariationTableView.maximumRows }
        let section = try #require(html.components(separatedBy: "<section id=\"affected-endpoints\">").last?
            .components(separatedBy: "</section>").first)
        let unescaped = { (text: String) in
            text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        var found: [String: [String]] = [:]
        for item in section.components(separatedBy: "<h3>").dropFirst() {
            let anchor = try #require(item.components(separatedBy: "<a href=\"#").dropFirst().first?.split(separator: "\"").first)
            #expect(html.contains("id=\"\(anchor)\""), "the heading links to its item")
            let id = try #require(item.components(separatedBy: "<p><code>").dropFirst().first?.split(separator: "@").first)
            for entry in item.components(separatedBy: "<li><code>").dropFirst() {
                let parts = try #require(entry.components(separatedBy: "</li>").first?.components(separatedBy: "</code>: "))
                found[String(id), default: []] += Self.endpoints(prefix: unescaped(parts[0]), line: unescaped(parts[1]))
            }
        }
        #expect(found.keys.sorted() == expected.keys.sorted())
        for (threat, names) in expected {
            #expect(found[threat]?.count == names.count && Set(found[threat] ?? []) == names, "\(threat)")
        }
        #expect(html.contains("<a href=\"#affected-endpoints\">All 300 endpoints are in Appendix D.</a>"))
    }

    @Test("a report whose endpoint tables are whole has no appendix D")
    func noAppendixWithoutCutTables() throws {
        let (report, markdown, html) = try Self.report(routers: 2)
        #expect(Self.expected(report)["TS-ROUTE-009"]?.count == 20, "the item groups 20 endpoints, all in its table")
        #expect(!markdown.contains("Appendix D") && !markdown.contains("#affected-endpoints"))
        #expect(!html.contains("Appendix D") && !html.contains("affected-endpoints"))
    }
}
