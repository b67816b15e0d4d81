import Testing
@testable import ThreatscribeCore

/// Lists that merge item by item in overrides: change exactly one base item, `add: true`,
/// `remove: true`, and the errors for items that match no base item or several.
@Suite struct ModelLoadOverrideListTests {
    /// Structure that depends on settings, as in full-stack-fastapi-template: CORS only when origins
    /// are configured, the `/private` router only when `ENVIRONMENT == "local"`.
    static let model = """
    system:
      name: Shop
    middleware:
      - type: cors
        allow_origins: ["http://localhost:5173"]
      - id: timing
        type: custom
        purpose: logging
    routers:
      - prefix: /api/v1/items
        endpoints:
          - path: /
            methods: [GET]
            auth: none
          - path: /{id}
            methods: [DELETE]
            auth: none
    environments:
      - name: local
        kind: development
        overrides:
          routers:
            - prefix: /api/v1/private
              add: true
              endpoints:
                - path: /users/
                  methods: [POST]
                  auth: none
      - name: production
        kind: production
        overrides:
          middleware:
            - type: cors
              remove: true
          routers:
            - prefix: /api/v1/items
              endpoints:
                - path: /{id}
                  methods: [delete]
                  remove: true
    """

    @Test func addAppendsAnItemWithoutTheDirective() throws {
        let loaded = try #require(loadModel(Self.model))
        let local = loaded.environments[0].model
        #expect(local.routers?.map(\.prefix) == ["/api/v1/items", "/api/v1/private"])
        #expect(local.routers?[1].endpoints.map(\.path) == ["/users/"])
        #expect(loaded.environments[0].locations.inModel["routers[1].prefix"]?.line == 23)
    }

    @Test func removeDeletesTheMatchedItemOnly() throws {
        let loaded = try #require(loadModel(Self.model))
        let production = loaded.environments[1].model
        #expect(production.middleware?.map(\.type) == [.custom])
        #expect(production.routers?.map(\.prefix) == ["/api/v1/items"])
        #expect(production.routers?[0].endpoints.map(\.path) == ["/"])
        #expect(loaded.base.middleware?.count == 2)
        #expect(loaded.environments[1].locations.inModel["middleware[0].type"]?.line == 7)
    }

    @Test func changeThatMatchesNothingIsAnErrorWithASuggestion() {
        let text = Self.model.replacingOccurrences(of: "        - type: cors\n          remove: true\n", with: "        - id: timeing\n          purpose: request_id\n")
        #expect(loadDiagnostics(text) == [
            "model.yaml:33:11: error: `middleware[0]` in the overrides matches no item of the base `middleware` with `id: timeing`; did you mean `timing`? (in environment `production`)",
        ])
    }

    @Test func changeWithoutAnyMatchSaysHowToAdd() {
        let text = Self.model.replacingOccurrences(of: "          add: true\n", with: "")
        #expect(loadDiagnostics(text) == [
            "model.yaml:23:11: error: `routers[0]` in the overrides matches no item of the base `routers` with `prefix: /api/v1/private`; write `add: true` to add a new item (in environment `local`)",
        ])
    }

    @Test func endpointWithOtherMethodsMatchesNothing() {
        let text = Self.model.replacingOccurrences(of: "methods: [delete]", with: "methods: [GET, DELETE]")
        let diagnostics = loadDiagnostics(text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("model.yaml:38:15: error: `routers[0].endpoints[0]` has `remove: true` but the base `routers[0].endpoints` has no item with `path: /{id}` + `methods: [GET, DELETE]`") == true)
    }

    @Test func changeThatMatchesSeveralItemsIsAnError() {
        let text = """
        system:
          name: Shop
        middleware:
          - type: custom
            purpose: logging
          - type: custom
            purpose: request_id
        routers:
          - endpoints:
              - path: /
                methods: [GET]
        environments:
          - name: production
            overrides:
              middleware:
                - type: custom
                  remove: true
        """
        #expect(loadDiagnostics(text) == [
            "model.yaml:16:11: error: `middleware[0]` in the overrides matches 2 base items with `type: custom` (lines 4, 6); give them distinct `id`s and match by that (in environment `production`)",
        ])
    }

    @Test func addOfAnExistingItemIsAnError() {
        let text = Self.model.replacingOccurrences(of: "prefix: /api/v1/private", with: "prefix: /api/v1/items")
        #expect(loadDiagnostics(text) == [
            "model.yaml:23:11: error: `routers[0]` has `add: true` but the base already has an item with `prefix: /api/v1/items` (line 10); leave out `add` to change that item (in environment `local`)",
        ])
    }

    @Test func removedItemNamesOnlyItsIdentity() {
        let text = Self.model.replacingOccurrences(of: "cors\n          remove: true\n", with: "cors\n          remove: true\n          allow_origins: []\n")
        #expect(loadDiagnostics(text) == [
            "model.yaml:35:11: error: `environments[1].overrides.middleware[0].allow_origins` has no effect on an item with `remove: true`; write only `id`, `type` to say which item is removed",
        ])
    }

    @Test func directivesAreOnlyTrueAndOnlyInOverrides() {
        let falseRemove = Self.model.replacingOccurrences(of: "cors\n          remove: true\n", with: "cors\n          remove: false\n")
        #expect(loadDiagnostics(falseRemove).first == "model.yaml:34:19: error: `environments[1].overrides.middleware[0].remove` can only be `true`; leave the key out otherwise")
        let inBase = Self.model.replacingOccurrences(of: "    purpose: logging\n", with: "    purpose: logging\n    remove: true\n")
        #expect(loadDiagnostics(inBase) == ["model.yaml:9:5: error: unknown key `remove` in middleware[1]"])
    }

    @Test func directivesInsideAnAddedItemAreErrors() {
        let text = Self.model.replacingOccurrences(of: "              auth: none\n  - name: production", with: "              auth: none\n              add: true\n  - name: production")
        #expect(loadDiagnostics(text) == [
            "model.yaml:29:15: error: `add` in `routers[0].endpoints[0]` has no base item to act on: `routers[0]` is added as a whole (in environment `local`)",
        ])
    }

    @Test func listAbsentFromTheBaseNeedsAdd() {
        let text = """
        system:
          name: Shop
        routers:
          - endpoints:
              - path: /
                methods: [GET]
        environments:
          - name: production
            overrides:
              auth:
                - id: bearer
                  type: jwt
        """
        #expect(loadDiagnostics(text) == [
            "model.yaml:11:11: error: `auth[0]` in the overrides matches no item of the base `auth` with `id: bearer`; write `add: true` to add a new item (in environment `production`)",
        ])
        let added = text.replacingOccurrences(of: "type: jwt", with: "type: jwt\n          add: true")
        #expect(loadModel(added)?.environments[0].model.auth?.map(\.id) == ["bearer"])
    }

    @Test func listInsideAnObjectAbsentFromTheBaseNeedsAdd() {
        let text = """
        system: {name: Shop}
        environments:
          - name: local
            overrides:
              deployment:
                containers:
                  - {id: db, role: database}
        """
        #expect(loadDiagnostics(text) == [
            "model.yaml:7:13: error: `deployment.containers[0]` in the overrides matches no item of the base `deployment.containers` with `id: db`; write `add: true` to add a new item (in environment `local`)",
        ])
        let added = text.replacingOccurrences(of: "role: database}", with: "role: database, add: true}")
        #expect(loadModel(added)?.environments[0].model.deployment?.containers?.map(\.id) == ["db"])
    }
}
