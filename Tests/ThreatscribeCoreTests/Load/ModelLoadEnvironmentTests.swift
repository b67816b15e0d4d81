import Testing
@testable import ThreatscribeCore

/// Environment resolution: overrides merged over the base, with their own locations.
@Suite struct ModelLoadEnvironmentTests {
    static let model = """
    system:
      name: Shop
    app:
      docs_url: /docs
      debug: true
    middleware:
      - type: cors
        allow_origins: ["http://localhost:3000"]
        allow_credentials: true
      - type: gzip
        minimum_size: 500
      - id: headers
        type: security_headers
        headers:
          X-Frame-Options: DENY
          x_custom_header: "1"
    routers:
      - prefix: /api
        endpoints:
          - path: /items
            methods: [GET, POST]
            auth: none
    environments:
      - name: development
        kind: development
        base_url: http://localhost:8000
      - name: production
        kind: production
        base_url: https://shop.example
        overrides:
          app:
            docs_url: null
            debug: false
          middleware:
            - type: cors
              allow_origins: ["https://shop.example"]
            - id: headers
              headers:
                Strict-Transport-Security: max-age=63072000
            - type: https_redirect
              add: true
          routers:
            - prefix: /api
              endpoints:
                - path: /items
                  methods: [POST, GET]
                  rate_limit: 10/minute
    """

    @Test func environmentsKeepFileOrderKindAndBaseURL() throws {
        let loaded = try #require(loadModel(Self.model))
        #expect(loaded.environments.map(\.name) == ["development", "production"])
        #expect(loaded.environments.map(\.kind) == [.development, .production])
        #expect(loaded.environments.map(\.baseURL) == ["http://localhost:8000", "https://shop.example"])
        #expect(loaded.environments[1].model.environments == loaded.base.environments)
    }

    @Test func environmentWithoutOverridesIsTheBase() throws {
        let loaded = try #require(loadModel(Self.model))
        #expect(loaded.environments[0].model == loaded.base)
        #expect(loaded.environments[0].locations == loaded.baseLocations)
    }

    @Test func middlewareMergesByTypeAndById() throws {
        let production = try #require(loadModel(Self.model)?.environments[1].model)
        let middleware = try #require(production.middleware)
        #expect(middleware.map(\.type) == [.cors, .gzip, .securityHeaders, .httpsRedirect])
        #expect(middleware[0].allowOrigins == ["https://shop.example"])
        #expect(middleware[0].allowCredentials == true)
        #expect(middleware[1].minimumSize == 500)
        #expect(middleware[2].headers == [
            "X-Frame-Options": "DENY",
            "x_custom_header": "1",
            "Strict-Transport-Security": "max-age=63072000",
        ])
    }

    @Test func nullDisablesDocsAndFalseReplacesTrue() throws {
        let loaded = try #require(loadModel(Self.model))
        #expect(loaded.base.app?.docsUrl == .value("/docs"))
        #expect(loaded.environments[1].model.app?.docsUrl == .disabled)
        #expect(loaded.environments[1].model.app?.debug == false)
    }

    @Test func endpointsMergeByPathAndMethods() throws {
        let production = try #require(loadModel(Self.model)?.environments[1].model)
        let endpoints = try #require(production.routers?.first?.endpoints)
        #expect(endpoints.count == 1)
        #expect(endpoints[0].methods == ["POST", "GET"])
        #expect(endpoints[0].auth == "none")
        #expect(endpoints[0].rateLimit == "10/minute")
    }

    @Test func locationsPointAtTheOverrideLine() throws {
        let loaded = try #require(loadModel(Self.model))
        let production = loaded.environments[1].locations
        #expect(production.inModel["middleware[0].allow_origins"] == SourceLocation(file: "model.yaml", line: 36, column: 11))
        #expect(production.inModel["middleware[0].allow_origins[0]"] == SourceLocation(file: "model.yaml", line: 36, column: 27))
        #expect(production.inModel["middleware[0].allow_credentials"] == SourceLocation(file: "model.yaml", line: 9, column: 5))
        #expect(production.inModel["app.docs_url"] == SourceLocation(file: "model.yaml", line: 32, column: 9))
        #expect(production.inModel["middleware[3].type"] == SourceLocation(file: "model.yaml", line: 40, column: 11))
        #expect(loaded.baseLocations.inModel["middleware[0].allow_origins"] == SourceLocation(file: "model.yaml", line: 8, column: 5))
        #expect(loaded.baseLocations.modelLocation(of: "middleware[1].minimum_size.whatever") == SourceLocation(file: "model.yaml", line: 11, column: 5))
    }

    @Test func modelWithoutEnvironmentsHasOneNamedDefault() throws {
        let loaded = try #require(loadModel("system:\n  name: Shop\n"))
        #expect(loaded.environments.count == 1)
        #expect(loaded.environments[0].name == "default")
        #expect(loaded.environments[0].kind == nil)
        #expect(loaded.environments[0].model == loaded.base)
    }

    @Test func otherListsAreReplaced() throws {
        let text = """
        system:
          name: Shop
        controls:
          - name: TLS
          - name: Rate limiting
        environments:
          - name: test
            overrides:
              controls:
                - name: Only this
        """
        let loaded = try #require(loadModel(text))
        #expect(loaded.environments[0].model.controls?.map(\.name) == ["Only this"])
        #expect(loaded.base.controls?.count == 2)
    }

    @Test func overridesAreKeptAsWrittenInTheBase() throws {
        let loaded = try #require(loadModel(Self.model))
        guard case .object(let overrides)? = loaded.base.environments?[1].overrides else {
            Issue.record("overrides are not an object")
            return
        }
        #expect(overrides["app"] == .object(["docs_url": .null, "debug": .bool(false)]))
    }

    @Test func sourceKeysBecomeCodeLocations() throws {
        let text = """
        system:
          name: Shop
        app:
          source: backend/main.py:12
        middleware:
          - type: cors
            source: backend/main.py:1127-1139
          - type: security_headers
            source: backend/api/middleware/security_headers.py:104:9
        routers:
          - prefix: /api
            source: backend/api/routes.py:3
            endpoints:
              - path: /items
                methods: [GET]
                source: backend/api/routes.py:20-31
        """
        let locations = try #require(loadModel(text)?.baseLocations.inCode)
        #expect(locations == [
            "app": SourceLocation(file: "backend/main.py", line: 12, column: 1),
            "middleware[0]": SourceLocation(file: "backend/main.py", line: 1127, column: 1),
            "middleware[1]": SourceLocation(file: "backend/api/middleware/security_headers.py", line: 104, column: 9),
            "routers[0]": SourceLocation(file: "backend/api/routes.py", line: 3, column: 1),
            "routers[0].endpoints[0]": SourceLocation(file: "backend/api/routes.py", line: 20, column: 1),
        ])
    }

    @Test func codeReferenceForms() {
        #expect(CodeReference(parsing: "backend/main.py:1127-1139") == CodeReference(path: "backend/main.py", line: 1127, endLine: 1139))
        #expect(CodeReference(parsing: "a.py:3:7") == CodeReference(path: "a.py", line: 3, column: 7))
        #expect(CodeReference(parsing: "a.py:3") == CodeReference(path: "a.py", line: 3))
        #expect(CodeReference(parsing: "backend/Dockerfile") == CodeReference(path: "backend/Dockerfile", line: nil))
        #expect(CodeReference(parsing: "backend/Dockerfile")?.location.description == "backend/Dockerfile")
        #expect(CodeReference(parsing: "a.py:") == nil)
        #expect(CodeReference(parsing: "a b.py") == nil)
        #expect(CodeReference(parsing: "a.py:0") == nil)
        #expect(CodeReference(parsing: "a.py:9-3") == nil)
        #expect(CodeReference(parsing: ":3") == nil)
    }
}
