import Foundation
import Testing
@testable import ThreatscribeCore

/// Every HTTP exchange a document prints is read back from the Markdown and sent to the CORS engine
/// again, configured from the model independently of the document code: the printed status, headers
/// and body must be exactly the engine's.
struct PrintedExchangeTests {
    struct Printed {
        var environment: String
        var method: String
        var path: String
        var request: [(String, String)]
        var status: Int
        var headers: [String: String]
        var body: String?
    }

    /// The ```http blocks of `markdown`, each with the environment named by the bold line before it
    /// (`**production: preflight**`).
    static func exchanges(in markdown: String) -> [Printed] {
        let lines = markdown.components(separatedBy: "\n")
        var result: [Printed] = []
        var label = ""
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("**"), line.hasSuffix("**"), let colon = line.firstIndex(of: ":") {
                label = String(line[line.index(line.startIndex, offsetBy: 2)..<colon]).replacingOccurrences(of: "\\", with: "")
            }
            guard line == "```http" else { index += 1; continue }
            var block: [String] = []
            index += 1
            while index < lines.count, lines[index] != "```" { block.append(lines[index]); index += 1 }
            let blank = block.firstIndex(of: "") ?? block.count
            let requestLine = block[0].split(separator: " ")
            let request = block[1..<blank].map { line -> (String, String) in
                let parts = line.split(separator: ":", maxSplits: 1)
                return (String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
            }
            let response = Array(block[(blank + 1)...])
            let status = Int(response[0].split(separator: " ")[1]) ?? 0
            var headers: [String: String] = [:]
            var body: String?
            for (offset, line) in response.dropFirst().enumerated() {
                if line.isEmpty { body = response.dropFirst(offset + 2).joined(separator: "\n"); break }
                let parts = line.split(separator: ":", maxSplits: 1)
                headers[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces)
            }
            result.append(Printed(environment: label, method: String(requestLine[0]), path: String(requestLine[1]),
                                  request: request, status: status, headers: headers, body: body))
            index += 1
        }
        return result
    }

    /// The engine's answer to `printed`, configured from the model's environment: the middleware entry
    /// with Starlette's defaults, the stated Starlette version, and the methods of the route at the path.
    static func reevaluated(_ printed: Printed, model: LoadedModel) throws -> CORSResponse {
        let environment = try #require(model.environments.first { $0.name == printed.environment }, "no environment \(printed.environment)")
        let entry = try #require(environment.model.middleware?.first { $0.type == .cors })
        let version = try #require(StarletteVersion(environment.model.packageVersion("starlette") ?? StarletteVersion.newestKnown.description))
        var methods: Set<String> = []
        for router in environment.model.routers ?? [] {
            for endpoint in router.endpoints where RouteTable.join(router.prefix ?? "", endpoint.path) == printed.path {
                methods.formUnion(endpoint.methods.map { $0.uppercased() })
            }
        }
        if methods.contains("GET") { methods.insert("HEAD") }
        let evaluator = try CORSEvaluator(configuration: CORSConfiguration(middleware: entry), version: version,
                                          routeMethods: methods.isEmpty ? ["GET", "HEAD", "POST"] : methods)
        let header = { (name: String) in printed.request.first { $0.0 == name }?.1 }
        let request = CORSRequest(method: printed.method, origin: header("Origin"), hasCookie: header("Cookie") != nil,
                                  accessControlRequestMethod: header("Access-Control-Request-Method"),
                                  accessControlRequestHeaders: header("Access-Control-Request-Headers"),
                                  accessControlRequestPrivateNetwork: header("Access-Control-Request-Private-Network"))
        return evaluator.response(to: request)
    }

    @Test("every printed exchange is the engine's answer", arguments: SampleReportTests.samples)
    func printedExchangesAreTheEngines(_ sample: String) throws {
        let report = try SampleDocumentTests.report(sample)
        var count = 0
        for document in SampleDocumentTests.Document.all {
            let markdown = try SampleDocumentTests.markdown(sample, document)
            for printed in Self.exchanges(in: markdown) {
                count += 1
                let response = try Self.reevaluated(printed, model: report.model)
                #expect(printed.status == response.status, "\(sample) \(document) \(printed.environment) \(printed.method) \(printed.path)")
                #expect(printed.headers == response.headers, "\(sample) \(document) \(printed.environment) \(printed.method) \(printed.path)")
                if response.isPreflightResponse || response.status >= 400 { #expect(printed.body == response.body) }
            }
        }
        let hasCORS = report.model.environments.contains { ($0.model.middleware ?? []).contains { $0.type == .cors } }
        #expect(hasCORS == (count > 0), "\(sample): \(count) printed exchanges")
    }

    /// The config-doc's per-scenario header tables (`**Preflight**:` and a table with one column per
    /// environment) must show what the printed exchange of that environment and scenario shows.
    @Test("config-doc header tables agree with the printed exchanges", arguments: SampleReportTests.samples)
    func headerTablesAgreeWithExchanges(_ sample: String) throws {
        let markdown = try SampleDocumentTests.markdown(sample, .configDoc(.cors))
        let lines = markdown.components(separatedBy: "\n")
        var exchanges: [String: Printed] = [:]
        var label = ""
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("**"), line.hasSuffix("**") { label = String(line.dropFirst(2).dropLast(2)).replacingOccurrences(of: "\\", with: "") }
            if line == "```http", let printed = Self.exchanges(in: "**\(label)**\n" + lines[index...].joined(separator: "\n")).first {
                exchanges[label] = printed
            }
        }
        var cells = 0
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("**"), line.hasSuffix("**:"), index + 2 < lines.count, lines[index + 2].hasPrefix("| Header |") else { index += 1; continue }
            let title = String(line.dropFirst(2).dropLast(3))
            let scenario = title.prefix(1).lowercased() + title.dropFirst()
            let environments = lines[index + 2].split(separator: "|").dropFirst().map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "") }
            var row = index + 4
            while row < lines.count, lines[row].hasPrefix("|") {
                let parts = lines[row].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                let name = parts[0].replacingOccurrences(of: "`", with: "")
                for (column, environment) in environments.enumerated() {
                    let cell = parts[column + 1]
                    guard cell != "not shown" else { continue }
                    let printed = try #require(exchanges["\(environment): \(scenario)"], "\(sample): no exchange for \(environment): \(scenario)")
                    let value = cell == "—" ? nil : cell.replacingOccurrences(of: "`", with: "")
                    #expect(value == (name == "status" ? String(printed.status) : printed.headers[name]), "\(sample) \(environment) \(scenario) \(name)")
                    cells += 1
                }
                row += 1
            }
            index = row
        }
        let hasCORS = try SampleDocumentTests.report(sample).model.environments.contains { ($0.model.middleware ?? []).contains { $0.type == .cors } }
        #expect(hasCORS == (cells > 0), "\(sample): \(cells) table cells checked")
    }

    @Test func parserReadsWhatItIsGiven() {
        let markdown = "**production: preflight**\n\n```http\nOPTIONS /x HTTP/1.1\nOrigin: https://a.example\nAccess-Control-Request-Method: PUT\n\nHTTP/1.1 400 Bad Request\nvary: Origin\n\nDisallowed CORS method\n```\n"
        let printed = Self.exchanges(in: markdown)
        #expect(printed.count == 1)
        #expect(printed.first?.environment == "production")
        #expect(printed.first?.status == 400)
        #expect(printed.first?.headers == ["vary": "Origin"])
        #expect(printed.first?.body == "Disallowed CORS method")
    }
}
