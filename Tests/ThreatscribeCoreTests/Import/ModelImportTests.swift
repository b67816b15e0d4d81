import Foundation
import Testing
@testable import ThreatscribeCore

/// `threatscribe import` on the real public artifacts in `Fixtures/import` (see its SOURCES.md)
/// and on small constructed ones: every draft is a model `validate` accepts, and says what the
/// artifact says.
struct ModelImportTests {
    static let fixtures = HardenedXMLReaderTests.fixtures

    static let realFixtures = [
        "tm7/autocert-threat-model.tm7", "tm7/akri-threat-model-sept23.tm7", "tm7/tm-file-parser-sample1.tm7",
        "drawio/threat-modelling.compressed.drawio", "drawio/data-flow-llm.plain.drawio", "drawio/gcp-general-web-application.plain.xml",
        "cyclonedx/poetry-regression-issue702-lock21.cdx-1.6.xml", "cyclonedx/poetry-regression-issue702-lock21.cdx-1.6.json",
        "openapi/flashnotes.openapi.json", "openapi/open-assistant-backend.openapi.json", "openapi/open-assistant-inference.openapi.json",
    ]

    /// The draft of a fixture and the model it loads as.
    static func imported(_ fixture: String) throws -> (draft: ImportDraft, model: LoadedModel, yaml: String) {
        let bytes = try [UInt8](Data(contentsOf: fixtures.appendingPathComponent(fixture)))
        return try imported(bytes, file: fixture)
    }

    static func imported(_ bytes: [UInt8], file: String) throws -> (draft: ImportDraft, model: LoadedModel, yaml: String) {
        let draft = try ModelImport.draft(bytes, file: file)
        let yaml = draft.yaml(from: file)
        return (draft, try ModelLoader.load(text: yaml, file: "draft.yaml"), yaml)
    }

    static func findings(_ model: LoadedModel) throws -> [Finding] {
        try ThreatAnalysis(catalog: CapabilityFindingsTests.catalog).run(on: model, options: .init(generatedAt: "2026-01-01", toolVersion: "test")).findings
    }

    @Test(arguments: realFixtures)
    func everyRealFixtureImportsIntoAValidModel(_ fixture: String) throws {
        let result = try withoutHanging { try Self.imported(fixture) }
        #expect(!result.draft.found.isEmpty)
        #expect(result.yaml.contains("source: \(fixture)"))
    }

    @Test func theBillionLaughsFileIsRefused() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent("tm7/hostile/tm-file-parser-billion-laughs.tm7")))
        let outcome = withoutHanging { Result { () throws(DiagnosticList) in try ModelImport.draft(bytes, file: "laughs.tm7") } }
        guard case .failure(let error) = outcome else {
            Issue.record("imported")
            return
        }
        #expect(error.description.hasPrefix("laughs.tm7:2:"))
        #expect(error.description.contains("declares entities"))
    }

    // MARK: OpenAPI

    @Test func flashNotesLoginIsTheTokenURLAndPublicRoutesHaveNoAuth() throws {
        let model = try Self.imported("openapi/flashnotes.openapi.json").model.base
        #expect(model.auth?.map(\.id) == ["OAuth2PasswordBearer"])
        #expect(model.auth?.first?.type == .oauth2Jwt)
        let endpoints = model.routers?.flatMap(\.endpoints) ?? []
        #expect(endpoints.count == 20)
        let login = try #require(endpoints.first { $0.path == "/api/v1/tokens" && $0.methods == ["POST"] })
        #expect(login.purpose == .login && login.auth == nil)
        #expect(endpoints.filter { $0.auth == "OAuth2PasswordBearer" }.count == 18)
    }

    @Test func fastAPIsRepeatedRequirementsAreOneMechanismAndSeveralAreAlternatives() throws {
        let endpoints = try Self.imported("openapi/open-assistant-backend.openapi.json").model.base.routers?.flatMap(\.endpoints) ?? []
        let tasks = try #require(endpoints.first { $0.path == "/api/v1/tasks/" && $0.methods == ["POST"] })
        #expect(tasks.auth == "api-key" && tasks.authAny == nil)
        let ack = try #require(endpoints.first { $0.path == "/api/v1/tasks/{task_id}/ack" })
        #expect(ack.authAny == ["api-key", "oasst-user"])
    }

    @Test func adminRoutesWithoutScopesAreAQuestion() throws {
        let draft = try Self.imported("openapi/open-assistant-inference.openapi.json").draft
        #expect(draft.questions.contains { $0.hasPrefix("5 admin endpoints list no scopes") })
    }

    static let queryKeyDocument = """
        openapi: 3.0.3
        info: {title: Reports, version: "1"}
        servers:
          - url: http://reports.example.com
            description: Production
        security:
          - key: []
        components:
          securitySchemes:
            key: {type: apiKey, in: query, name: api_key}
          schemas:
            Account:
              properties:
                author: {type: string}
                hashedPassword: {type: string}
                card_number: {type: string}
        paths:
          /health:
            get:
              security: []
              responses: {"200": {description: ok}}
          /accounts/{id}:
            get:
              responses:
                "200":
                  description: ok
                  content: {application/json: {schema: {$ref: "#/components/schemas/Account"}}}
        """

    @Test func anAPIKeyInTheQueryIsFlaggedAndSecurityEmptyIsPublic() throws {
        let result = try Self.imported(Array(Self.queryKeyDocument.utf8), file: "reports.yaml")
        let model = result.model.base
        let key = try #require(model.auth?.first)
        #expect(key.transport == .query && key.parameter == "api_key" && key.type == .apiKey)
        let endpoints = model.routers?.flatMap(\.endpoints) ?? []
        #expect(endpoints.first { $0.path == "/health" }?.auth == "none")
        #expect(endpoints.first { $0.path == "/accounts/{id}" }?.auth == "key")
        #expect(endpoints.first { $0.path == "/accounts/{id}" }?.responseModel == "Account")
        #expect(model.models?.first?.fields?.map(\.name) == ["hashedPassword", "card_number"])
        #expect(model.environments?.first?.baseUrl == "http://reports.example.com")
        #expect(result.draft.questions.contains { $0.contains("plain http") })
        #expect(try Self.findings(result.model).contains { $0.threatID == "TS-AUTH-007" })
    }

    @Test func swaggerTwoAndOtherVersionsAreClearErrors() {
        #expect(throws: DiagnosticList.self) { try ModelImport.draft(Array("swagger: '2.0'\npaths: {}\n".utf8), file: "s.yaml") }
        #expect(throws: DiagnosticList.self) { try ModelImport.draft(Array("openapi: 2.0.0\n".utf8), file: "s.yaml") }
        #expect(throws: DiagnosticList.self) { try ModelImport.draft(Array("just: text\n".utf8), file: "s.yaml") }
        #expect(throws: DiagnosticList.self) { try ModelImport.draft(Array("<html/>".utf8), file: "s.xml") }
    }

    // MARK: CycloneDX

    @Test func bothSBOMFormsGiveTheSameResolvedVersions() throws {
        let xml = try Self.imported("cyclonedx/poetry-regression-issue702-lock21.cdx-1.6.xml").model.base
        let json = try Self.imported("cyclonedx/poetry-regression-issue702-lock21.cdx-1.6.json").model.base
        func versions(_ model: ArchitectureModel) -> [String: String] {
            var result = (model.frameworks ?? [:]).mapValues { String($0.prefix { $0 != " " }) }
            for dependency in model.dependencies ?? [] { result[dependency.name] = dependency.version.map { String($0.prefix { $0 != " " }) } }
            return result
        }
        #expect(versions(xml) == versions(json))
        #expect(versions(xml).count == 63)
        #expect(versions(xml)["fastapi"] == "0.115.8" && versions(xml)["starlette"] == "0.45.3" && versions(xml)["uvicorn"] == "0.34.0")
        #expect(json.frameworks?["starlette"]?.hasSuffix(".json:\(json.frameworks!["starlette"]!.split(separator: ":").last!)") == true)
        #expect(xml.build?.sbom == true)
    }

    // MARK: TM7

    @Test func tm7ElementsFlowsBoundariesAndThreatStates() throws {
        let model = try Self.imported("tm7/autocert-threat-model.tm7").model.base
        #expect(model.clients?.map(\.name) == ["ADO Pipelines"])
        #expect(model.externalServices?.count == 5)
        #expect(model.dataFlows?.count == 6 && model.dataFlows?.allSatisfy { $0.protocol == "https" && $0.tls == true } == true)
        #expect(model.trustBoundaries?.map(\.name) == ["CA k8s namespace"])
        let threats = model.recordedThreats ?? []
        #expect(threats.count == 16)
        #expect(threats.filter { $0.state == .mitigated }.count == 12 && threats.filter { $0.state == .notApplicable }.count == 4)
        #expect(threats.contains { $0.title == "pod Process Memory Tampered" && $0.justification == "inter process call, no direct memory access" })
    }

    @Test func tm7StencilsAreClassifiedByGenericType() throws {
        // The Cosmos DB stencil is GE.DS with a SE.P… TypeId: a data store.
        let model = try Self.imported("tm7/tm-file-parser-sample1.tm7").model.base
        let stores = Set(model.dataStores?.compactMap(\.name) ?? [])
        #expect(stores == ["Azure Cosmos DB", "Azure Key Vault"])
        #expect(model.externalServices == nil)
    }

    // MARK: draw.io

    @Test func compressedDrawIOPagesAreInflatedAndReadAsADFD() throws {
        let model = try Self.imported("drawio/threat-modelling.compressed.drawio").model.base
        let stores = Set(model.dataStores?.compactMap(\.name) ?? [])
        #expect(stores.isSuperset(of: ["Orders", "Inventory", "Audit Log", "Users", "Payments"]))
        #expect(model.clients?.compactMap(\.name).contains("User") == true)
        #expect(model.dataFlows?.contains { $0.tls == true && $0.protocol == "https" } == true)
        #expect(model.trustBoundaries?.contains { $0.name == "Internet" } == true)
    }

    @Test func aCompressedPageThatInflatesTooFarIsRefused() throws {
        let bomb = RawInflateTests.rawDeflate([UInt8](repeating: UInt8(ascii: "a"), count: 40 << 20))
        let text = #"<mxfile><diagram name="Bomb">\#(Data(bomb).base64EncodedString())</diagram></mxfile>"#
        let outcome = withoutHanging { Result { () throws(DiagnosticList) in try ModelImport.draft(Array(text.utf8), file: "bomb.drawio") } }
        guard case .failure(let error) = outcome else {
            Issue.record("imported")
            return
        }
        #expect(error.description.contains("inflates to more than"))
    }

    // MARK: Kubernetes and Helm

    static let manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          template:
            spec:
              automountServiceAccountToken: false
              securityContext: {runAsNonRoot: true}
              containers:
                - name: api
                  image: registry.example.com/api:1.4
                  securityContext: {readOnlyRootFilesystem: true, privileged: false}
                  resources: {limits: {cpu: 500m, memory: 256Mi}}
                  env:
                    - name: DATABASE_PASSWORD
                      valueFrom: {secretKeyRef: {name: db, key: password}}
                    - name: JWT_SECRET
                      value: changeme
                    - name: LOG_LEVEL
                      value: info
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api}
        spec: {podSelector: {}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: api
          annotations:
            nginx.ingress.kubernetes.io/proxy-body-size: 8m
            nginx.ingress.kubernetes.io/limit-rps: "10"
        spec:
          tls: [{hosts: [api.example.com], secretName: tls}]
        """

    @Test func kubernetesManifestsFillTheDeploymentSection() throws {
        let result = try Self.imported(Array(Self.manifests.utf8), file: "k8s.yaml")
        let deployment = try #require(result.model.base.deployment)
        #expect(deployment.platform == "kubernetes")
        #expect(deployment.kubernetes?.networkPolicies == true && deployment.kubernetes?.automountServiceAccountToken == false)
        #expect(deployment.container?.runsAsRoot == false && deployment.container?.readOnlyRootFilesystem == true && deployment.container?.resourceLimits == true)
        #expect(deployment.ingress?.tls == true && deployment.ingress?.rateLimiting == true && deployment.ingress?.requestSizeLimit == 8 << 20)
        #expect(deployment.secrets == .literal)
        let secrets = result.model.base.secrets ?? []
        #expect(secrets.map(\.name) == ["DATABASE_PASSWORD", "JWT_SECRET"])
        #expect(secrets.map(\.sources) == [[.platformSecret], [.literal]])
        #expect(result.yaml.contains("source: k8s.yaml:10"))
    }

    @Test func helmValuesFillTheDeploymentSection() throws {
        let values = """
            replicaCount: 1
            image: {repository: example/api, tag: "2.0"}
            podSecurityContext: {runAsUser: 0}
            securityContext: {privileged: true}
            resources: {}
            networkPolicy: {enabled: false}
            ingress:
              enabled: true
              tls: []
            """
        let deployment = try #require(try Self.imported(Array(values.utf8), file: "values.yaml").model.base.deployment)
        #expect(deployment.container?.runsAsRoot == true && deployment.container?.resourceLimits == false)
        #expect(deployment.containers?.first?.privileged == true && deployment.containers?.first?.image == "example/api:2.0")
        #expect(deployment.kubernetes?.networkPolicies == false && deployment.ingress?.tls == false)
    }
}

/// Field names are judged by their last word, and only credentials count.
struct SensitiveFieldNameTests {
    @Test(arguments: ["password", "hashed_password", "hashedPassword", "client_secret", "api_key", "apiKey", "X-API-Key", "card_number", "private_key"])
    func credentials(_ name: String) { #expect(SensitiveFieldName.isSensitive(name)) }

    @Test(arguments: ["author", "token_type", "password_changed_at", "email", "access_token", "key", "secretary_name", "id"])
    func notCredentials(_ name: String) { #expect(!SensitiveFieldName.isSensitive(name)) }
}
