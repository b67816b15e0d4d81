import Foundation
import Testing
@testable import ThreatscribeCore

/// Environments are checked, decoded and indexed only in the top-level sections their overrides
/// change; each result must equal doing the whole merged tree, and every change must be seen.
@Suite struct EnvironmentSectionsTests {
    static let model = """
    system:
      name: Shop
    app:
      debug: false
      docs_url: /docs
    middleware:
      - id: cors
        type: cors
        allow_origins: ["https://shop.example"]
        source: app/main.py:10
      - id: gzip
        type: gzip
    auth:
      - id: key
        type: api_key
      - id: admin
        type: api_key
    routers:
      - prefix: /api
        endpoints:
          - path: /items
            methods: [GET]
            auth: key
            source: app/items.py:3
          - path: /admin
            methods: [POST]
            auth: admin
    server:
      workers: 2
      port: {unresolved: settings.PORT, source: app/config.py:7}
    environments:
      - name: development
        overrides:
          server:
            reload: true
            port: 8000
            source: deploy/dev.sh:2
          app:
            docs_url: null
            debug: {unresolved: settings.DEBUG, source: app/config.py:9}
      - name: staging
        overrides:
          middleware:
            - id: cors
              allow_origins: ["https://staging.shop.example"]
              source: app/staging.py:4
            - id: gzip
              remove: true
      - name: production
    """

    /// Each environment's model and locations equal decoding and indexing its whole merged tree.
    static func expectWholeTreeResults(_ text: String, file: String = "model.yaml", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let loaded = try ModelLoader.load(text: text, file: file)
        let root = try LocatedNode.parse(text, file: file)
        let trees = (root["environments"]?.items ?? []).map { node in
            node["overrides"].map { OverrideMerge(schema: .current).merged(root, with: $0).tree } ?? root
        }
        #expect(loaded.base == (try ModelDecoding(schema: .current).decode(root)), sourceLocation: sourceLocation)
        #expect(loaded.baseLocations == LocationIndex(schema: .current).locations(of: root), sourceLocation: sourceLocation)
        for (environment, tree) in zip(loaded.environments, trees) {
            let whole = try ModelDecoding(schema: .current).decode(tree)
            #expect(environment.model == whole, "\(environment.name)", sourceLocation: sourceLocation)
            #expect(environment.locations == LocationIndex(schema: .current).locations(of: tree), "\(environment.name)", sourceLocation: sourceLocation)
        }
    }

    /// The diagnostics as the loader gave them when it validated and checked every merged tree whole.
    static func wholeTreeDiagnostics(_ text: String) -> [String] {
        let root: LocatedNode
        do { root = try LocatedNode.parse(text, file: "model.yaml") } catch { return error.diagnostics.map(\.description) }
        let base = ModelLoader.problems(in: root, mode: .base, schema: .current)
        var environments = EnvironmentProblems()
        for (position, node) in (root["environments"]?.items ?? []).enumerated() {
            let name = node["name"]?.scalarValue?.text ?? "environments[\(position)]"
            var merged = root
            if let overrides = node["overrides"] {
                let merge = OverrideMerge(schema: .current).merged(root, with: overrides)
                merged = merge.tree
                environments.add(merge.problems, environment: name)
            }
            environments.add(ModelLoader.problems(in: merged, mode: .merged, schema: .current), environment: name)
        }
        let reported = Set(base.compactMap(\.location))
        let all = base + environments.diagnostics.filter { $0.location.map { !reported.contains($0) } ?? true }
        var unique: [Diagnostic] = []
        for problem in all.sorted(by: DiagnosticList.order) where unique.last != problem { unique.append(problem) }
        return unique.map(\.description)
    }

    @Test func environmentsEqualTheirWholeMergedTrees() throws {
        try Self.expectWholeTreeResults(Self.model)
        try Self.expectWholeTreeResults(MaximalModel.tree().text(pretty: true), file: "maximal.json")
        for name in ModelLoadSampleTests.sampleNames {
            let text = try String(contentsOf: ModelLoadSampleTests.samples.appendingPathComponent(name), encoding: .utf8)
            try Self.expectWholeTreeResults(text, file: "Samples/\(name)")
        }
    }

    @Test func changedSectionsAreDecodedAgain() throws {
        let loaded = try #require(loadModel(Self.model))
        let development = loaded.environments[0].model, staging = loaded.environments[1].model
        #expect(loaded.base.server?.reload == nil && loaded.base.server?.workers == 2)
        #expect(development.server?.reload == true && development.server?.port == 8000 && development.server?.workers == 2)
        #expect(loaded.base.app?.docsUrl == .value("/docs") && development.app?.docsUrl == .disabled)
        #expect(loaded.base.app?.debug == false && development.app?.debug == nil)
        #expect(staging.middleware?.map(\.id) == ["cors"])
        #expect(staging.middleware?.first?.allowOrigins == ["https://staging.shop.example"])
        #expect(development.routers == loaded.base.routers && staging.server == loaded.base.server)
        #expect(loaded.environments[2].model == loaded.base)
    }

    @Test func unresolvedValuesFollowTheMergedSectionsInFileOrder() throws {
        let loaded = try #require(loadModel(Self.model))
        #expect(loaded.base.unresolved?.map(\.path) == ["server.port"])
        // `app` comes before `server` in the file; the override resolves `server.port` and leaves `app.debug` open.
        #expect(loaded.environments[0].model.unresolved?.map(\.path) == ["app.debug"])
        #expect(loaded.environments[1].model.unresolved == loaded.base.unresolved)
    }

    @Test func locationsOfOverriddenValuesPointIntoTheOverrides() throws {
        let loaded = try #require(loadModel(Self.model))
        let development = loaded.environments[0].locations, staging = loaded.environments[1].locations
        #expect(loaded.baseLocations.inModel["server"]?.line == 28)
        #expect(development.inModel["server"]?.line == 34)
        #expect(development.inModel["server.reload"]?.line == 35)
        #expect(development.inModel["server.workers"]?.line == 29)
        #expect(development.inModel["app.docs_url"]?.line == 39)
        #expect(development.inCode["server"] == SourceLocation(file: "deploy/dev.sh", line: 2, column: 1))
        #expect(development.inCode["server.port"] == nil && loaded.baseLocations.inCode["server.port"]?.line == 7)
        #expect(development.inCode["app.debug"]?.line == 9)
        #expect(staging.inModel["middleware[0].allow_origins"]?.line == 45)
        #expect(staging.inCode["middleware[0]"] == SourceLocation(file: "app/staging.py", line: 4, column: 1))
        // The removed `gzip` item leaves no location behind.
        #expect(loaded.baseLocations.inModel["middleware[1].type"] != nil)
        #expect(staging.inModel["middleware[1]"] == nil && staging.inModel["middleware[1].type"] == nil)
        #expect(staging.inModel["routers[0].endpoints[0].auth"] == loaded.baseLocations.inModel["routers[0].endpoints[0].auth"])
        #expect(staging.inCode["routers[0].endpoints[0]"]?.file == "app/items.py")
    }

    /// The model with `overrides` (written from column 0) as the overrides of `production`.
    static func withProductionOverrides(_ overrides: String) -> String {
        model + "\n    overrides:\n" + overrides.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n") + "\n"
    }

    @Test func anOverrideThatBreaksItsSectionIsReported() {
        // Valid as an override (`null` unsets a key) but not in the merged model, where `type` is required.
        let text = Self.model.replacingOccurrences(of: "          source: app/staging.py:4\n", with: "          source: app/staging.py:4\n          type: null\n")
        let expected = ["model.yaml:47:17: error: `middleware[0].type` must be one of cors, trusted_host, https_redirect, gzip, session, security_headers, rate_limit, custom, found null (in environment `staging`)"]
        #expect(loadDiagnostics(text) == expected)
        #expect(Self.wholeTreeDiagnostics(text) == expected)
    }

    @Test func anOverrideThatBreaksAReferenceInAnUntouchedSectionIsReported() {
        let text = Self.withProductionOverrides("auth:\n  - id: admin\n    remove: true\nsystem:\n  name: null")
        let expected = [
            "model.yaml:27:15: error: `routers[0].endpoints[1].auth` refers to unknown auth mechanism `admin` (ids in `auth`: key; or `none` for a public route) (in environment `production`)",
            "model.yaml:55:15: error: `system.name` must be a string, found null (in environment `production`)",
        ]
        #expect(loadDiagnostics(text) == expected)
        #expect(Self.wholeTreeDiagnostics(text) == expected)
    }

    /// Bad models of many kinds give what checking every merged tree whole gave.
    @Test(arguments: [
        "server:\n  workers: many\n  port: null",
        "app: null\nsystem: null",
        "middleware:\n  - id: cors\n    allow_origins: yes\n  - id: missing",
        "middleware:\n  - id: limiter\n    add: true",
        "clients:\n  - id: api\n    add: true",
        "routers:\n  - prefix: /api\n    endpoints:\n      - path: /items\n        methods: [GET]\n        auth: nobody",
        "threatscribe: 2\nenvironments: []\nunknown_key: 1",
        "server: [1, 2]\ndeployment: {containers: [{id: x, add: true}]}",
        "controls:\n  - id: c1\n    title: T\n    evidence: middleware[5]",
        "middleware:\n  - id: gzip\n    remove: true\ndata_flows:\n  - from: web\n    to: api",
        "system:\n  name: null\n  exposure: everyone",
        "auth:\n  - id: key\n    remove: true",
    ])
    func badOverridesGiveTheWholeTreeDiagnostics(_ overrides: String) {
        let text = Self.withProductionOverrides(overrides)
        let diagnostics = loadDiagnostics(text)
        #expect(!diagnostics.isEmpty, "\(text)")
        #expect(diagnostics == Self.wholeTreeDiagnostics(text))
    }

    @Test func everyTopLevelKeyDecodesAsASection() throws {
        let decoding = ModelDecoding(schema: .current)
        let root = try LocatedNode.parse(MaximalModel.tree().text(pretty: false), file: "maximal.json")
        let whole = try decoding.decode(root)
        var model = try ModelDecoding(schema: .current).decode(LocatedNode.parse("system: {name: x}", file: "x.yaml"))
        for entry in root.entries ?? [] {
            #expect(try decoding.decode(section: entry, of: root, into: &model), "\(entry.key)")
        }
        decoding.restoreDisabledRoutes(in: &model, from: root)
        model.unresolved = whole.unresolved
        #expect(model == whole)
        #expect(root.entries?.map(\.key) == ModelSchema.current.root.properties.map(\.key))
    }
}
