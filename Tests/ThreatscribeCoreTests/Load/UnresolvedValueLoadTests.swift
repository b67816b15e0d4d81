import Testing
@testable import ThreatscribeCore

/// `{unresolved: EXPRESSION, source: FILE:LINE}`: accepted where the schema allows it, located, and
/// loaded as unknown (absent from the decoded value, listed in `unresolved`); bad shapes are errors.
struct UnresolvedValueLoadTests {
    static let model = """
        system: {name: S}
        app:
          debug: {unresolved: settings.DEBUG, source: app/main.py:15}
        middleware:
          - type: cors
            allow_origins: {unresolved: settings.all_cors_origins, source: app/main.py:23}
            allow_credentials: true
        """

    @Test func acceptedAndLoadedAsUnknownNotAsTheDefault() throws {
        let loaded = try #require(loadModel(Self.model))
        let model = loaded.base
        #expect(model.middleware?.first?.allowOrigins == nil)
        #expect(model.middleware?.first?.allowCredentials == true)
        #expect(model.app?.debug == nil)
        #expect(model.unresolved == [
            UnresolvedValue(path: "app.debug", expression: "settings.DEBUG", source: "app/main.py:15"),
            UnresolvedValue(path: "middleware[0].allow_origins", expression: "settings.all_cors_origins", source: "app/main.py:23"),
        ])
        #expect(loaded.environments.first?.model.unresolved == model.unresolved)
    }

    @Test func locatedInTheModelAndInTheCode() throws {
        let loaded = try #require(loadModel(Self.model))
        let path: ModelPath = "middleware[0].allow_origins"
        #expect(loaded.baseLocations.inModel[path]?.line == 6)
        #expect(loaded.baseLocations.inCode[path]?.file == "app/main.py")
        #expect(loaded.baseLocations.inCode[path]?.line == 23)
    }

    @Test func anEnvironmentStatesTheValueOrLeavesItUnresolved() throws {
        let loaded = try #require(loadModel(Self.model + """

            environments:
              - name: production
                overrides:
                  middleware:
                    - type: cors
                      allow_origins: ["https://app.example.com"]
              - name: staging
                overrides:
                  app:
                    debug: false
                  middleware:
                    - type: cors
                      allow_origins: {unresolved: settings.staging_origins}
            """))
        let production = try #require(loaded.environments.first { $0.name == "production" })
        #expect(production.model.middleware?.first?.allowOrigins == ["https://app.example.com"])
        #expect(production.model.unresolved?.map(\.path) == ["app.debug"])
        let staging = try #require(loaded.environments.first { $0.name == "staging" })
        #expect(staging.model.app?.debug == false)
        #expect(staging.model.unresolved == [UnresolvedValue(path: "middleware[0].allow_origins", expression: "settings.staging_origins")])
    }

    @Test func badShapesAreErrorsWithTheirPlace() {
        let diagnostics = loadDiagnostics("""
            system: {name: S}
            app:
              docs_url: {unresolved: 3}
              title: {unresolved: settings.PROJECT_NAME}
            middleware:
              - type: cors
                allow_origins: {unresolvd: settings.x}
                allow_methods: {unresolved: x, source: "not a reference", extra: 1}
                allow_headers: {unresolved: ""}
            """)
        #expect(diagnostics == [
            "model.yaml:3:26: error: `app.docs_url.unresolved` must be the expression the code computes the value with, as a non-empty string, found the number `3`",
            "model.yaml:4:10: error: `app.title` must be a string, found a mapping",
            "model.yaml:7:20: error: `middleware[0].allow_origins` must be a list or `{unresolved: EXPRESSION, source: FILE:LINE}` when the code computes the value, found a mapping without `unresolved`; did you mean `unresolved` for `unresolvd`?",
            "model.yaml:8:44: error: `middleware[0].allow_methods.source` must be a code reference `path`, `path:line`, `path:line:col` or `path:start-end`, found \"not a reference\"",
            "model.yaml:8:63: error: unknown key `extra` in the unresolved value `middleware[0].allow_methods`; it takes only `unresolved` and `source`",
            "model.yaml:9:33: error: `middleware[0].allow_headers.unresolved` must be the expression the code computes the value with, as a non-empty string, found the string \"\"",
        ])
    }

    @Test func onlyKeysThatAcceptItTakeIt() {
        let diagnostics = loadDiagnostics("""
            system: {name: S}
            middleware:
              - type: {unresolved: settings.kind}
            """)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("model.yaml:3:11: error: `middleware[0].type` must be one of") == true)
    }
}
