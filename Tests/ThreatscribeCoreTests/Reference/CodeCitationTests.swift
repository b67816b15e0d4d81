import Testing
@testable import ThreatscribeCore

/// Deployment, build and dependency findings cite the Dockerfile, workflow or lock file line the
/// model names (`source:` on those sections, file-level references, locked versions).
@Suite struct CodeCitationTests {
    static let model = """
    system: {name: Shop}
    frameworks:
      starlette: "0.46.2 (uv.lock:1277)"
    dependencies:
      - {name: python-jose, version: "3.3.0", source: "backend/pyproject.toml:20"}
    routers:
      - endpoints: [{path: /, methods: [GET], auth: none}]
    deployment:
      platform: docker
      source: compose.yml
      container:
        runs_as_root: true
        base_image: python:3.12
        source: backend/Dockerfile
    build:
      dependency_pinning: false
      code_review: optional
      source: .github/workflows/deploy.yml:12-40
    """

    static func findings() throws -> [Finding] {
        let model = try ModelLoader.load(text: model, file: "model.yaml")
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        return try ThreatAnalysis(catalog: catalog).run(on: model, options: .init(generatedAt: "2026-01-15", toolVersion: "test")).findings
    }

    static func codeLocations(of threat: String, in findings: [Finding]) -> Set<String> {
        Set(findings.filter { $0.threatID == threat }.flatMap(\.evidence).compactMap { $0.codeLocation?.description })
    }

    @Test func deploymentAndBuildFindingsCiteTheirFiles() throws {
        let findings = try Self.findings()
        #expect(Self.codeLocations(of: "TS-DEPLOY-001", in: findings).contains("backend/Dockerfile"))
        let build = findings.filter { ["TS-DEP-001", "TS-BUILD-002"].contains($0.threatID) }
        #expect(build.count == 2)
        for finding in build {
            #expect(finding.evidence.contains { $0.codeLocation?.description == ".github/workflows/deploy.yml:12:1" }, "\(finding.id)")
        }
    }

    @Test func dependencyFindingsCiteTheLockFileOrTheManifest() throws {
        let findings = try Self.findings()
        let starlette = findings.filter { $0.subjectPath.description.hasPrefix("frameworks.starlette") }
        #expect(!starlette.isEmpty)
        for finding in starlette {
            #expect(finding.evidence.contains { $0.codeLocation?.description == "uv.lock:1277:1" }, "\(finding.id)")
        }
        let jose = findings.filter { $0.subjectPath.description.hasPrefix("dependencies[0]") }
        #expect(!jose.isEmpty)
        for finding in jose {
            #expect(finding.evidence.contains { $0.codeLocation?.description == "backend/pyproject.toml:20:1" }, "\(finding.id)")
        }
    }
}
