import Testing
@testable import ThreatscribeCore

/// The capability and secret vocabulary decides findings as documented in docs/model.md.
struct CapabilityFindingsTests {
    static let catalog = CatalogSampleTests.catalog

    static func findings(_ text: String) throws -> [Finding] {
        let model = try ModelLoader.load(text: text, file: "model.yaml")
        return try ThreatAnalysis(catalog: catalog).run(on: model, options: .init(generatedAt: "2026-01-01", toolVersion: "test")).findings
    }

    static func fetchModel(_ fetch: String) -> String {
        """
        system: {name: Sample API}
        routers:
          - prefix: /import
            endpoints:
              - path: /url
                methods: [POST]
                capabilities:
                  fetches_url: \(fetch)
        """
    }

    /// Only an allow-list or a resolved-address check, with redirects off or re-checked, holds.
    @Test(arguments: [
        ("{guard: none}", true),
        ("{guard: scheme_only, follows_redirects: false}", true),
        ("{guard: ip_literal_block, follows_redirects: false}", true),
        ("{guard: resolved_address_check}", true),
        ("{guard: resolved_address_check, follows_redirects: true}", true),
        ("{guard: resolved_address_check, follows_redirects: false}", false),
        ("{guard: resolved_address_check, follows_redirects: true, checks_every_redirect: true}", false),
        ("{guard: host_allowlist, follows_redirects: false}", false),
        ("{follows_redirects: false}", true),
    ])
    func urlFetchGuards(fetch: String, fires: Bool) throws {
        let fired = try Self.findings(Self.fetchModel(fetch)).filter { $0.threatID == "TS-ROUTE-008" }
        #expect(fired.isEmpty == !fires, "\(fetch): \(fired.map(\.id))")
        if let finding = fired.first {
            // The finding keeps the endpoint's id, as before the capability vocabulary.
            #expect(finding.id == "TS-ROUTE-008@routers[0].endpoints[0]")
        }
    }

    /// A WebSocket route's URL fetch is judged exactly like an endpoint's (TS-WS-005 and TS-ROUTE-008 agree).
    @Test(arguments: [
        "{guard: none}", "{guard: ip_literal_block, follows_redirects: false}", "{guard: resolved_address_check}",
        "{guard: resolved_address_check, follows_redirects: false}", "{guard: host_allowlist, follows_redirects: true, checks_every_redirect: true}",
    ])
    func webSocketFetchAgreesWithEndpointFetch(fetch: String) throws {
        let endpointFires = try !Self.findings(Self.fetchModel(fetch)).filter { $0.threatID == "TS-ROUTE-008" }.isEmpty
        let socket = "system: {name: Sample API}\nwebsockets:\n  - path: /ws\n    capabilities:\n      fetches_url: \(fetch)\n"
        let fired = try Self.findings(socket).filter { $0.threatID == "TS-WS-005" }
        #expect(fired.isEmpty == !endpointFires, "\(fetch): \(fired.map(\.id))")
        #expect(fired.allSatisfy { $0.id == "TS-WS-005@websockets[0]" })
    }

    /// A command a WebSocket message starts is TS-CAP-001 on the route, with the route's auth state.
    @Test(arguments: [("none", "public"), ("token", "authenticated"), ("anonymous", "public")])
    func webSocketCommandExecution(auth: String, state: String) throws {
        let model = """
        system: {name: Sample API}
        auth:
          - {id: token, type: oauth2_jwt, transport: header}
          - {id: anonymous, type: none}
        websockets:
          - path: /ws
            auth: \(auth)
            capabilities: {runs: program_arguments}
        """
        let fired = try Self.findings(model).filter { $0.threatID == "TS-CAP-001" }
        #expect(fired.map(\.id) == ["TS-CAP-001@websockets[0].capabilities.runs"])
        #expect(fired.first?.title == "WebSocket /ws runs operating-system commands with client input")
        #expect(fired.first?.description.contains("Authentication for it: `\(state)`") == true, "\(fired.first?.description ?? "")")
    }

    /// A literal fallback matters where the deployment may be production, and not where it provides the secret.
    @Test func secretFallbackFiresOnlyWhereProductionLacksTheSecret() throws {
        let model = """
        system: {name: Sample API}
        secrets:
          - {name: SECRET_KEY, sources: [environment, file], fallback: insecure_literal}
        environments:
          - {name: local, kind: development}
          - {name: staging, kind: staging}
          - name: production
            kind: production
            overrides:
              secrets:
                - {name: SECRET_KEY, provided: true}
        """
        let fired = try Self.findings(model).filter { $0.threatID == "TS-SECRET-001" }
        #expect(fired.map(\.environments) == [["staging"]])
    }

    /// A job's file access is analysed like an endpoint's; a server-made name is not a finding.
    @Test func backgroundJobFileAccess() throws {
        let model = """
        system: {name: Sample API}
        background_tasks:
          - name: import_archive
            capabilities:
              runs: program_arguments
              file_access:
                - {operation: write, path_from: upload_filename}
                - {operation: delete, path_from: server}
        """
        let ids = try Self.findings(model).map(\.id).sorted()
        #expect(ids == ["TS-CAP-001@background_tasks[0].capabilities.runs", "TS-CAP-003@background_tasks[0].capabilities.file_access[0]"])
    }
}
