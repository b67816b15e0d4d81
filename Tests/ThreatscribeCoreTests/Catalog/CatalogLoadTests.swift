import Foundation
import Testing
@testable import ThreatscribeCore

/// Catalog files are checked when loaded: every mistake is an error with its exact place.
struct CatalogLoadTests {
    static let entry = """
    id: TS-TEST-001
    title: Docs served in {{env.name}}
    scope: app
    when: env.is_production and docs_exposed
    stride: [I]
    cwe: CWE-497
    owasp_api_2023: [API9:2023]
    owasp_top10_2021: [A01:2021]
    owasp_top10_2025: [A01:2025]
    asvs_5_0: [v5.0.0-13.4.5]
    asvs_4_0_3: [v4.0.3-14.3.3]
    nist_800_53: [CM-7]
    likelihood: {skill_level: 3, motive: 4, opportunity: 9, size: 9, ease_of_discovery: 9, ease_of_exploit: 9, awareness: 9, intrusion_detection: 8}
    impact: {confidentiality: 2, integrity: 1, availability: 1, accountability: 1}
    confidence: clear-cut
    description: Swagger UI at {{docs_path}}.
    impact_description: Map of the API.
    detection: Docs route registered in production.
    false_positives: Public APIs.
    mitigation: Set openapi_url=None.
    validation: curl {{env.base_url}}{{docs_path}}
    references: [https://fastapi.tiangolo.com/how-to/conditional-openapi/]
    samples:
      trigger:
        - |
          system: {name: A}
      no_trigger:
        - |
          system: {name: B}
    """

    /// Loads the reference data plus the given user files only (no built-in entries).
    func load(_ files: [String: String]) -> Result<ThreatCatalog, DiagnosticList> {
        let store = ResourceStore(files: ResourceStore.builtIn.files.filter { $0.key.hasPrefix("Catalog/reference/") })
        let sources = files.sorted { $0.key < $1.key }.map { ThreatCatalog.SourceFile(name: $0.key, text: $0.value) }
        do { return .success(try ThreatCatalog.load(builtIn: store, userFiles: sources, vocabulary: Analyzers.vocabulary)) }
        catch { return .failure(error) }
    }

    func diagnostics(_ text: String) -> [String] {
        guard case .failure(let list) = load(["user/entry.yaml": text]) else { return [] }
        return list.diagnostics.sorted(by: DiagnosticList.order).map(\.description)
    }

    @Test func validEntryLoads() throws {
        let catalog = try load(["user/entry.yaml": Self.entry]).get()
        #expect(catalog.entries.map(\.id) == ["TS-TEST-001"])
        #expect(catalog.entries[0].cweName == "Exposure of Sensitive System Information to an Unauthorized Control Sphere")
        #expect(catalog.entries[0].evidenceFields == ["docs_exposed"])
    }

    @Test func unknownFactIsLocatedWithSuggestion() {
        let text = Self.entry.replacingOccurrences(of: "when: env.is_production and docs_exposed", with: "when: env.is_production and docs_exposd")
        #expect(diagnostics(text) == ["user/entry.yaml:4:29: error: unknown fact `docs_exposd` in scope `app`; did you mean `docs_exposed`?"])
    }

    @Test func unknownGlobalFieldIsLocated() {
        let text = Self.entry.replacingOccurrences(of: "when: env.is_production and", with: "when: env.is_prod and")
        #expect(diagnostics(text) == ["user/entry.yaml:4:7: error: unknown fact `is_prod` in scope `env`; did you mean `is_production`?"])
    }

    @Test func malformedConditionIsLocated() {
        let text = Self.entry.replacingOccurrences(of: "when: env.is_production and docs_exposed", with: "when: \"docs_exposed and (\"")
        #expect(diagnostics(text) == ["user/entry.yaml:4:26: error: expected a value, found end of condition"])
    }

    @Test func typeErrorIsLocated() {
        let text = Self.entry.replacingOccurrences(of: "when: env.is_production and docs_exposed", with: "when: docs_path > 3")
        #expect(diagnostics(text) == ["user/entry.yaml:4:7: error: cannot apply `>` to string and int"])
    }

    @Test func blockScalarConditionErrorsPointIntoTheBlock() {
        let text = Self.entry.replacingOccurrences(of: "when: env.is_production and docs_exposed", with: "when: |\n  env.is_production and\n  docs_exposd")
        #expect(diagnostics(text) == ["user/entry.yaml:6:3: error: unknown fact `docs_exposd` in scope `app`; did you mean `docs_exposed`?"])
    }

    @Test func unknownKeyAndPlaceholderAreReportedTogether() {
        let text = Self.entry
            .replacingOccurrences(of: "description: Swagger UI at {{docs_path}}.", with: "descripton: Swagger UI at {{docs_pth}}.")
            .replacingOccurrences(of: "validation: curl {{env.base_url}}{{docs_path}}", with: "validation: curl {{env.base_url}}{{docs_pth}}")
        #expect(diagnostics(text) == [
            "user/entry.yaml:1:1: error: missing key `description` in catalog entry",
            "user/entry.yaml:16:1: error: unknown key `descripton` in catalog entry; did you mean `description`?",
            "user/entry.yaml:21:34: error: in `validation`: unknown fact `docs_pth` in scope `app`; did you mean `docs_path`?",
        ])
    }

    @Test func forbiddenAndUnknownStandardsIDsAreRefused() {
        let text = Self.entry
            .replacingOccurrences(of: "cwe: CWE-497", with: "cwe: CWE-400")
            .replacingOccurrences(of: "asvs_5_0: [v5.0.0-13.4.5]", with: "asvs_5_0: [v5.0.0-13.4.99]")
        let found = diagnostics(text)
        #expect(found.count == 2)
        #expect(found.first == "user/entry.yaml:6:6: error: CWE-400 is discouraged for mapping by MITRE; use CWE-770")
        #expect(found.last?.hasPrefix("user/entry.yaml:10:11: error: `v5.0.0-13.4.99` is not a known asvs_5_0 id") == true)
    }

    @Test func overridesChangeSeverityOrDisable() throws {
        let second = Self.entry.replacingOccurrences(of: "TS-TEST-001", with: "TS-TEST-002")
        let catalog = try load([
            "a/entry1.yaml": Self.entry, "a/entry2.yaml": second,
            "b/override1.yaml": "override: TS-TEST-001\nseverity: critical\n",
            "b/override2.yaml": "override: TS-TEST-002\ndisabled: true\n",
        ]).get()
        #expect(catalog.entries.map(\.id) == ["TS-TEST-001"])
        #expect(catalog.entries[0].severityOverride == .critical)
        #expect(catalog.disabledIDs == ["TS-TEST-002"])
    }

    @Test func overrideOfUnknownEntryIsAnError() {
        guard case .failure(let list) = load(["a/e.yaml": Self.entry, "b/o.yaml": "override: TS-TEST-01\ndisabled: true\n"]) else {
            Issue.record("expected a failure")
            return
        }
        #expect(list.description == "b/o.yaml:1:1: error: override names unknown entry `TS-TEST-01`; did you mean `TS-TEST-001`?")
    }

    @Test func duplicateIDsAreRefused() {
        guard case .failure(let list) = load(["a/1.yaml": Self.entry, "a/2.yaml": Self.entry]) else {
            Issue.record("expected a failure")
            return
        }
        #expect(list.description == "a/2.yaml:1:1: error: duplicate entry id `TS-TEST-001` (first defined at a/1.yaml:1:1)")
    }

    @Test func builtInCatalogLoads() throws {
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        #expect(!catalog.entries.isEmpty)
    }
}
