import Foundation
import Testing
@testable import ThreatscribeCore

/// No unfilled placeholder is ever printed inside a command a reader may paste: every shell line of a
/// report (fenced `bash`/`sh`/`shell`/`console` blocks and prose lines starting with `curl `) holds no
/// `(not described)`, no `<…>` placeholder, no `NAME_HOST` stand-in, and no `example.com`/`.example`
/// host the model does not name (the attacker stand-ins `attacker.example`, `evil.example` and
/// `not-allowed.example` are deliberate: they must not resolve). A variable such as `$BASE_URL` that
/// stands in for a value the model does not give is defined once, before its first use.
struct PasteableCommandTests {
    /// Hosts that stand for the attacker, on purpose.
    static let attackerHosts: Set<String> = ["attacker.example", "evil.example", "not-allowed.example"]

    @Test("shell lines of every sample report hold no placeholder", arguments: SampleReportTests.samples)
    func sampleReports(_ sample: String) throws {
        let source = try String(contentsOf: SampleReportTests.root.appendingPathComponent("Samples/\(sample)"), encoding: .utf8)
        let markdown = try Self.markdown(of: source, file: sample)
        try Self.check(markdown, modelText: source)
    }

    @Test("without any base_url or public_url, commands use $BASE_URL, which the report defines")
    func modelWithoutBaseURL() throws {
        for sample in ["betzenstein-booking.yaml", "fastapi-kubernetes.yaml"] {
            let source = try String(contentsOf: SampleReportTests.root.appendingPathComponent("Samples/\(sample)"), encoding: .utf8)
            let stripped = source.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("base_url:") && !$0.contains("public_url:") }.joined(separator: "\n")
            let markdown = try Self.markdown(of: stripped, file: sample)
            try Self.check(markdown, modelText: stripped)
            #expect(Self.shellLines(of: markdown).contains { $0.contains("\"$BASE_URL\"/") }, "\(sample): no command uses $BASE_URL")
        }
    }

    @Test("root_path and mount paths are in every printed URL")
    func rootPathInURLs() throws {
        let text = """
        system: {name: Sample API}
        app: {root_path: /api}
        apps:
          - id: admin
            mount: /admin
            routers:
              - prefix: /users
                endpoints:
                  - {path: /, methods: [POST]}
        routers:
          - prefix: /bookings
            endpoints:
              - {path: /, methods: [POST]}
        environments:
          - {name: production, kind: production, base_url: "https://api.sample.test"}
        """
        let markdown = try Self.markdown(of: text, file: "root.yaml")
        let curls = Self.shellLines(of: markdown).filter { $0.contains("https://api.sample.test") }
        #expect(!curls.isEmpty)
        for line in curls { #expect(line.contains("https://api.sample.test/api"), "\(line)") }
        #expect(curls.contains { $0.contains("https://api.sample.test/api/bookings/") })
        #expect(curls.contains { $0.contains("https://api.sample.test/api/admin/users/") })
        #expect(EnvironmentAnalyzer.applying(rootPath: "/api/", to: "https://h.test/api") == "https://h.test/api")
        #expect(EnvironmentAnalyzer.applying(rootPath: "/api", to: "https://h.test/") == "https://h.test/api")
        #expect(EnvironmentAnalyzer.applying(rootPath: nil, to: "https://h.test") == "https://h.test")
    }

    @Test("the checker itself catches each kind of placeholder")
    func checkerCatches() {
        let bad = [
            "curl -s '(not described)'/docs",
            "curl -s https://PREVIEW_HOST/docs",
            "curl -s https://h.test/x'?''<parameter>'=1",
            "curl -s https://app.example.com/",
            "curl -s \"$BASE_URL\"/docs",
        ]
        for line in bad {
            #expect(!Self.problems(in: "```bash\n\(line)\n```\n", modelText: "").isEmpty, "\(line)")
        }
        let good = "```bash\nexport BASE_URL=\"${BASE_URL:?set it}\"\ncurl -s \"$BASE_URL\"/docs -H 'Origin: https://attacker.example'\n```\n"
        #expect(Self.problems(in: good, modelText: "").isEmpty)
    }

    // MARK: - Support

    static func markdown(of text: String, file: String) throws -> String {
        let model = try ModelLoader.load(text: text, file: file)
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let report = try ThreatAnalysis(catalog: catalog).run(on: model, options: .init(generatedAt: "2026-01-15", toolVersion: "test"))
        return try #require(try renderReport(report, formats: [.markdown]).first).contents
    }

    static func check(_ markdown: String, modelText: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for problem in problems(in: markdown, modelText: modelText) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }

    /// The shell lines of a Markdown report, here-document bodies left out (they are another language).
    static func shellLines(of markdown: String) -> [String] {
        var lines: [String] = []
        var fence: String?
        var isShell = false
        var hereDocumentEnd: String?
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let end = hereDocumentEnd {
                if line == end { hereDocumentEnd = nil }
                continue
            }
            if let open = fence {
                if line.hasPrefix(open), line.allSatisfy({ $0 == "`" || $0 == "~" }) { fence = nil; continue }
                if isShell {
                    lines.append(line)
                    if let match = line.firstMatch(of: /<<-?'?([A-Za-z_]+)'?/) { hereDocumentEnd = String(match.1) }
                }
                continue
            }
            if let match = line.firstMatch(of: /^(`{3,}|~{3,})\s*([A-Za-z]*)/) {
                fence = String(match.1)
                isShell = ["bash", "sh", "shell", "console", "zsh"].contains(String(match.2))
                continue
            }
            if line.hasPrefix("curl ") || line.hasPrefix("$ ") { lines.append(line) }
        }
        return lines
    }

    static func problems(in markdown: String, modelText: String) -> [String] {
        var problems: [String] = []
        var defined: Set<String> = []
        for line in shellLines(of: markdown) {
            if line.contains("(not described)") { problems.append("`(not described)` in: \(line)") }
            for match in line.matches(of: /<([A-Za-z][A-Za-z0-9 _-]*)>/) where match.1 != "script" {
                problems.append("placeholder <\(match.1)> in: \(line)")
            }
            for match in line.matches(of: /(^|[^$\w{])([A-Z][A-Z0-9_]*_HOST)\b(?!=)/) {
                problems.append("placeholder \(match.2) in: \(line)")
            }
            for match in line.matches(of: /(?i)([a-z0-9][a-z0-9.-]*\.example(\.com|\.org|\.net)?)\b/) {
                let host = String(match.1).lowercased()
                if attackerHosts.contains(host) || modelText.lowercased().contains(host) { continue }
                problems.append("host \(host) the model does not name in: \(line)")
            }
            if let match = line.firstMatch(of: /^(export\s+)?([A-Z_]+)=/) { defined.insert(String(match.2)) }
            for variable in CommandVariable.used(in: line) where !defined.contains(variable.rawValue) {
                problems.append("$\(variable.rawValue) used before it is defined in: \(line)")
            }
        }
        return problems
    }
}
