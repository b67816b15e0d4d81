import Testing
@testable import ThreatscribeCore

/// Mounted sub-applications: per-app findings at `apps[i]`, URLs through the mount, the main
/// app's middleware shared (and its pipeline findings not repeated), and validation.
@Suite struct MountedAppTests {
    /// Shaped after Netflix/dispatch `src/dispatch/main.py:56-84,268`: the main app disables its
    /// docs, the `api` app mounted at `/api/v1` serves ReDoc at `/docs`.
    static let model = """
    system: {name: Dispatch}
    app:
      docs_url: null
      redoc_url: null
      openapi_url: null
    middleware:
      - {type: gzip, minimum_size: 1000}
    routers:
      - endpoints: [{path: /healthz, methods: [GET], auth: none}]
    apps:
      - id: api
        mount: /api/v1
        app:
          docs_url: null
          redoc_url: /docs
          openapi_url: /docs/openapi.json
        middleware:
          - {type: gzip, minimum_size: 1000}
        routers:
          - prefix: /incidents
            endpoints:
              - {path: /, methods: [GET], auth: none}
    environments:
      - {name: production, kind: production, base_url: "https://dispatch.example.com"}
    """

    static func findings(_ text: String = model) throws -> [Finding] {
        let loaded = try ModelLoader.load(text: text, file: "model.yaml")
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        return try ThreatAnalysis(catalog: catalog).run(on: loaded, options: .init(generatedAt: "2026-01-15", toolVersion: "test")).findings
    }

    @Test func docsFindingIsTheSubAppsWithTheMountedURL() throws {
        let findings = try Self.findings()
        let docs = findings.filter { $0.threatID.hasPrefix("TS-DOCS-00") && $0.threatID != "TS-DOCS-005" }
        #expect(docs.map(\.id) == ["TS-DOCS-002@apps[0].app"])
        #expect(docs.first?.title.contains("/api/v1/docs") == true)
        #expect(docs.first?.evidence.contains { $0.modelLocation?.line == 14 } == true, "cites the sub-app's redoc_url line")
    }

    @Test func pipelineFindingsSharedWithTheMainAppAreReportedOnce() throws {
        let findings = try Self.findings()
        let hsts = findings.filter { $0.threatID == "TS-HDR-001" }
        #expect(hsts.map(\.id) == ["TS-HDR-001@middleware"])
    }

    @Test func subAppMiddlewareRunsInsideTheMainApps() throws {
        let loaded = try #require(loadModel(Self.model))
        let projection = try #require(MountedAppProjection.all(in: loaded.environments[0]).first)
        #expect(projection.environment.model.middleware?.count == 2)
        #expect(projection.real("middleware[0]") == "middleware[0]")
        #expect(projection.real("middleware[1].minimum_size") == "apps[0].middleware[0].minimum_size")
        #expect(projection.environment.model.routers?.first?.prefix == "/api/v1/incidents")
        #expect(projection.environment.locations.inModel["middleware[1]"]?.line == 18)
    }

    @Test func mountOrHostIsRequired() {
        let noWay = Self.model.replacingOccurrences(of: "    mount: /api/v1\n", with: "")
        #expect(loadDiagnostics(noWay) == ["model.yaml:11:5: error: `apps[0]` needs `mount` (the path of `app.mount(...)`) or `host` (the name of `Host(...)`)"])
        let relative = Self.model.replacingOccurrences(of: "mount: /api/v1", with: "mount: api/v1")
        #expect(loadDiagnostics(relative) == ["model.yaml:12:12: error: `apps[0].mount` must start with `/` (Starlette refuses \"api/v1\"); write \"/api/v1\""])
    }
}
