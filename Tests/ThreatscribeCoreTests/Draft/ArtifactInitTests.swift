import Foundation
import Testing
@testable import ThreatscribeCore

/// `threatscribe init` on a project that has an OpenAPI document, Kubernetes manifests, a CycloneDX
/// SBOM and `.env` files (issue 11): the draft merges them (expected.yaml, updated with
/// `THREATSCRIBE_UPDATE_EXPECTED=1`), validates, and analyses to the findings they justify; a
/// project with hostile artifacts still drafts, with a located warning for each.
@Suite(.enabled(if: pythonOnPath != nil, "needs python3 on PATH"))
struct ArtifactInitTests {
    static let fixture = "\(InitCommandTests.fixtures)/artifacts"

    @Test func draftsTheExpectedModelWithTheArtifactsMerged() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (run, text) = try InitCommandTests.draft("\(Self.fixture)/project", in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let model = try #require(text)
        let expectedURL = CommandLineTests.root.appendingPathComponent("\(Self.fixture)/expected.yaml")
        if ProcessInfo.processInfo.environment["THREATSCRIBE_UPDATE_EXPECTED"] == "1" {
            try model.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        #expect(model == (try String(contentsOf: expectedURL, encoding: .utf8)), "init output differs from artifacts/expected.yaml")
        for value in ["prod-signing-key-9f8e7d6c", "sk_live_not_a_real_key_0000", "local-only"] {
            #expect(!model.contains(value), "a secret value was copied into the model")
        }
        #expect(run.stdout.contains("docs/openapi.json (OpenAPI 3.1.0): 5 operations, 4 matched endpoints of the code, 1 given the auth the code left unresolved, 1 added; 1 conflict"))
        #expect(run.stdout.contains("GET /ping: the code (app/main.py:30) shows no authentication, docs/openapi.json:8 requires OAuth2PasswordBearer"))
        #expect(run.stdout.contains(".env.local (ignored by git): 1 setting, not merged"))
        #expect(run.stdout.contains("Kubernetes manifests (k8s/deployment.yaml)"))
    }

    /// The findings the artifacts justify, each citing the artifact: the literal secrets (a
    /// committed `.env.production`, a manifest's `value:`), UID 0 from the securityContext, the
    /// SBOM's vulnerable versions, the admin operation only the OpenAPI document shows.
    @Test func theMergedDraftAnalysesToTheFindingsTheArtifactsJustify() throws {
        let text = try String(contentsOf: CommandLineTests.root.appendingPathComponent("\(Self.fixture)/expected.yaml"), encoding: .utf8)
        let model = try ModelLoader.load(text: text, file: "model.yaml")
        let report = try ThreatAnalysis(catalog: CatalogSampleTests.catalog)
            .run(on: model, options: .init(generatedAt: "2026-01-01", toolVersion: "test"))
        let ids = Set(report.findings.map(\.id))
        for expected in ["TS-SECRET-003@secrets[0]", "TS-SECRET-003@secrets[1]", "TS-DEPLOY-001@deployment",
                         "TS-DEP-013@frameworks.starlette", "TS-DEP-013@dependencies[1].version", "TS-ROUTE-006@routers[1].endpoints[0]"] {
            #expect(ids.contains { $0 == expected || $0.hasPrefix(expected + "#") }, "missing \(expected) in \(ids.sorted())")
        }
        // The Ingress terminates TLS (spec.tls): no finding about plain HTTP at the ingress.
        #expect(!ids.contains { $0.hasPrefix("TS-DEPLOY-007") }, "\(ids.sorted())")
    }

    /// Hostile artifacts: a billion-laughs SBOM, an OpenAPI document cut short, a Swagger 2.0 file,
    /// YAML nested 10,000 deep and a 9 MiB JSON file (over the 8 MiB limit). Each is named with its place; the draft is written.
    @Test func hostileArtifactsGiveLocatedWarningsAndTheDraftIsStillWritten() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let project = directory.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("app"), withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            try text.write(to: project.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("app/main.py", "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/items')\ndef items():\n    return []\n")
        let laughs = try Data(contentsOf: CommandLineTests.root.appendingPathComponent("Tests/ThreatscribeCoreTests/Fixtures/import/tm7/hostile/tm-file-parser-billion-laughs.tm7"))
        let bom = String(decoding: laughs, as: UTF8.self).replacingOccurrences(of: "<ThreatModel", with: "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"")
        try write("bom.xml", bom)
        try write("openapi.json", "{\"openapi\": \"3.1.0\", \"paths\": {\"/items\": {\"get\": ")
        try write("swagger.yaml", "swagger: \"2.0\"\ninfo: {title: Old}\npaths: {}\n")
        try write("deep.yaml", "openapi: 3.1.0\nx: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n")
        try write("big.json", "{\"openapi\": \"3.1.0\", \"x\": \"" + String(repeating: "a", count: 9 << 20) + "\"}")
        let (run, text) = try InitCommandTests.draft(project.path, in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        _ = try ModelLoader.load(text: try #require(text), file: "model.yaml")
        #expect(run.stdout.contains("artifacts not merged:"))
        for prefix in ["bom.xml:", "openapi.json:", "swagger.yaml:1:10: warning: not merged: Swagger 2.0 is not read", "deep.yaml:", "big.json:1:1: warning: not merged: over"] {
            #expect(run.stdout.contains("  " + prefix), "no warning for \(prefix) in \(run.stdout)")
        }
    }

    /// The walk does not follow symbolic links and skips hidden and test folders.
    @Test func theWalkSkipsLinksHiddenAndTestFolders() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let project = directory.appendingPathComponent("project")
        for folder in ["app", "tests", ".hidden", "docs"] {
            try FileManager.default.createDirectory(at: project.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try "from fastapi import FastAPI\napp = FastAPI()\n".write(to: project.appendingPathComponent("app/main.py"), atomically: true, encoding: .utf8)
        let document = "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {}}"
        for path in ["tests/openapi.json", ".hidden/openapi.json", "docs/openapi.json"] {
            try document.write(to: project.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        try document.write(to: directory.appendingPathComponent("outside.json"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: project.appendingPathComponent("link.json"), withDestinationURL: directory.appendingPathComponent("outside.json"))
        let (run, _) = try InitCommandTests.draft(project.path, in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  docs/openapi.json (OpenAPI 3.1.0): 0 operations"))
        for skipped in ["tests/openapi.json", ".hidden/openapi.json", "link.json"] { #expect(!run.stdout.contains(skipped), "\(skipped) was read") }
    }
}
