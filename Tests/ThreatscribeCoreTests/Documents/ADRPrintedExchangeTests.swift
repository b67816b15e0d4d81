import Foundation
import Testing
@testable import ThreatscribeCore

/// Every CORS exchange a document prints (a `curl` command and the headers it gets) is re-evaluated
/// with the CORS engine for the environment the document names: no header value is hand-written.
struct ADRPrintedExchangeTests {
    struct Exchange {
        var environment: String
        var command: String
        var response: [String]?
    }

    /// The exchanges of a Markdown document: a heading ending in `(environment)`, a `bash` block with
    /// one `curl` command, and the plain fenced block that follows it (absent when no header is added).
    static func exchanges(in markdown: String) -> [Exchange] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var result: [Exchange] = []
        var environment: String?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("#### ") || (line.hasPrefix("**") && line.hasSuffix(")**")) {
                let trimmed = line.hasSuffix("**") ? String(line.dropLast(2)) : line
                if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") {
                    environment = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
                } else {
                    environment = nil
                }
            } else if line == "```bash", let name = environment, index + 2 < lines.count, lines[index + 1].hasPrefix("curl ") {
                let command = lines[index + 1]
                var response: [String]?
                var cursor = index + 3
                while cursor < lines.count, !lines[cursor].hasPrefix("#"), !lines[cursor].hasPrefix("**"), lines[cursor] != "```bash" {
                    if lines[cursor] == "```" {
                        var body: [String] = []
                        cursor += 1
                        while cursor < lines.count, lines[cursor] != "```" { body.append(lines[cursor]); cursor += 1 }
                        response = body
                        break
                    }
                    cursor += 1
                }
                result.append(Exchange(environment: name, command: command, response: response))
                environment = nil
            }
            index += 1
        }
        return result
    }

    /// Shell words of a command written with bare and single-quoted words (as `ShellWord` writes them).
    static func words(_ command: String) -> [String] {
        var words: [String] = [], current = "", quoted = false, started = false
        for character in command {
            if quoted {
                if character == "'" { quoted = false } else { current.append(character) }
            } else if character == "'" {
                quoted = true; started = true
            } else if character == " " {
                if started { words.append(current); current = ""; started = false }
            } else if character == "\\" {
                continue
            } else {
                current.append(character); started = true
            }
        }
        if started { words.append(current) }
        return words
    }

    /// What is wrong with the printed exchanges of `markdown` for `model`; empty when the engine agrees.
    static func problems(in markdown: String, model: LoadedModel) -> [String] {
        var problems: [String] = []
        for exchange in exchanges(in: markdown) {
            guard let environment = model.environments.first(where: { $0.name == exchange.environment }),
                  let entry = environment.model.middleware?.first(where: { $0.type == .cors }) else {
                problems.append("\(exchange.command): no CORSMiddleware in environment \(exchange.environment)")
                continue
            }
            let version = AssumedStarletteVersion(environment.model.packageVersion("starlette"), writtenAt: "frameworks.starlette")?.version ?? .newestKnown
            guard let evaluator = try? CORSEvaluator(configuration: CORSConfiguration(middleware: entry), version: version) else {
                problems.append("\(exchange.command): Starlette refuses the configuration")
                continue
            }
            let words = Self.words(exchange.command)
            var method = "GET", origin: String?, requestMethod: String?, requestHeaders: String?
            var position = 1
            while position < words.count {
                if words[position] == "-X", position + 1 < words.count { method = words[position + 1]; position += 2; continue }
                if words[position] == "-H", position + 1 < words.count {
                    let header = words[position + 1]
                    let parts = header.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    switch parts.first?.lowercased() {
                    case "origin": origin = parts[1]
                    case "access-control-request-method": requestMethod = parts[1]
                    case "access-control-request-headers": requestHeaders = parts[1]
                    default: problems.append("\(exchange.command): unexpected header \(header)")
                    }
                    position += 2
                    continue
                }
                position += 1
            }
            let request = CORSRequest(method: method, origin: origin, accessControlRequestMethod: requestMethod, accessControlRequestHeaders: requestHeaders)
            let response = evaluator.response(to: request)
            var expected = response.orderedHeaders.map { "\($0.name): \($0.value)" }
            if response.isPreflightResponse {
                expected.insert("HTTP/1.1 \(response.status) \(response.status == 200 ? "OK" : "Bad Request")", at: 0)
                if response.status != 200 { expected += ["", response.body] }
            }
            let printed = exchange.response ?? []
            if printed != expected {
                problems.append("\(exchange.command) in \(exchange.environment): printed \(printed), the engine answers \(expected)")
            }
        }
        return problems
    }

    @Test("printed CORS exchanges are the engine's answers", arguments: SampleReportTests.samples)
    func samplesAgreeWithTheEngine(_ sample: String) throws {
        let report = try SampleReportTests.report(for: sample)
        for style in ADRStyle.allCases {
            let files = try ADRDocument(decision: .corsPolicy, style: style).render(report)
            let markdown = try #require(files.first { $0.name.hasSuffix(".md") }).contents
            #expect(Self.problems(in: markdown, model: report.model) == [], "\(sample) \(style)")
            if sample == "betzenstein-booking.yaml" {
                #expect(Self.exchanges(in: markdown).count == 5, "\(style): preflight and GET from the front end, from a stranger, and without Origin")
            }
        }
    }

    @Test func checkerCatchesAHandWrittenHeader() throws {
        let report = try SampleReportTests.report(for: "betzenstein-booking.yaml")
        let markdown = try #require(try ADRDocument(decision: .corsPolicy).render(report).first { $0.name.hasSuffix(".md") }).contents
        // The seed's claim: a preflight answered with `Access-Control-Allow-Headers: *`.
        let tampered = markdown.replacingOccurrences(of: "access-control-allow-headers: content-type", with: "access-control-allow-headers: *")
        #expect(tampered != markdown)
        #expect(Self.problems(in: tampered, model: report.model).count >= 1)
        let dropped = markdown.replacingOccurrences(of: "access-control-allow-credentials: true\nvary: Origin", with: "vary: Origin")
        #expect(Self.problems(in: dropped, model: report.model).count >= 1)
    }
}
