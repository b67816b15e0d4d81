import Foundation
@testable import ThreatscribeCore

/// A hand-built analysis of a small booking API: two environments, three findings, three control reviews.
enum ReportFixture {
    static let modelJSON = #"""
    {
      "threatscribe": 1,
      "system": {
        "name": "Betzenstein Bookings",
        "purpose": "Booking of a shared holiday cabin for a family association",
        "owner": "Platform team",
        "trust_model": "10-20 trusted members log in; the API is public",
        "data_classification": "confidential",
        "exposure": "internet"
      },
      "frameworks": {"starlette": "0.47.3", "fastapi": "0.116.1", "pydantic": "2.11.7"},
      "app": {
        "framework": "fastapi", "title": "Bookings", "debug": false,
        "middleware_style": "add_middleware",
        "exception_handlers": [{"exception": "Exception", "exposes_details": true}]
      },
      "middleware": [
        {"type": "cors", "allow_origins": ["*"], "allow_credentials": true, "allow_methods": ["*"], "source": "app/main.py:21"},
        {"type": "gzip", "minimum_size": 500},
        {"type": "custom", "name": "AuthMiddleware", "purpose": "authentication", "returns_errors": true}
      ],
      "auth": [{"id": "jwt", "type": "oauth2_jwt", "transport": "header", "jwt": {"library": "pyjwt", "algorithms": ["HS256"]}, "secret_source": "environment"}],
      "routers": [
        {"prefix": "/api", "dependencies": ["jwt"], "endpoints": [
          {"path": "/bookings/{id}", "methods": ["GET"], "checks_object_ownership": false},
          {"path": "/health", "methods": ["GET"], "auth": "none"}
        ]}
      ],
      "clients": [{"id": "spa", "name": "Booking SPA", "origin": "https://betzenstein.app"}],
      "data_stores": [{"id": "db", "name": "Bookings DB", "type": "postgresql", "tls": false}],
      "external_services": [{"id": "mail", "name": "Mail relay", "protocol": "smtp", "tls": true}],
      "data_flows": [
        {"from": "spa", "to": "api", "protocol": "HTTPS", "tls": true, "data": ["credentials", "bookings"]},
        {"from": "api", "to": "db", "protocol": "postgres", "tls": false, "data": ["bookings"]},
        {"from": "api", "to": "mail", "protocol": "smtp"}
      ],
      "trust_boundaries": [{"id": "internet", "name": "Internet", "contains": ["spa"]}, {"id": "cluster", "name": "Cluster", "contains": ["api", "db"]}],
      "server": {"kind": "uvicorn", "version": "0.35.0", "host": "0.0.0.0", "port": 8000, "proxy_headers": true, "forwarded_allow_ips": "*"},
      "deployment": {"platform": "paas", "provider": "fly.io", "public_url": "https://api.betzenstein.app", "secrets": "platform_secret"},
      "build": {"dependency_pinning": true, "lock_file": "uv.lock", "code_review": "optional"},
      "controls": [{"name": "JWT authentication", "kind": "authentication"}, {"name": "CORS allow-list", "kind": "cors"}, {"name": "Audit log"}],
      "environments": [{"name": "development", "kind": "development", "base_url": "http://localhost:8000"}, {"name": "production", "kind": "production", "base_url": "https://api.betzenstein.app"}]
    }
    """#

    /// The built-in templates with a fixed two-entry catalog, so expected files do not change when the catalog grows.
    static let templates = ResourceStore(
        files: ResourceStore.builtIn.files.filter { $0.key.hasPrefix("Templates/") }
            .merging(["Catalog/entries/cors/a.yaml": "", "Catalog/entries/openapi/b.yaml": ""]) { _, new in new }
    )

    static func model(_ json: String = modelJSON) -> ArchitectureModel {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try! decoder.decode(ArchitectureModel.self, from: Data(json.utf8))
    }

    static func report(model base: ArchitectureModel = model(), text: (String) -> String = { $0 }) -> AnalysisReport {
        let file = "betzenstein.threatscribe.yaml"
        let environments = (base.environments ?? []).map {
            ResolvedEnvironment(name: $0.name, kind: $0.kind, baseURL: $0.baseUrl, model: base, locations: ModelLocations())
        }
        let loaded = LoadedModel(file: file, base: base, baseLocations: ModelLocations(), environments: environments)
        let names = environments.map(\.name)
        return AnalysisReport(
            model: loaded,
            environments: names,
            findings: findings(file: file, environments: names, text: text),
            controlReviews: [
                ControlReview(control: text("JWT authentication"), claim: text("All booking endpoints require a valid JWT"), verdict: .supported,
                              reason: text("No finding in Routing and authorization contradicts it."), relatedFindings: []),
                ControlReview(control: text("CORS allow-list"), claim: nil, verdict: .contradicted,
                              reason: text("`allow_origins` is `[\"*\"]` with credentials."), relatedFindings: ["TS-CORS-001@middleware[0]"]),
                ControlReview(control: text("Audit log"), claim: text("Every booking change is logged"), verdict: .unverifiable,
                              reason: text("The model gives no kind to check this claim against."), relatedFindings: []),
            ],
            notAssessed: ["the clients that call the API", text("logging")],
            generatedAt: "2026-01-15",
            toolVersion: "0.1.0",
            catalogEntryCount: 2
        )
    }

    static func findings(file: String, environments: [String], text: (String) -> String) -> [Finding] {
        [
            Finding(
                id: "TS-CORS-001@middleware[0]", threatID: "TS-CORS-001", title: text("Any origin may read credentialed responses"),
                severity: .critical, likelihood: .high, impact: .high, likelihoodScore: 7.25, impactScore: 7,
                confidence: .clearCut, stride: [.informationDisclosure, .spoofing],
                cwe: CWEReference(id: "CWE-942", name: "Permissive Cross-domain Security Policy with Untrusted Domains"),
                owaspAPI2023: ["API8:2023 Security Misconfiguration"], owasp2021: ["A05:2021"], owasp2025: ["A02:2025"],
                asvs5: ["3.4.2"], asvs4: ["14.5.3"], nist80053: ["AC-4", "SC-7"], environments: environments,
                subjectPath: "middleware[0]", subjectName: "CORSMiddleware", component: Component.cors,
                description: text("`CORSMiddleware` reflects any `Origin` because `allow_origins` is `[\"*\"]` and `allow_credentials=True`.\n\nStarlette then echoes the origin instead of `*`."),
                impactText: text("A page on **any** site can read `/api/bookings/{id}` with the member's cookies."),
                recommendation: text("List the origins:\n\n```python\napp.add_middleware(CORSMiddleware, allow_origins=[\"https://betzenstein.app\"], allow_credentials=True)\n```"),
                validation: text("Send `Origin: https://evil.example` and check that no `Access-Control-Allow-Origin` comes back."),
                evidence: [
                    Evidence(path: "middleware[0].allow_origins", modelLocation: SourceLocation(file: file, line: 23, column: 22),
                             codeLocation: SourceLocation(file: "app/main.py", line: 21, column: 1), value: text("[\"*\"]"),
                             detail: text("GET /api/bookings/1 HTTP/1.1\nOrigin: https://evil.example\n\nHTTP/1.1 200 OK\nAccess-Control-Allow-Origin: https://evil.example\nAccess-Control-Allow-Credentials: true")),
                    Evidence(path: "middleware[0].allow_credentials", modelLocation: SourceLocation(file: file, line: 24, column: 24),
                             codeLocation: nil, value: "true"),
                ],
                references: ["https://cwe.mitre.org/data/definitions/942.html", text("Starlette CORSMiddleware documentation")],
                falsePositives: nil
            ),
            Finding(
                id: "TS-DOCS-001@app.docs_url#production", threatID: "TS-DOCS-001", title: text("Interactive API docs are public in production"),
                severity: .medium, likelihood: .high, impact: .low, likelihoodScore: 6.5, impactScore: 2.75,
                confidence: .judgment, stride: [.informationDisclosure],
                cwe: CWEReference(id: "CWE-200", name: "Exposure of Sensitive Information to an Unauthorized Actor"),
                owaspAPI2023: ["API9:2023 Improper Inventory Management"], owasp2021: ["A05:2021"], owasp2025: [],
                asvs5: ["13.4.5"], asvs4: [], nist80053: ["CM-7"], environments: ["production"],
                subjectPath: "app.docs_url", subjectName: "/docs", component: Component.openAPI,
                description: text("`docs_url` is not set, so FastAPI serves Swagger UI at `/docs` and the schema at `/openapi.json`."),
                impactText: text("Attackers get the full list of 2 endpoints, including `/api/bookings/{id}`."),
                recommendation: text("Set `docs_url=None, redoc_url=None, openapi_url=None` in production."),
                validation: text("`curl -i https://api.betzenstein.app/docs` returns 404."),
                evidence: [Evidence(path: "app.docs_url", modelLocation: nil, codeLocation: nil, value: text("(not set: default \"/docs\")"))],
                references: [],
                falsePositives: text("The API is documented publicly on purpose.")
            ),
            Finding(
                id: "TS-TLS-002@data_flows[1]", threatID: "TS-TLS-002", title: text("Database traffic is not encrypted"),
                severity: .low, likelihood: .low, impact: .medium, likelihoodScore: 2.5, impactScore: 5,
                confidence: .clearCut, stride: [.informationDisclosure, .tampering],
                cwe: CWEReference(id: "CWE-319", name: "Cleartext Transmission of Sensitive Information"),
                owaspAPI2023: [], owasp2021: ["A02:2021"], owasp2025: ["A04:2025"], asvs5: ["12.3.1"], asvs4: ["9.2.2"], nist80053: ["SC-8"],
                environments: environments, subjectPath: "data_flows[1]", subjectName: text("api → db"), component: Component.dataFlow,
                description: text("The flow from the API to **Bookings DB** uses `postgres` without TLS."),
                impactText: text("Anyone on the path reads bookings & credentials."),
                recommendation: text("Require `sslmode=verify-full`."),
                validation: text("Check `pg_stat_ssl` for the API's connections."),
                evidence: [Evidence(path: "data_flows[1].tls", modelLocation: SourceLocation(file: file, line: 51, column: 12), codeLocation: nil, value: "false")],
                references: ["https://www.postgresql.org/docs/current/libpq-ssl.html"],
                falsePositives: nil
            ),
        ]
    }
}
