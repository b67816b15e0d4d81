import Testing
@testable import ThreatscribeCore

/// Every kind of model mistake, with the exact line the CLI prints.
@Suite struct ModelLoadDiagnosticsTests {
    @Test func yamlSyntaxError() {
        let text = """
        system:
          name: Shop
        middleware:
          - type: cors
            allow_origins: ["https://a.example", "https://b.example"
        """
        #expect(loadDiagnostics(text) == [
            "model.yaml:6:1: error: did not find expected ',' or ']' (while parsing a flow sequence started at line 5, column 20)",
        ])
    }

    @Test func tabIndentation() {
        let text = "system:\n  name: Shop\n\tpurpose: Sell things\n"
        #expect(loadDiagnostics(text) == [
            "model.yaml:3:1: error: found a tab character that violates indentation (while scanning a plain scalar started at line 2, column 9); indent with spaces, not tabs",
        ])
    }

    @Test func duplicateKey() {
        let text = """
        system:
          name: Shop
          owner: Team A
          name: Store
        """
        #expect(loadDiagnostics(text) == [
            "model.yaml:4:3: error: duplicate key `name`; it is already set at line 2",
        ])
    }

    @Test func emptyModel() {
        #expect(loadDiagnostics("# nothing yet\n") == ["model.yaml:1:1: error: the model is empty"])
    }

    @Test func wrongTypes() {
        let text = """
        system:
          name: Shop
        app:
          debug: "true"
          max_body_size: 1MB
        frameworks:
          fastapi: 0.110
        middleware: cors
        """
        #expect(loadDiagnostics(text) == [
            "model.yaml:4:10: error: `app.debug` must be a boolean, found the string \"true\"; remove the quotes",
            "model.yaml:5:18: error: `app.max_body_size` must be an integer, found the string \"1MB\"",
            "model.yaml:7:12: error: `frameworks.fastapi` must be a string, found the number `0.110`; quote it: \"0.110\"",
            "model.yaml:8:13: error: `middleware` must be a list, found the string \"cors\"",
        ])
    }

    @Test func quotedScalarsStayStrings() throws {
        let text = """
        system:
          name: "true"
          owner: '42'
          purpose: "null"
        """
        let model = try #require(loadModel(text))
        #expect(model.base.system.name == "true")
        #expect(model.base.system.owner == "42")
        #expect(model.base.system.purpose == "null")
    }

    @Test func invalidEnumValue() {
        let text = """
        system:
          name: Shop
          exposure: public
        auth:
          - id: key
            type: apikey
        """
        #expect(loadDiagnostics(text) == [
            "model.yaml:3:13: error: invalid value `public` for `system.exposure`; valid values: internet, internal, localhost",
            "model.yaml:6:11: error: invalid value `apikey` for `auth[0].type`; valid values: none, api_key, oauth2_jwt, jwt, http_basic, session_cookie, signed_url_token, mtls, custom; did you mean `api_key`?",
        ])
    }

    /// Fields the analysis interprets are enums: a misspelling is an error with a suggestion, not a
    /// value silently read as "something else".
    @Test func interpretedFieldsAreEnums() {
        let text = """
        system: {name: Shop}
        server: {kind: uvicron}
        build: {code_review: requried, dependency_scanning: pip_audit, lock_file: uv.lck}
        deployment:
          kubernetes: {rbac: least-privilege, pod_security: restriced}
        clients:
          - {id: spa, type: browser-spa}
        external_services:
          - {id: pay, protocol: HTTPS, authentication: apikey}
        """
        let diagnostics = loadDiagnostics(text)
        for (field, suggestion) in [("server.kind", "uvicorn"), ("build.code_review", "required"), ("build.dependency_scanning", "pip-audit"),
                                    ("build.lock_file", "uv.lock"), ("deployment.kubernetes.rbac", "least_privilege"),
                                    ("deployment.kubernetes.pod_security", "restricted"), ("clients[0].type", "browser_spa"),
                                    ("external_services[0].protocol", "https"), ("external_services[0].authentication", "api_key")] {
            #expect(diagnostics.contains { $0.contains("for `\(field)`") && $0.contains("did you mean `\(suggestion)`?") }, "\(field): \(diagnostics)")
        }
    }

    @Test func unknownKeyWithSuggestion() {
        let text = """
        system:
          name: Shop
        middleware:
          - type: cors
            allow_orgins: ["https://shop.example"]
        colour: blue
        """
        #expect(loadDiagnostics(text) == [
            "model.yaml:5:5: error: unknown key `allow_orgins` in middleware[0]; did you mean `allow_origins`?",
            "model.yaml:6:1: error: unknown key `colour` at the top level",
        ])
    }

    @Test func missingRequiredKeys() {
        let text = """
        routers:
          - prefix: /api
            endpoints:
              - path: /items
        """
        #expect(loadDiagnostics(text) == [
            "model.yaml:1:1: error: missing required key `system` at the top level",
            "model.yaml:4:9: error: missing required key `methods` in routers[0].endpoints[0]",
        ])
    }

    @Test func danglingReferences() {
        let text = """
        system:
          name: Shop
        auth:
          - id: bearer
            type: oauth2_jwt
        routers:
          - dependencies: [bearr]
            endpoints:
              - path: /health
                methods: [GET]
                auth: none
              - path: /orders
                methods: [GET]
                auth: session
        websockets:
          - path: /ws
            auth: cookie
        clients:
          - id: spa
        data_stores:
          - id: postgres
        data_flows:
          - from: spa
            to: api
          - from: api
            to: postgress
        trust_boundaries:
          - id: cluster
            contains: [api, postgres, redis]
        """
        #expect(loadDiagnostics(text) == [
            "model.yaml:7:20: error: `routers[0].dependencies[0]` refers to unknown auth mechanism `bearr`; did you mean `bearer`? (ids in `auth`: bearer; or `none` for a public route)",
            "model.yaml:14:15: error: `routers[0].endpoints[1].auth` refers to unknown auth mechanism `session` (ids in `auth`: bearer; or `none` for a public route)",
            "model.yaml:17:11: error: `websockets[0].auth` refers to unknown auth mechanism `cookie` (ids in `auth`: bearer; or `none` for a public route)",
            "model.yaml:26:9: error: `data_flows[1].to` refers to unknown element `postgress`; did you mean `postgres`? (ids in clients, data_stores and external_services: spa, postgres; or `api`)",
            "model.yaml:29:31: error: `trust_boundaries[0].contains[2]` refers to unknown element `redis` (ids in clients, data_stores and external_services: spa, postgres; or `api`)",
        ])
    }

    @Test func duplicateIds() {
        let text = """
        system:
          name: Shop
        auth:
          - id: key
            type: api_key
          - id: key
            type: http_basic
        clients:
          - id: web
        external_services:
          - id: web
        data_stores:
          - id: api
        """
        #expect(loadDiagnostics(text) == [
            "model.yaml:6:9: error: duplicate id `key` in auth[1]; already used by auth[0]",
            "model.yaml:11:9: error: duplicate id `web` in external_services[0]; already used by clients[0]",
            "model.yaml:13:9: error: id `api` in data_stores[0] is reserved for the service itself; choose another",
        ])
    }

    @Test func duplicateEnvironmentNamesAndUnsupportedVersion() {
        let text = """
        threatscribe: 2
        system:
          name: Shop
        environments:
          - name: production
          - name: production
            kind: prod
        """
        #expect(loadDiagnostics(text) == [
            "model.yaml:1:15: error: unsupported format version `threatscribe: 2`; this threatscribe reads version 1",
            "model.yaml:6:11: error: duplicate name `production` in environments[1]; already used by environments[0]",
            "model.yaml:7:11: error: invalid value `prod` for `environments[1].kind`; valid values: development, test, staging, production; did you mean `production`?",
        ])
    }

    @Test func jsonInputKeepsLocations() {
        let text = """
        {
          "system": {"name": "Shop"},
          "app": {"debug": "yes", "docs_urll": "/docs"},
          "middleware": [{"type": "cors", "allow_credentials": true, "max_age": true}]
        }
        """
        #expect(loadDiagnostics(text, file: "model.json") == [
            "model.json:3:20: error: `app.debug` must be a boolean, found the string \"yes\"; remove the quotes",
            "model.json:3:27: error: unknown key `docs_urll` in app; did you mean `docs_url`?",
            "model.json:4:73: error: `middleware[0].max_age` must be an integer, found the boolean `true`",
        ])
    }

    @Test func jsonSyntaxError() {
        let text = "{\n  \"system\": {\"name\": \"Shop\"},\n  \"app\": {\"debug\": true,}\n  \"x\": 1\n}\n"
        #expect(loadDiagnostics(text, file: "model.json").count == 1)
        #expect(loadDiagnostics(text, file: "model.json").first?.hasPrefix("model.json:4:3: error: ") == true)
    }

    @Test func errorsInsideEnvironmentOverrides() {
        let text = """
        system:
          name: Shop
        middleware:
          - type: cors
            allow_origins: ["http://localhost:3000"]
        environments:
          - name: development
          - name: production
            overrides:
              middleware:
                - id: cors
                  allow_orgins: ["https://shop.example"]
              app:
                debug: maybe
              environments: []
        """
        #expect(loadDiagnostics(text) == [
            "model.yaml:12:11: error: unknown key `allow_orgins` in environments[1].overrides.middleware[0]; did you mean `allow_origins`?",
            "model.yaml:14:16: error: `environments[1].overrides.app.debug` must be a boolean, found the string \"maybe\"",
            "model.yaml:15:7: error: `environments` cannot be overridden by an environment (in environments[1].overrides)",
        ])
    }

    @Test func problemsOfTheMergedModelNameTheirEnvironments() {
        let text = """
        system:
          name: Shop
        auth:
          - id: key
            type: api_key
        middleware:
          - type: cors
        environments:
          - name: staging
            overrides: &extra
              middleware:
                - id: limiter
                  add: true
                  library: slowapi
              routers:
                - add: true
                  endpoints:
                    - path: /admin
                      methods: [GET]
                      auth: admin_key
          - name: production
            overrides: *extra
        """
        #expect(loadDiagnostics(text) == [
            "model.yaml:12:11: error: missing required key `type` in middleware[1] (in environments `staging`, `production`)",
            "model.yaml:20:21: error: `routers[0].endpoints[0].auth` refers to unknown auth mechanism `admin_key` (ids in `auth`: key; or `none` for a public route) (in environments `staging`, `production`)",
        ])
    }

    @Test func severalErrorsReportedTogetherInFileOrder() {
        let text = """
        system:
          nme: Shop
        middleware:
          - type: gzip
            minimum_size: big
        auth:
          - id: token
            type: signed_url_token
            transport: url
        routers:
          - endpoints:
              - path: /bookings
                methods: [GET]
                auth: tokn
        """
        #expect(loadDiagnostics(text) == [
            "model.yaml:2:3: error: missing required key `name` in system",
            "model.yaml:2:3: error: unknown key `nme` in system; did you mean `name`?",
            "model.yaml:5:19: error: `middleware[0].minimum_size` must be an integer, found the string \"big\"",
            "model.yaml:9:16: error: invalid value `url` for `auth[0].transport`; valid values: header, cookie, query, body, path",
            "model.yaml:14:15: error: `routers[0].endpoints[0].auth` refers to unknown auth mechanism `tokn`; did you mean `token`? (ids in `auth`: token; or `none` for a public route)",
        ])
    }

    @Test func malformedSourceReference() {
        let text = """
        system:
          name: Shop
        app:
          source: backend/main.py:0
        deployment:
          source: compose.yml:12-3
        build:
          source: backend Dockerfile
        """
        #expect(loadDiagnostics(text) == [
            "model.yaml:4:11: error: `app.source` must be a code reference `path`, `path:line`, `path:line:col` or `path:start-end`, found \"backend/main.py:0\"",
            "model.yaml:6:11: error: `deployment.source` must be a code reference `path`, `path:line`, `path:line:col` or `path:start-end`, found \"compose.yml:12-3\"",
            "model.yaml:8:11: error: `build.source` must be a code reference `path`, `path:line`, `path:line:col` or `path:start-end`, found \"backend Dockerfile\"",
        ])
    }
}
