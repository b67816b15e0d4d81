import Foundation
import Testing
@testable import ThreatscribeCore

/// Issue 13: a model with thousands of endpoints must not repeat all of them in every sentence, evidence
/// line and check that names them; issue 9: evidence does not repeat what the item's text already says.
struct LongListTests {
    /// One request model used by `count` endpoints, with unbounded fields (TS-VAL-002 names every endpoint).
    static func model(endpoints count: Int) -> String {
        let endpoints = (0..<count).map { "      - {path: /item\($0), methods: [POST], auth: none, request_model: ItemCreate}" }
        return """
        threatscribe: 1
        system: {name: Many Endpoints API, data_classification: confidential, exposure: internet}
        frameworks: {fastapi: "0.115.12", starlette: "0.46.2"}
        app: {framework: fastapi}
        server: {kind: uvicorn, host: 0.0.0.0, port: 8000}
        routers:
          - prefix: /r0
            endpoints:
        \(endpoints.joined(separator: "\n"))
        models:
          - name: ItemCreate
            fields:
              - {name: note, type: str}
        """
    }

    static func markdown(endpoints count: Int) throws -> String {
        let loaded = try ModelLoader.load(text: model(endpoints: count), file: "many.yaml")
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let report = try ThreatAnalysis(catalog: catalog).run(on: loaded, options: .init(generatedAt: "2026-01-15", toolVersion: "test"))
        return try renderReport(report, formats: [.markdown])[0].contents
    }

    @Test("a list of more than ten names in prose shows ten and counts the rest")
    func longListIsCapped() throws {
        let text = try Self.markdown(endpoints: 40)
        #expect(text.contains("POST /r0/item9, and 30 more"), "the description and the check name ten endpoints")
        #expect(!text.contains("POST /r0/item10,"), "no sentence names the eleventh endpoint")
        #expect(!text.contains("/r0/item39"))
    }

    @Test("a list of ten names is not cut")
    func shortListIsKept() throws {
        let text = try Self.markdown(endpoints: 10)
        #expect(text.contains("POST /r0/item9"))
        #expect(!text.contains("more\n") && !text.contains(" more)"), "nothing to count")
    }

    @Test("an evidence list of more than ten strings is cut after ten")
    func evidenceListIsCapped() {
        let value = "[" + (0..<13).map { "\"GET /a\($0) \\\"x\\\"\"" }.joined(separator: ", ") + "]"
        let capped = EvidenceView.cappedList(value)
        #expect(capped.hasSuffix("\"GET /a9 \\\"x\\\"\", … and 3 more]"), "\(capped)")
        #expect(EvidenceView.cappedList("[\"a\", \"b\"]") == "[\"a\", \"b\"]")
        #expect(EvidenceView.cappedList("(not set: default)") == "(not set: default)")
    }

    @Test("evidence leaves out a value the item's text states, never one it does not")
    func statedValues() {
        #expect(EvidenceView.isStated("optional", in: "Code review is `optional`: a single person"))
        #expect(EvidenceView.isStated("python:3.12", in: "Images built from python:3.12 reach production"))
        #expect(EvidenceView.isStated("[\"a b\", \"c\"]", in: "fields `a b`, `c`"))
        #expect(!EvidenceView.isStated("true", in: "the token is true to its word"), "a bare word is not matched in running text")
        #expect(!EvidenceView.isStated("[\"a\", \"d\"]", in: "fields `a`, `c` and d"), "every element must be stated as a name")
        let line = EvidenceView.lines([Evidence(path: "build.sbom", modelLocation: nil, codeLocation: nil, fact: "sbom", value: "false")],
                                      modelFile: "m.yaml", statedIn: "Builds produce no SBOM.")
        #expect(line.first?.values.map(\.value.text) == ["false"], "not stated: shown")
        #expect(line.first?.values.first?.fact == nil, "a fact named like the path's last key is not repeated")
    }
}
