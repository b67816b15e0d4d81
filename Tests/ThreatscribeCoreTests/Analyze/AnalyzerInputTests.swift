import Foundation
import Testing
@testable import ThreatscribeCore

/// An analyzer that declares its input (`Analyzer.input(of:)`) gets its subjects computed from that part
/// of the model alone and shared by the environments whose parts are equal. Sharing is exact only if the
/// input holds everything the analyzer reads: on every model at hand (the catalog's trigger and
/// no_trigger samples, the Samples, the real-project models), in every environment, the subjects from
/// the input alone must equal the subjects from the whole environment. `routing` covers what the
/// routing input keeps that the other models do not (an authenticating middleware with exempt paths,
/// body limits, workers).
struct AnalyzerInputTests {
    static let models: [(name: String, text: String)] = {
        let root = SampleReportTests.root
        let samples = SampleReportTests.samples.compactMap { name in
            (try? String(contentsOf: root.appendingPathComponent("Samples/\(name)"), encoding: .utf8)).map { (name, $0) }
        }
        let projects = RealProjectTests.projects.compactMap { name in
            (try? String(contentsOf: RealProjectTests.directory.appendingPathComponent("\(name)/model.yaml"), encoding: .utf8)).map { (name, $0) }
        }
        let catalogSamples = CatalogSampleTests.cases.map { ($0.testDescription, $0.sample.model) }
        return samples + projects + catalogSamples + [("routing.yaml", routing)]
    }()

    /// Every part of the model the routing input keeps, differing between environments.
    static let routing = """
        threatscribe: 1
        system: {name: Routing, exposure: internet}
        frameworks: {fastapi: "0.115.12", starlette: "0.46.2"}
        app: {max_body_size: 1000000}
        server: {workers: 1, max_body_size: 2000000}
        deployment: {ingress: {rate_limiting: false, request_size_limit: 3000000}}
        middleware:
          - {id: gate, type: custom, authenticates_with: session, exempt_paths: [/auth, /health]}
          - {id: csrf, type: custom, purpose: csrf}
          - {id: limiter, type: rate_limit, library: slowapi, default_limit: 100/minute}
        auth:
          - {id: session, type: session_cookie, transport: cookie}
          - {id: bearer, type: oauth2_jwt, transport: header, lockout_after_failures: 5}
        models:
          - name: Login
            fields: [{name: password, type: str, sensitive: true}]
        routers:
          - prefix: /auth
            endpoints:
              - {path: /login, methods: [POST], purpose: login, auth: none, request_model: Login}
          - prefix: /files
            endpoints:
              - {path: "/{name}", methods: [PUT], blocking_calls_in_async: true, capabilities: {accepts_uploads: true}}
              - {path: /health, methods: [GET]}
        websockets:
          - {path: /ws, auth: session, capabilities: {accepts_uploads: true}}
        environments:
          - {name: development, kind: development, base_url: "http://localhost:8000"}
          - name: production
            kind: production
            base_url: https://api.example.com
            overrides:
              app: {max_body_size: null}
              server: {workers: 4}
              deployment: {ingress: {rate_limiting: true, request_size_limit: null}}
              middleware:
                - {id: gate, exempt_paths: [/auth]}
                - {id: limiter, default_limit: null}
              auth:
                - {id: session, enabled: false}
        """

    @Test func theInputHoldsEverythingTheAnalyzerReads() throws {
        let declaring = Analyzers.all.filter { $0.input(of: ArchitectureModel(system: SystemDescription(name: ""))) != nil }
        #expect(declaring.count >= 4)
        _ = try ModelLoader.load(text: Self.routing, file: "routing.yaml")
        var compared = 0
        for (name, text) in Self.models {
            guard let model = try? ModelLoader.load(text: text, file: name) else { continue }
            for environment in model.environments {
                let whole = AnalysisContext(environment: environment, allEnvironments: model.environments)
                for analyzer in declaring {
                    let input = try #require(analyzer.input(of: environment.model))
                    let alone = AnalysisContext(environment: ResolvedEnvironment(name: "", kind: nil, baseURL: nil, model: input, locations: ModelLocations()),
                                                allEnvironments: [])
                    #expect(analyzer.subjects(in: alone) == analyzer.subjects(in: whole),
                            "\(type(of: analyzer)) reads more than its input on \(name), environment \(environment.name)")
                    compared += 1
                }
            }
        }
        #expect(compared > 1000)
    }

    /// The batches of each environment, computed concurrently and shared with earlier environments, are
    /// each analyzer's own subjects there, in analyzer order.
    @Test func batchesAreEachAnalyzersSubjectsInAnalyzerOrder() {
        var compared = 0
        for (name, text) in Self.models {
            guard let model = try? ModelLoader.load(text: text, file: name) else { continue }
            var reuse = SubjectReuse(analyzerCount: Analyzers.all.count)
            for environment in model.environments {
                let context = AnalysisContext(environment: environment, allEnvironments: model.environments)
                let batches = reuse.batches(of: Analyzers.all, in: context)
                #expect(batches.map(\.subjects) == Analyzers.all.map { $0.subjects(in: context) }, "\(name), environment \(environment.name)")
                compared += 1
            }
        }
        #expect(compared > 100)
    }

    /// Environments that share the routing part but differ in a fact an endpoint finding reads elsewhere
    /// (the environment kind) or in the routing part itself (a mechanism switched off) keep their differences.
    @Test func sharedSubjectsKeepPerEnvironmentDifferences() throws {
        let text = """
        threatscribe: 1
        system: {name: Shared, exposure: internet}
        frameworks: {fastapi: "0.115.12", starlette: "0.46.2"}
        middleware:
          - {id: cors, type: cors, allow_origins: ["*"]}
        auth:
          - {id: bearer, type: oauth2_jwt, transport: header}
        routers:
          - prefix: /items
            dependencies: [bearer]
            endpoints:
              - {path: /, methods: [GET]}
          - prefix: /open
            endpoints:
              - {path: /, methods: [POST]}
        environments:
          - {name: development, kind: development, base_url: "http://localhost:8000"}
          - name: staging
            kind: staging
            base_url: https://staging.example.com
            overrides:
              middleware:
                - {id: cors, allow_origins: ["https://staging.example.com"]}
          - name: production
            kind: production
            base_url: https://api.example.com
            overrides:
              auth:
                - {id: bearer, enabled: false}
        """
        let model = try ModelLoader.load(text: text, file: "shared.yaml")
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let analysis = ThreatAnalysis(catalog: catalog)
        let report = try analysis.run(on: model, options: .init(generatedAt: "2026-01-01", toolVersion: "test"))
        // The same findings as analysing each environment on its own, with nothing shared.
        for (index, environment) in model.environments.enumerated() {
            let alone = LoadedModel(file: model.file, base: model.base, baseLocations: model.baseLocations, environments: [environment])
            let own = try analysis.run(on: alone, options: .init(generatedAt: "2026-01-01", toolVersion: "test")).findings
            let shared = report.findings.filter { $0.environments.contains(environment.name) }
            #expect(Set(own.map { $0.id.split(separator: "#").first! }) == Set(shared.map { $0.id.split(separator: "#").first! }),
                    "environment \(index) \(environment.name)")
        }
        // With the mechanism switched off in production, no router there protects a prefix that `/open`
        // could be mistaken for: the router finding holds in the two other environments only.
        let open = report.findings.filter { $0.threatID == "TS-ROUTE-002" && $0.subjectPath.description == "routers[1]" }
        #expect(Set(open.flatMap(\.environments)) == ["development", "staging"])
    }
}
