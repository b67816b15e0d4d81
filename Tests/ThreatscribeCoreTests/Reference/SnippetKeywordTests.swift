import Foundation
import Testing
@testable import ThreatscribeCore

/// Every FastAPI/Starlette keyword argument in every Python snippet of a Sample report exists in the
/// versions the model names. Python's own `ast` reads the snippets (after the placeholders are filled
/// for the Sample); the keywords are checked against `Fixtures/framework-signatures.json`, introspected
/// from real installs by `scripts/data/framework-signatures.py`. A `**kwargs` parameter never counts:
/// `FastAPI(max_body_size=…)` on 0.115.12 is swallowed by `**extra` and silently does nothing.
struct SnippetKeywordTests {
    struct Signatures: Decodable {
        struct Callable: Decodable {
            var object: String
            var keywords: [String]
            var var_keyword: Bool
        }
        struct Pair: Decodable {
            var fastapi: String
            var starlette: String
            var callables: [String: Callable]
        }
        var pairs: [Pair]
    }

    struct Call: Decodable, Equatable {
        var name: String
        var target: String?
        var keywords: [String]
        var line: Int
    }

    static let signatures: Signatures? = {
        let url = SampleReportTests.root.appendingPathComponent("Tests/ThreatscribeCoreTests/Fixtures/framework-signatures.json")
        return try? JSONDecoder().decode(Signatures.self, from: Data(contentsOf: url))
    }()

    /// Prints, per snippet, the calls with their keyword names (and the first positional argument's
    /// name, for `add_middleware(CORSMiddleware, …)`); a snippet that does not parse is an error line.
    static let astProgram = #"""
    import ast, json, sys
    out = []
    for index, source in enumerate(json.load(sys.stdin)):
        try:
            tree = ast.parse(source)
        except SyntaxError as error:
            out.append({"snippet": index, "error": f"line {error.lineno}: {error.msg}"})
            continue
        calls = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                function = node.func
                name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
                target = node.args[0].id if node.args and isinstance(node.args[0], ast.Name) else None
                calls.append({"name": name, "target": target, "keywords": [k.arg for k in node.keywords if k.arg], "line": node.lineno})
        out.append({"snippet": index, "calls": calls})
    print(json.dumps(out))
    """#

    struct Result: Decodable {
        var snippet: Int
        var error: String?
        var calls: [Call]?
    }

    static func pythonSnippets(in markdown: String) -> [String] {
        var snippets: [String] = [], current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed == "```python" || trimmed == "```py" { current = []; continue }
            if current != nil, trimmed == "```" { snippets.append(current!.joined(separator: "\n")); current = nil; continue }
            current?.append(line)
        }
        return snippets
    }

    static func parse(_ snippets: [String]) throws -> [Result] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", astProgram]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(try JSONEncoder().encode(snippets.map(Self.dedented)))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([Result].self, from: data)
    }

    static func dedented(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return lines.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n")
    }

    /// The keywords of `calls` that the pair's callables lack.
    static func unknownKeywords(_ calls: [Call], pair: Signatures.Pair) -> [String] {
        calls.flatMap { call -> [String] in
            var decider = pair.callables[call.name]
            if ["add_middleware", "Middleware"].contains(call.name), let target = call.target { decider = pair.callables[target] }
            guard let decider else { return [] }
            return call.keywords.filter { !decider.keywords.contains($0) }
                .map { "\(call.name)(\($0)=…) at snippet line \(call.line): \(decider.object) in FastAPI \(pair.fastapi)/Starlette \(pair.starlette) has no such parameter" }
        }
    }

    @Test("every FastAPI/Starlette keyword in a Sample's Python snippets exists in the modelled versions", arguments: SampleReportTests.samples)
    func sampleSnippets(_ sample: String) throws {
        let signatures = try #require(Self.signatures)
        let source = try String(contentsOf: SampleReportTests.root.appendingPathComponent("Samples/\(sample)"), encoding: .utf8)
        let model = try ModelLoader.load(text: source, file: sample)
        let installed = InstalledPackages(model: model.base)
        let fastapi = installed.packages["fastapi"]?.version?.description
        let pair = try #require(fastapi.map { version in signatures.pairs.first { $0.fastapi == version } } ?? signatures.pairs.last,
                                "no signature data for FastAPI \(fastapi ?? "?"): add the pair to scripts/data/framework-signatures.py")
        let markdown = try PasteableCommandTests.markdown(of: source, file: sample)
        let snippets = Self.pythonSnippets(in: markdown)
        for result in try Self.parse(snippets) {
            if let error = result.error { Issue.record("\(sample): snippet \(result.snippet) does not parse (\(error)):\n\(snippets[result.snippet])") }
            for problem in Self.unknownKeywords(result.calls ?? [], pair: pair) {
                Issue.record("\(sample): \(problem):\n\(snippets[result.snippet])")
            }
        }
    }

    @Test("every catalog Python snippet uses only keywords every modelled FastAPI/Starlette release has")
    func catalogSnippets() throws {
        let signatures = try #require(Self.signatures)
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        var snippets: [(id: String, code: String)] = []
        for entry in catalog.entries {
            for text in [entry.description, entry.impactText, entry.mitigation, entry.validation, entry.falsePositives] {
                // A placeholder in Python code is always a literal (catalog rule), so `None` stands in for any value.
                let filled = text.replacingOccurrences(of: #"\{\{[^}]*\}\}"#, with: "None", options: .regularExpression)
                snippets += Self.pythonSnippets(in: filled).map { (entry.id, $0) }
            }
        }
        #expect(snippets.count > 30)
        for result in try Self.parse(snippets.map(\.code)) {
            let id = snippets[result.snippet].id
            if let error = result.error { Issue.record("\(id): a snippet does not parse (\(error))") }
            for pair in signatures.pairs {
                for problem in Self.unknownKeywords(result.calls ?? [], pair: pair) { Issue.record("\(id): \(problem)") }
            }
        }
    }

    @Test("the check finds a keyword FastAPI 0.115.12 swallows with **extra, and accepts it on 0.165.0")
    func checkCatchesMissingKeyword() throws {
        let signatures = try #require(Self.signatures)
        let old = try #require(signatures.pairs.first { $0.fastapi == "0.115.12" })
        let new = try #require(signatures.pairs.first { $0.fastapi == "0.165.0" })
        #expect(old.callables["FastAPI"]?.var_keyword == true)
        let calls = try #require(try Self.parse(["app = FastAPI(max_body_size=1_048_576, docs_url=None)\napp.add_middleware(CORSMiddleware, allow_origins=[], allow_headerz=[])\n"]).first?.calls)
        let problems = Self.unknownKeywords(calls, pair: old)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.hasPrefix("FastAPI(max_body_size=") })
        #expect(problems.contains { $0.hasPrefix("add_middleware(allow_headerz=") })
        #expect(Self.unknownKeywords(calls, pair: new).count == 1)
        #expect(try Self.parse(["def f(:\n"]).first?.error != nil)
    }
}
