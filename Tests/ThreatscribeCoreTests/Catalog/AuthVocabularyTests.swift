import Testing
@testable import ThreatscribeCore

/// Authentication as code does it: any-of mechanisms, switched-off mechanisms, router scopes.
struct AuthVocabularyTests {
    static func findings(_ text: String) throws -> [Finding] {
        try CapabilityFindingsTests.findings(text)
    }

    /// A route that accepts any of several mechanisms is authenticated; a cookie among them brings the cookie's risks.
    @Test func anyOfMechanismsAuthenticateAndCountForCookieFindings() throws {
        let model = """
        system: {name: Sample API}
        middleware: []
        auth:
          - {id: bearer, type: jwt, transport: header}
          - {id: token_cookie, type: jwt, transport: cookie, parameter: token}
        routers:
          - prefix: /admin
            auth_any: [bearer, token_cookie]
            scopes: [admin]
            endpoints:
              - {path: /users, methods: [GET, POST]}
        """
        let ids = try Self.findings(model).map(\.threatID)
        #expect(!ids.contains("TS-ROUTE-007"), "an any-of router authenticates its routes")
        #expect(ids.contains("TS-AUTH-009"), "the cookie mechanism is used by the route, so CSRF applies")
        let analysis = ThreatAnalysis(catalog: CapabilityFindingsTests.catalog)
        let loaded = try ModelLoader.load(text: model, file: "model.yaml")
        let endpoint = try #require(analysis.subjects(in: loaded.environments[0], of: loaded).first { $0.scope == "endpoint" })
        #expect(endpoint["scopes"] == .list(["admin"]))
        #expect(endpoint["auth_any"] == .list(["bearer", "token_cookie"]))
    }

    /// `enabled: false` in one environment removes the mechanism from every route there.
    @Test func switchedOffMechanismLeavesRoutesUnauthenticatedInThatEnvironmentOnly() throws {
        let model = """
        system: {name: Sample API}
        auth:
          - {id: basic, type: http_basic, transport: header, enabled_by_setting: AUTH_ENABLED, enabled_by_default: true}
        routers:
          - prefix: /admin
            dependencies: [basic]
            endpoints:
              - {path: /export, methods: [GET]}
        environments:
          - name: demo
            kind: production
            overrides:
              auth:
                - {id: basic, enabled: false}
          - {name: production, kind: production}
        """
        let admin = try Self.findings(model).filter { $0.threatID == "TS-ROUTE-007" }
        #expect(admin.map(\.environments) == [["demo"]])
    }

    /// A global authenticating middleware covers every route but its exempt paths.
    @Test func authenticatingMiddlewareCoversRoutesExceptExemptPaths() throws {
        let model = """
        system: {name: Sample API}
        auth:
          - {id: api_key, type: api_key, transport: header, parameter: X-API-Key}
        middleware:
          - {type: custom, name: APIKeyMiddleware, authenticates_with: api_key, exempt_paths: [/health, /admin/public]}
        routers:
          - prefix: /admin
            endpoints:
              - {path: /users, methods: [GET]}
              - {path: /public/stats, methods: [GET]}
        """
        let admin = try Self.findings(model).filter { $0.threatID == "TS-ROUTE-007" }
        #expect(admin.map(\.id) == ["TS-ROUTE-007@routers[0].endpoints[1]"])
    }
}
