import Foundation
import Testing
@testable import ThreatscribeCore

/// ``ArtifactMerge`` on drafts built in memory (no python3): the code's values win, a different
/// artifact value becomes a conflict in the summary, and what the code left open is filled with the
/// artifact's `file:line`.
@Suite struct ArtifactMergeTests {
    static func draft(_ yaml: [(String, DraftNode)]) -> InitDraft {
        let extraction = ProjectExtraction(model: .mapping([("threatscribe", .integer(1)), ("system", .mapping([("name", .string("svc"))]))] + yaml),
                                           counts: [:], middlewareOrder: [], auth: [], unresolved: [], questions: [], skipped: [])
        return InitDraft(extraction: extraction, compose: [])
    }

    static func file(_ path: String, _ text: String) -> ProjectFile { ProjectFile(path: path, bytes: Array(text.utf8)) }

    static func text(_ draft: InitDraft) -> String { DraftYAMLWriter.yaml(of: draft.model) }

    static let bom = """
        {"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [
          {"name": "fastapi", "version": "0.115.0", "purl": "pkg:pypi/fastapi@0.115.0"},
          {"name": "starlette", "version": "0.45.3", "purl": "pkg:pypi/starlette@0.45.3"},
          {"name": "Jinja2", "version": "3.1.2", "purl": "pkg:pypi/jinja2@3.1.2"},
          {"name": "left-pad", "version": "1.0.0", "purl": "pkg:npm/left-pad@1.0.0"}
        ]}
        """

    @Test func sbomVersionsFillOpenVersionsAndConflictWithFixedOnes() throws {
        let draft = Self.draft([("frameworks", .mapping([("fastapi", .string("0.115.6", comment: "requirements.txt:1")),
                                                         ("starlette", .string(">=0.46", comment: "requirements.txt:2"))])),
                                ("dependencies", .sequence([DraftNode.mapping([("name", .string("jinja2")), ("source", .string("requirements.txt:3"))], comment: "no version stated")]))])
        let merged = ArtifactMerge.merged(draft, files: [Self.file("sbom/bom.json", Self.bom)])
        let text = Self.text(merged)
        #expect(text.contains("fastapi: \"0.115.6\"  # requirements.txt:1"), "a pinned version stays")
        #expect(text.contains("starlette: \">=0.46\""), "a range the SBOM version is outside of stays")
        #expect(text.contains("version: \"3.1.2 (sbom/bom.json:4)\""), "\(text)")
        #expect(!text.contains("no version stated"))
        #expect(!text.contains("left-pad"))
        #expect(merged.summary.contains("  - fastapi: the project's files fix 0.115.6 (requirements.txt:1), sbom/bom.json:2 lists 0.115.0"))
        #expect(merged.summary.contains("  - starlette: the project's files allow >=0.46 (requirements.txt:2), sbom/bom.json:3 lists 0.45.3, outside that range"))
        _ = try ModelLoader.load(text: text, file: "model.yaml")
    }

    @Test func aRangeTheSBOMVersionSatisfiesTakesItAsResolved() throws {
        let draft = Self.draft([("frameworks", .mapping([("starlette", .string(">=0.40,<0.46", comment: "pyproject.toml:9"))]))])
        let text = Self.text(ArtifactMerge.merged(draft, files: [Self.file("bom.json", Self.bom)]))
        #expect(text.contains("starlette: \"0.45.3 (bom.json:3)\"  # >=0.40,<0.46 declared at pyproject.toml:9"), "\(text)")
        #expect(text.contains("fastapi: \"0.115.0 (bom.json:2)\""), "a framework the code's files do not name is added")
    }

    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          template:
            spec:
              containers:
                - name: api
                  image: api:1
                  securityContext: {runAsUser: 0, readOnlyRootFilesystem: true}
                  env:
                    - {name: SECRET_KEY, value: "hunter2-in-the-manifest"}
        """

    @Test func aManifestFillsTheDeploymentAndItsDisagreementIsAConflict() throws {
        let draft = Self.draft([
            ("secrets", .sequence([.mapping([("name", .string("SECRET_KEY")), ("sources", .strings(["environment"])), ("fallback", .string("none")),
                                             ("source", .string("app/config.py:4"))])])),
            ("deployment", .mapping([("container", .mapping([("runs_as_root", .boolean(false, comment: "Dockerfile:9 USER app")), ("source", .string("Dockerfile"))])),
                                     ("source", .string("Dockerfile"))])),
        ])
        let merged = ArtifactMerge.merged(draft, files: [Self.file("deploy/api.yaml", Self.manifest)])
        let text = Self.text(merged)
        #expect(text.contains("runs_as_root: false  # Dockerfile:9 USER app"), "the code's value stays")
        #expect(text.contains("read_only_root_filesystem: true  # deploy/api.yaml:8"), "\(text)")
        #expect(text.contains("platform: kubernetes  # deploy/api.yaml"))
        #expect(merged.summary.contains("  - deployment.container.runs_as_root: Dockerfile gives false, deploy/api.yaml:8 gives true"))
        #expect(text.contains("- literal"))
        #expect(!text.contains("hunter2"))
        let model = try ModelLoader.load(text: text, file: "model.yaml")
        #expect(model.base.secrets?.first?.sources?.map(\.rawValue) == ["environment", "literal"])
    }

    static let openAPI = """
        openapi: 3.0.3
        info: {title: svc, version: "1"}
        servers: [{url: "https://api.example.com/v1"}]
        paths:
          /items/{id}:
            get:
              security: [{HTTPBearer: []}]
          /items:
            get:
              security: [{HTTPBearer: []}]
          /export:
            post:
              security: [{HTTPBearer: []}]
        components:
          securitySchemes:
            HTTPBearer: {type: http, scheme: bearer}
        """

    @Test func operationsConfirmFillAddAndConflict() throws {
        func endpoint(_ path: String, _ extra: [(String, DraftNode)] = [], notes: [String] = []) -> DraftNode {
            var node = DraftNode.mapping([("path", .string(path)), ("methods", .strings(["GET"]))] + extra + [("source", .string("app/main.py:1"))])
            node.notes = notes
            return node
        }
        let draft = Self.draft([
            ("auth", .sequence([DraftNode(.mapping([.pair(key: "id", value: .string("bearer")), .pair(key: "type", value: .string("jwt")),
                                                    .pair(key: "transport", value: .string("header")), .pair(key: "source", value: .string("app/auth.py:3"))]),
                                          comment: "HTTPBearer")])),
            ("routers", .sequence([.mapping([("prefix", .string("/v1")), ("endpoints", .sequence([
                endpoint("/items/{item_id}", notes: ["dependency not followed: app/main.py:9: partner_check"]),
                endpoint("/items"),
            ]))])])),
        ])
        let merged = ArtifactMerge.merged(draft, files: [Self.file("openapi.yaml", Self.openAPI)])
        let model = try ModelLoader.load(text: Self.text(merged), file: "model.yaml")
        let routers = try #require(model.base.routers)
        #expect(routers[0].endpoints.map(\.path) == ["/items/{item_id}", "/items"])
        #expect(Self.text(merged).contains("auth: bearer  # openapi.yaml:6 security: the code's dependency was not followed"))
        #expect(routers[0].endpoints[1].auth == nil, "a public endpoint of the code is not overwritten")
        #expect(merged.summary.contains("  - GET /items: the code (app/main.py:1) shows no authentication, openapi.yaml:9 requires HTTPBearer"))
        #expect(routers[1].endpoints.map(\.path) == ["/v1/export"])
        #expect(routers[1].endpoints[0].methods == ["POST"])
    }

    /// A document that matches none of the code's endpoints describes another service (chroma's
    /// `docs/mintlify/sync.openapi.json`): nothing is added. An operation without a security
    /// requirement is not added either: absent `security` does not say the operation is public.
    @Test func operationsAreAddedOnlyFromAMatchingDocumentThatStatesTheirSecurity() throws {
        let draft = Self.draft([("routers", .sequence([.mapping([("endpoints", .sequence([
            .mapping([("path", .string("/health")), ("methods", .strings(["GET"])), ("source", .string("app/main.py:3"))]),
        ]))])]))])
        let other = "openapi: 3.1.0\ninfo: {title: other, version: '1'}\npaths:\n  /sync:\n    post: {security: []}\n"
        let unrelated = ArtifactMerge.merged(draft, files: [Self.file("docs/other.yaml", other)])
        #expect(unrelated.model == ArtifactMerge.merged(draft, files: []).model)
        #expect(unrelated.summary.contains { $0.contains("docs/other.yaml describes none of the code's 1 endpoints") })
        let partial = "openapi: 3.1.0\ninfo: {title: same, version: '1'}\npaths:\n  /health:\n    get: {}\n  /hooks:\n    post: {}\n"
        let merged = ArtifactMerge.merged(draft, files: [Self.file("openapi.yaml", partial)])
        #expect(Self.text(merged) == Self.text(ArtifactMerge.merged(draft, files: [])))
        #expect(merged.summary.contains { $0.contains("1 operations of openapi.yaml the code does not show state no security requirement, so they were not added; state their auth: POST /hooks (openapi.yaml:7)") })
    }

    /// Without endpoints in the code, a document is merged only when it is titled as the app; a
    /// YAML dump with sorted keys (`openapi:` last, as netflix-dispatch's) is still recognised.
    @Test func withoutCodeEndpointsOnlyADocumentTitledAsTheAppIsMerged() throws {
        let document = "components: {}\ninfo: {title: Shop, version: '1'}\nopenapi: 3.0.2\npaths:\n  /orders:\n    post: {security: [{key: []}]}\n"
            + "servers: []\n"
        let schemes = document.replacingOccurrences(of: "components: {}", with: "components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}")
        let titled = Self.draft([("app", .mapping([("framework", .string("fastapi")), ("title", .string("Shop")), ("source", .string("main.py:3"))]))])
        let merged = ArtifactMerge.merged(titled, files: [Self.file("docs/api.yaml", schemes)])
        let model = try ModelLoader.load(text: Self.text(merged), file: "model.yaml")
        #expect(model.base.routers?.first?.endpoints.map(\.path) == ["/orders"])
        #expect(model.base.auth?.map(\.id) == ["key"])
        let untitled = ArtifactMerge.merged(Self.draft([]), files: [Self.file("docs/api.yaml", schemes)])
        #expect(untitled.model == Self.draft([]).model)
        #expect(untitled.summary.contains { $0.contains("The code shows no endpoints and docs/api.yaml (Shop) is not titled as the app") })
    }

    /// Python's `json.dumps` writes an emoji as a surrogate pair, which the YAML reader refuses
    /// (zylon-private-gpt's `fern/openapi/openapi.json`): such JSON is read, escaped backslashes stay.
    @Test func jsonSurrogatePairsAreRead() throws {
        let text = #"{"a": "x\ud83d\ude80y", "b": "\\ud83d", "c": "\udc00", "d": "\u00e9"}"#
        let node = try #require(try ImportedYAML.documents(text, file: "x.json").first)
        #expect(node.text("a") == "x\u{1F680}y")
        #expect(node.text("b") == #"\ud83d"#)
        #expect(node.text("c") == "\u{FFFD}")
        #expect(node.text("d") == "é")
    }

    @Test func environmentFilesGiveOverridesWithoutTheirValues() throws {
        let draft = Self.draft([("secrets", .sequence([.mapping([("name", .string("JWT_SECRET")), ("sources", .strings(["environment"])),
                                                                  ("fallback", .string("none")), ("source", .string("app/settings.py:7"))])]))])
        let merged = ArtifactMerge.merged(draft, files: [
            Self.file(".gitignore", "# local\n.env\n*.local\n"),
            Self.file(".env", "JWT_SECRET=ignored-anyway\n"),
            Self.file("deploy/.env.staging", "export JWT_SECRET='s3cret-staging'\nSMTP_PASSWORD=\"mail-pass\" \nEMPTY_TOKEN=\nREF_KEY=${FROM_VAULT}\n"),
            Self.file(".env.example", "JWT_SECRET=change-me\n"),
        ])
        let text = Self.text(merged)
        for value in ["ignored-anyway", "s3cret-staging", "mail-pass", "change-me"] { #expect(!text.contains(value)) }
        let model = try ModelLoader.load(text: text, file: "model.yaml")
        let staging = try #require(model.environments.first { $0.name == "staging" })
        #expect(staging.kind?.rawValue == "staging")
        let secrets = try #require(staging.model.secrets)
        #expect(secrets.map(\.name) == ["JWT_SECRET", "SMTP_PASSWORD"])
        #expect(secrets.map { $0.sources?.map(\.rawValue) ?? [] } == [["environment", "literal"], ["literal"]])
        #expect(secrets[0].provided == true)
        #expect(model.environments.first { $0.name == "default" }?.model.secrets?.first?.sources?.map(\.rawValue) == ["environment"])
        #expect(merged.summary.contains("  .env (ignored by git): 1 setting, not merged"))
    }

    @Test func dotEnvLinesAndPurposes() {
        let file = DotEnvFile(text: "# c\nexport A=1\nB = \"two words\"\nC=three # note\n9BAD=x\nnot a line\nD=\n", file: ".env.prod")
        #expect(file.entries.map(\.name) == ["A", "B", "C", "D"])
        #expect(file.entries.map(\.value) == ["1", "two words", "three", ""])
        #expect(file.entries.map(\.line) == [2, 3, 4, 7])
        #expect(file.purpose == .environment(name: "prod", kind: "production"))
        #expect(DotEnvFile(text: "", file: "a/.env.sample").purpose == .example)
        #expect(DotEnvFile(text: "", file: ".env").purpose == .checkout)
        #expect(DotEnvFile(text: "", file: "config/.env.blue").purpose == .unknown("blue"))
        #expect(DotEnvFile(text: "", file: "staging.env").purpose == .environment(name: "staging", kind: "staging"))
        #expect(DotEnvFile(text: "", file: "dev/docker/.env.docker.template").purpose == .example)
        #expect(DotEnvFile(text: "", file: "web/.example.env").purpose == .example)
    }

    @Test func gitignorePatterns() {
        let patterns = IgnorePatterns(text: ".env*\n!.env.example\n/config/*.env\n")
        #expect(patterns.ignores(".env"))
        #expect(patterns.ignores("deploy/.env.production"))
        #expect(!patterns.ignores(".env.example"))
        #expect(patterns.ignores("config/prod.env"))
        #expect(!patterns.ignores("other/prod.env"))
    }

    /// The real public fixtures under `Fixtures/import/` merge without warnings.
    @Test func realArtifactsMerge() throws {
        let root = CommandLineTests.root.appendingPathComponent("Tests/ThreatscribeCoreTests/Fixtures/import")
        let files = try ["openapi/flashnotes.openapi.json", "cyclonedx/poetry-regression-issue702-lock21.cdx-1.6.xml"].map { path in
            ProjectFile(path: path, bytes: [UInt8](try Data(contentsOf: root.appendingPathComponent(path))))
        }
        let merged = ArtifactMerge.merged(Self.draft([]), files: files)
        #expect(!merged.summary.contains("artifacts not merged:"), "\(merged.summary)")
        #expect(merged.summary.contains { $0.hasPrefix("  openapi/flashnotes.openapi.json (OpenAPI 3.1.0): ") })
        #expect(merged.summary.contains { $0.hasPrefix("  cyclonedx/poetry-regression-issue702-lock21.cdx-1.6.xml (CycloneDX 1.6 SBOM): ") })
        _ = try ModelLoader.load(text: Self.text(merged), file: "model.yaml")
    }
}
