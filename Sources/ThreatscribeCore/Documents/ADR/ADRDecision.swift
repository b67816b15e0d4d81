/// The architecture decisions threatscribe can draft a record of, from a model.
public enum ADRDecision: String, CaseIterable, Sendable {
    case corsPolicy = "cors-policy"
    case openapiExposure = "openapi-exposure"
    case securityHeaders = "security-headers"
    case rateLimiting = "rate-limiting"

    /// The subject of the record's title.
    var subject: String {
        switch self {
        case .corsPolicy: "Cross-origin (CORS) policy"
        case .openapiExposure: "Exposure of the OpenAPI document and the docs UIs"
        case .securityHeaders: "Security response headers"
        case .rateLimiting: "Rate limiting"
        }
    }

    /// Claimed-control kinds (`controls[].kind`) the decision answers for.
    var controlKinds: Set<String> {
        switch self {
        case .corsPolicy: ["cors", "csrf"]
        case .openapiExposure: ["documentation"]
        case .securityHeaders: ["security_headers", "tls"]
        case .rateLimiting: ["rate_limiting", "account_lockout"]
        }
    }

    /// Catalog threats whose findings speak against (or for) the decision.
    func concerns(_ finding: Finding) -> Bool {
        switch self {
        case .corsPolicy:
            finding.threatID.hasPrefix("TS-CORS-") || ["TS-MW-001", "TS-AUTH-007", "TS-AUTH-012", "TS-SESS-006", "TS-WS-001", "TS-AUTH-009"].contains(finding.threatID)
        case .openapiExposure:
            finding.threatID.hasPrefix("TS-DOCS-") || finding.threatID == "TS-ROUTE-004"
        case .securityHeaders:
            finding.threatID.hasPrefix("TS-HDR-") || finding.threatID == "TS-MW-004"
        case .rateLimiting:
            ["TS-MW-007", "TS-MW-008", "TS-ROUTE-010", "TS-AUTH-011", "TS-AUTH-018", "TS-MW-002"].contains(finding.threatID)
        }
    }
}

/// The layout of the record: MADR 4.0.0 or Michael Nygard's original five sections.
public enum ADRStyle: String, CaseIterable, Sendable {
    case madr
    case nygard
}
