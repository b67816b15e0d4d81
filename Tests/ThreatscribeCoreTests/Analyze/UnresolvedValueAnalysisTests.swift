import Testing
@testable import ThreatscribeCore

/// An unresolved value is unknown, never the default: no "safe" verdict and no clear-cut finding rests on it.
struct UnresolvedValueAnalysisTests {
    /// A production SPA whose origin the CORS policy must allow; `ORIGINS` is replaced per test.
    static let model = """
        system: {name: S, exposure: internet}
        frameworks: {starlette: "1.10.0"}
        app:
          docs_url: DOCS
        clients:
          - {id: spa, type: browser_spa, origin: "https://app.example.com"}
        routers:
          - prefix: /items
            endpoints:
              - {path: /, methods: [GET]}
        middleware:
          - type: cors
            allow_origins: ORIGINS
            allow_credentials: true
        environments:
          - {name: production, kind: production}
        """

    static func report(origins: String, docs: String = "null") throws -> AnalysisReport {
        let text = model.replacingOccurrences(of: "ORIGINS", with: origins).replacingOccurrences(of: "DOCS", with: docs)
        return try ComplianceMatrixTests.report(text)
    }

    static let unresolvedOrigins = "{unresolved: settings.all_cors_origins, source: backend/app/main.py:23}"

    @Test func unknownOriginsGiveNoVerdictAndNoConfirmedFinding() throws {
        let report = try Self.report(origins: Self.unresolvedOrigins)
        let cors = report.findings.filter { $0.subjectPath == "middleware[0]" }
        // The default (no origin allowed) would refuse the SPA: TS-CORS-019, a claim about values nobody stated.
        #expect(cors.map(\.threatID) == ["TS-CORS-021"])
        let toConfirm = try #require(cors.first)
        #expect(toConfirm.confidence == .judgment)
        #expect(toConfirm.description.contains("settings.all_cors_origins (backend/app/main.py:23)"))
        #expect(toConfirm.description.contains("a risk if it contains"))
        #expect(report.notAssessed.contains { $0.contains("middleware[0].allow_origins") && $0.contains("settings.all_cors_origins (backend/app/main.py:23)") })
    }

    @Test func statedOriginsAreEvaluatedByTheEngine() throws {
        // The same model with the default stated: the engine runs and the refusal is reported.
        let report = try Self.report(origins: "[]")
        #expect(report.findings.contains { $0.threatID == "TS-CORS-019" })
        #expect(!report.findings.contains { $0.threatID == "TS-CORS-021" })
        #expect(!report.notAssessed.contains { $0.contains("allow_origins") })
    }

    @Test func riskyOriginsOnceStatedAreClearCut() throws {
        let report = try Self.report(origins: "[\"*\"]")
        #expect(report.findings.contains { $0.threatID == "TS-CORS-002" || $0.threatID == "TS-CORS-001" })
        #expect(!report.findings.contains { $0.threatID == "TS-CORS-021" })
    }

    @Test func aFindingOnAnUnknownDefaultIsOneToConfirm() throws {
        let unknown = try Self.report(origins: "[\"https://app.example.com\"]", docs: "{unresolved: settings.docs_url, source: app/main.py:9}")
        let docs = try #require(unknown.findings.first { $0.threatID == "TS-DOCS-001" })
        #expect(docs.confidence == .judgment)
        #expect(docs.description.hasPrefix("**To confirm:** `app.docs_url` is computed by the code as `settings.docs_url` (app/main.py:9)"))
        #expect(docs.evidence.contains { $0.path == "app.docs_url" && $0.value == "(unresolved: settings.docs_url)" && $0.codeLocation?.line == 9 })

        let unset = try ComplianceMatrixTests.report(Self.model.replacingOccurrences(of: "docs_url: DOCS", with: "framework: fastapi")
            .replacingOccurrences(of: "ORIGINS", with: "[\"https://app.example.com\"]"))
        #expect(unset.findings.first { $0.threatID == "TS-DOCS-001" }?.confidence == .clearCut)
    }

    @Test func complianceIsNeverMetOnAnUnknownValue() throws {
        let unknown = try ComplianceMatrixTests.matrix(try Self.report(origins: Self.unresolvedOrigins))
        let row = try #require(unknown.rows.first { $0.id == "v5.0.0-3.4.2" })
        #expect(row.status == .notAssessed)
        #expect(row.needsResolution)
        let stated = try ComplianceMatrixTests.matrix(try Self.report(origins: "[\"https://app.example.com\"]"))
        #expect(stated.rows.first { $0.id == "v5.0.0-3.4.2" }?.status == .met)
    }

    @Test func theReportShowsTheValueAsNotAssessed() throws {
        let report = try Self.report(origins: Self.unresolvedOrigins, docs: "{unresolved: settings.docs_url}")
        let sections = ComponentSections(model: report.model.base)
        let facts = sections.application.flatMap(\.facts)
        #expect(facts.contains { $0.label == "middleware[0].allow_origins" && $0.value.hasPrefix("Not assessed: the code computes it as settings.all_cors_origins") })
        #expect(facts.filter { $0.label == "docs_url" }.allSatisfy { $0.value.hasPrefix("Not assessed") })
        #expect(!facts.contains { $0.value.contains("FastAPI default /docs") })
    }

    @Test func theCORSDocumentsSayNotAssessedNeverMetOrAbsent() throws {
        let report = try Self.report(origins: Self.unresolvedOrigins)
        let notAssessed = "Not assessed in production: the model leaves allow_origins unresolved (settings.all_cors_origins, backend/app/main.py:23)"
        let configDoc = try #require(try DocumentContentTests.files(report, configDoc: .cors).first { $0.name.hasSuffix(".md") }).contents
        #expect(configDoc.contains(notAssessed))
        #expect(!configDoc.contains("| met |"), "a checklist row is met on origins nobody stated")
        let mitigation = try #require(try DocumentContentTests.files(report, mitigation: .cors).first { $0.name.hasSuffix(".md") }).contents
        #expect(mitigation.contains(notAssessed))
        #expect(mitigation.contains("unresolved: `settings.all_cors_origins` (not assessed)"))
        #expect(!mitigation.contains("no CORSMiddleware"))

        let adr = try #require(try ADRDocument(decision: .corsPolicy, style: .madr).render(report).first { $0.name.hasSuffix(".md") }).contents
        #expect(adr.contains("allow_origins=<unresolved: settings.all_cors_origins>"))
        #expect(!adr.contains("allow_origins=[]"))

        let stated = try Self.report(origins: "[\"https://app.example.com\"]")
        let statedDoc = try #require(try DocumentContentTests.files(stated, configDoc: .cors).first { $0.name.hasSuffix(".md") }).contents
        #expect(statedDoc.contains("| met |") && !statedDoc.contains("Not assessed in production"))
    }

    @Test func aMountedAppsUnknownOriginsAreNotReadAsTheDefault() throws {
        let report = try ComplianceMatrixTests.report("""
            system: {name: S, exposure: internet}
            app: {framework: fastapi, docs_url: null, openapi_url: null}
            apps:
              - id: api
                mount: /api
                middleware:
                  - type: cors
                    allow_origins: {unresolved: settings.api_origins, source: app/main.py:31}
            environments:
              - {name: production, kind: production}
            """)
        let finding = try #require(report.findings.first { $0.threatID == "TS-CORS-021" })
        #expect(finding.subjectPath == "apps[0].middleware[0]")
        #expect(finding.evidence.first?.path == "apps[0].middleware[0].allow_origins")
    }
}
