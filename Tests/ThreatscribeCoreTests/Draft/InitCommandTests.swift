import Foundation
import Testing
@testable import ThreatscribeCore

/// The python3 `init` will find on PATH, if any.
let pythonOnPath: String? = {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let candidate = "\(directory)/python3"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}()

/// `threatscribe init` on the synthetic projects under `Fixtures/init/` (issue 11): each drafts the
/// committed `expected.yaml` (update with `THREATSCRIBE_UPDATE_EXPECTED=1`), validates and analyses;
/// a project whose code would leave a marker and hang if imported proves nothing runs.
@Suite(.enabled(if: pythonOnPath != nil, "needs python3 on PATH"))
struct InitCommandTests {
    static let fixtures = "Tests/ThreatscribeCoreTests/Fixtures/init"
    static var python: String? { pythonOnPath }

    static func draft(_ project: String, in directory: URL) throws -> (CommandLineTests.Run, String?) {
        let output = directory.appendingPathComponent("model.yaml")
        let run = try withoutHanging { try CommandLineTests.run(["init", project, "--output", output.path]) }
        return (run, try? String(contentsOf: output, encoding: .utf8))
    }

    @Test(arguments: ["shop", "platform", "nested", "engine"])
    func draftsTheExpectedModelWhichValidatesAndAnalyses(fixture: String) throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (run, text) = try Self.draft("\(Self.fixtures)/\(fixture)/project", in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let model = try #require(text)
        let expectedURL = CommandLineTests.root.appendingPathComponent("\(Self.fixtures)/\(fixture)/expected.yaml")
        if ProcessInfo.processInfo.environment["THREATSCRIBE_UPDATE_EXPECTED"] == "1" {
            try model.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        #expect(model == (try String(contentsOf: expectedURL, encoding: .utf8)), "init output differs from \(fixture)/expected.yaml")
        _ = try ModelLoader.load(text: model, file: "model.yaml")
        let report = directory.appendingPathComponent("report")
        let analyze = try CommandLineTests.run(["analyze", directory.appendingPathComponent("model.yaml").path,
                                                "--output", report.path, "--format", "markdown"])
        #expect(analyze.status == 0, "\(analyze.stderr)")
        #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("threat-model.md").path))
    }

    @Test func summaryNamesWhatWasFoundUnresolvedAndAsked() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (run, _) = try Self.draft("\(Self.fixtures)/platform/project", in: directory)
        #expect(run.stdout.contains("found 3 apps, 6 middleware registrations, 3 routers, 9 endpoints, 1 websocket in 9 Python files"))
        #expect(run.stdout.contains("middleware of app (platform/app.py:16), outermost first: HTTPSRedirectMiddleware → CORSMiddleware → GZipMiddleware → TrustedHostMiddleware → SessionMiddleware"))
        #expect(run.stdout.contains("platform/app.py:30: allow_origins in the environment where PLATFORM_BACKEND_CORS_ORIGINS is set"))
        #expect(run.stdout.contains("what does the StaticFiles directory 'static' hold"))
    }

    /// Dependencies on an outer `include_router`, an `APIRouter(dependencies=...)` and `FastAPI(dependencies=...)`
    /// reach every endpoint below them, and an auth dependency reaching no known scheme is a custom mechanism:
    /// only the public feedback form is a state-changing endpoint without authentication (TS-ROUTE-001).
    @Test func dependenciesDeclaredAboveTheEndpointAuthenticateIt() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (run, text) = try Self.draft("\(Self.fixtures)/nested/project", in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let model = try ModelLoader.load(text: try #require(text), file: "model.yaml")
        let routers = try #require(model.base.routers)
        #expect(routers.map(\.dependencies) == [nil, ["get_current_user"], ["get_current_user", "oauth2"]])
        #expect(model.base.apps?.first?.routers?.first?.dependencies == ["oauth2"])
        let report = try ThreatAnalysis(catalog: CatalogSampleTests.catalog)
            .run(on: model, options: .init(generatedAt: "2026-01-01", toolVersion: "test"))
        let unauthenticated = report.findings.filter { $0.threatID == "TS-ROUTE-001" }.map(\.id)
        #expect(!unauthenticated.isEmpty)
        #expect(unauthenticated.allSatisfy { $0.hasPrefix("TS-ROUTE-001@routers[0].endpoints[0]") }, "\(unauthenticated)")
    }

    /// Constructs real services use (issue 11, real-project gaps): an app built inside a class (`self._app`, a helper function given the app,
    /// `add_api_route` with methods, `app.middleware("http")(fn)`), settings read from the `settings.yaml` the
    /// code names, a dependency defined twice under an `if` on a setting, an auth provider picked at run time,
    /// the Dockerfile stage that starts the server through an entrypoint script, and compose's `user: root`.
    @Test func classBuiltAppWithYAMLSettingsScriptsAndProvidersDraftsWhatTheCodeDoes() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (run, text) = try Self.draft("\(Self.fixtures)/engine/project", in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("found 1 app, 2 middleware registrations, 1 router, 9 endpoints, 0 websockets in 8 Python files"))
        #expect(run.stdout.contains("middleware of Engine._app (engine/server.py:59), outermost first: CORSMiddleware → catch_everything"))
        // a key settings.yaml leaves out takes its typed model's default (settings_model.py), not "unresolved"
        #expect(text?.contains("allow_credentials: false  # engine/server.py:38 engine/settings_model.py:8") == true)
        // the server stage is not the last; its ENTRYPOINT script gets the CMD, whose port an ARG default sets
        #expect(text?.contains("port: 8000  # bin/start.sh:4 with Dockerfile:11") == true)
        let model = try ModelLoader.load(text: try #require(text), file: "model.yaml")
        let endpoints = try #require(model.base.routers?.first?.endpoints)
        #expect(endpoints.map(\.path) == ["/items/{name}", "/healthz", "/reports/{name}", "/upload", "/me", "/login", "/tokens/{name}", "/cache", "/items/query"])
        let report = try ThreatAnalysis(catalog: CatalogSampleTests.catalog)
            .run(on: model, options: .init(generatedAt: "2026-01-01", toolVersion: "test"))
        let fired = Set(report.findings.map(\.threatID))
        // catch-all middleware returning repr(e); --reload from the entrypoint script; python-jose without
        // algorithms= in the provider the settings select; auth off by default; CORS "*" and a literal
        // secret from settings.yaml; compose runs the API as root over the image's USER app; a login by password.
        for threat in ["TS-ERR-002", "TS-SRV-008", "TS-AUTH-001", "TS-AUTH-015", "TS-CORS-001", "TS-SECRET-001", "TS-DEPLOY-001",
                       "TS-AUTH-011", "TS-ROUTE-001"] {
            #expect(fired.contains(threat), "\(threat) did not fire")
        }
        // one path component (basename, a `{name}` parameter) is not a traversal; a hidden health check is not a finding
        #expect(!fired.contains("TS-CAP-003"))
        #expect(!fired.contains("TS-ROUTE-004"))
        // behind the switched-off dependency: DELETE /items/{name} and POST /upload; not /me (its provider), /login,
        // nor the DELETEs behind `Depends(ScopeGuard("tokens"))` and `Depends(ADMIN_ONLY)` (a class instance's `__call__`),
        // nor the public POST /items/query, drafted `read_only: true` (its path names a read and its handler writes nothing)
        #expect(text?.contains("read_only: true  # the path names a read") == true)
        let unauthenticated = Set(report.findings.filter { $0.threatID == "TS-ROUTE-001" }.map { $0.id.split(separator: "#")[0] })
        #expect(unauthenticated == ["TS-ROUTE-001@routers[0].endpoints[0]", "TS-ROUTE-001@routers[0].endpoints[3]"], "\(unauthenticated)")
    }

    /// Copies the harmful fixture, so a failure cannot leave markers in the repository.
    static func harmfulCopy(in directory: URL) throws -> URL {
        let copy = directory.appendingPathComponent("project")
        try FileManager.default.copyItem(at: CommandLineTests.root.appendingPathComponent("\(fixtures)/harmful/project"), to: copy)
        return copy
    }

    static func markers(under directory: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix("EXECUTED") { found.append(path) }
        }
        return found.sorted()
    }

    @Test func theHarmfulFixtureLeavesAMarkerWhenItsCodeRuns() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = try Self.harmfulCopy(in: directory)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = ["-c", "import json"]   // the project's json.py shadows the standard one
        process.currentDirectoryURL = copy
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(Self.markers(under: copy) == ["json.py.EXECUTED"] || Self.markers(under: copy) == ["EXECUTED"])
    }

    @Test func nothingInTheProjectIsImportedOrRun() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = try Self.harmfulCopy(in: directory)
        let (run, text) = try Self.draft(copy.path, in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.markers(under: copy).isEmpty)
        let model = try ModelLoader.load(text: try #require(text), file: "model.yaml")
        #expect(model.base.routers?.first?.endpoints.map(\.path) == ["/items"])
    }

    @Test func withoutPythonInitSaysSoAndExitsTwo() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("model.yaml")
        let missing = try CommandLineTests.run(["init", "\(Self.fixtures)/shop/project", "--output", output.path],
                                               environment: ["PATH": directory.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("threatscribe init needs python3"))
        let given = try CommandLineTests.run(["init", "\(Self.fixtures)/shop/project", "--output", output.path,
                                              "--python", directory.appendingPathComponent("python3").path])
        #expect(given.status == 2)
        #expect(given.stderr.contains("needs python3"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aProjectThatIsNotADirectoryExitsTwo() throws {
        let run = try CommandLineTests.run(["init", "README.md", "--output", "/nonexistent/model.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("README.md is not a directory"))
    }
}
