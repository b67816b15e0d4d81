/// The controls `report mitigation` analyses.
public enum MitigationControl: String, Sendable, CaseIterable {
    case cors
    case securityHeaders = "security-headers"
    case rateLimiting = "rate-limiting"
    case openapiExposure = "openapi-exposure"
    case errorHandling = "error-handling"
    case sessionCookies = "session-cookies"
    case trustedHost = "trusted-host"
    case authentication

    /// The `controls[].kind` of the model and the catalog's `controls:` that this control answers to.
    var controlKinds: [String] {
        switch self {
        case .cors: ["cors", "csrf"]
        case .securityHeaders: ["security_headers"]
        case .rateLimiting: ["rate_limiting", "account_lockout"]
        case .openapiExposure: ["documentation"]
        case .errorHandling: ["error_handling", "logging"]
        case .sessionCookies: ["session"]
        case .trustedHost: ["trusted_host"]
        case .authentication: ["authentication", "authorization"]
        }
    }

    /// Catalog id prefixes whose findings bear on the control.
    var threatPrefixes: [String] {
        switch self {
        case .cors: ["TS-CORS-"]
        case .securityHeaders: ["TS-HDR-"]
        case .rateLimiting: ["TS-MW-007", "TS-MW-008", "TS-ROUTE-010", "TS-AUTH-011", "TS-AUTH-018"]
        case .openapiExposure: ["TS-DOCS-"]
        case .errorHandling: ["TS-ERR-", "TS-VAL-001"]
        case .sessionCookies: ["TS-SESS-"]
        case .trustedHost: ["TS-EDGE-", "TS-MW-003"]
        case .authentication: ["TS-AUTH-", "TS-ROUTE-001", "TS-ROUTE-003"]
        }
    }
}

/// What one control's analysis contributes; `MitigationDocument` lays it out in seed 000's order.
struct MitigationContent {
    /// The control as the code names it, e.g. `CORSMiddleware`.
    var name: String
    var objective: DocumentText
    /// Where the behaviour described comes from (the CORS engine, the framework's defaults).
    var behaviourSource: DocumentText = "Behaviour from the framework's sources for the modelled release (Starlette and FastAPI defaults as threatscribe's verified framework facts record them), not from the framework's documentation."
    var scope: [DocumentText]
    /// The model shows no such control in any covered environment: the document says so.
    var absence: DocumentText?
    var strengths: [DocumentText] = []
    var weaknesses: [DocumentText] = []
    var options: [DocumentBlock] = []
    var current: [DocumentText] = []
    var gap: [DocumentText] = []
    var recommendations: [DocumentBlock] = []
    var testing: [DocumentBlock] = []
    var notProtected: [DocumentText] = []
    /// Evidence after the list of what the control does not protect (an exchange, say).
    var notProtectedDetail: [DocumentBlock] = []
    var impact: [DocumentText] = []
    var conclusion: [DocumentText] = []
}

/// `threatscribe report mitigation`: a deep analysis of one control as this service uses it.
public struct MitigationDocument: Sendable {
    public var view: DocumentView

    public init(control: MitigationControl, report: AnalysisReport) {
        let environments = report.model.environments.filter { report.environments.contains($0.name) }
        let content: MitigationContent = switch control {
        case .cors: CORSMitigation(environments: environments).content
        default: ControlMitigation(control: control, environments: environments).content
        }
        let findings = report.findings.filter { finding in
            control.threatPrefixes.contains { finding.threatID.hasPrefix($0) } || finding.controls.contains { control.controlKinds.contains($0) }
        }
        let claims = report.controlReviews.filter { review in control.controlKinds.contains(review.control) }
        view = DocumentView(
            fileStem: "mitigation-\(control.rawValue)",
            title: "Deep analysis: \(content.name) in \(report.model.base.system.name)",
            subtitle: "Mitigation analysis of \(code: content.name) as the model describes it, environment by environment.",
            generatedAt: report.generatedAt, toolVersion: report.toolVersion, modelFile: report.model.file,
            sections: Self.sections(content, findings: findings, claims: claims, environments: environments))
    }

    static func sections(_ c: MitigationContent, findings: [Finding], claims: [ControlReview], environments: [ResolvedEnvironment]) -> [DocumentSection] {
        var sections: [DocumentSection] = []
        sections.append(DocumentSection("1. Objective", anchor: "objective", blocks: [.paragraph(c.objective)]))
        var scope: [DocumentBlock] = [.bullets(c.scope)]
        if !environments.contains(where: { $0.kind == .production }) {
            scope.append(.paragraph("The model describes no production environment (no environment has \(code: "kind: production")), so nothing below speaks about production; the gap analysis compares each environment with what production would need."))
        }
        sections.append(DocumentSection("2. Scope", anchor: "scope", blocks: scope))
        sections.append(DocumentSection("3. Methodology", anchor: "methodology", blocks: [.bullets([
            "Configuration review: every argument as the model states it in each environment (environment overrides merged), unset arguments at the framework's default for the modelled release.",
            c.behaviourSource,
            "Threat mapping: findings of the threatscribe catalog that bear on this control, with their severity and environments.",
            "Claims: each control the model claims (\(code: "controls:")) is weighed against the findings.",
        ])]))
        if let absence = c.absence {
            sections.append(DocumentSection("4. Analysis", anchor: "analysis", blocks: [.paragraph(absence)]
                + Self.findingBlocks(findings) + Self.claimBlocks(claims)))
            sections.append(DocumentSection("5. Conclusion", anchor: "conclusion", blocks: c.conclusion.map { .paragraph($0) }))
            return sections
        }
        sections.append(DocumentSection("4. Deep analysis", anchor: "analysis", blocks: []))
        sections.append(DocumentSection("4.1 Strengths as this service uses it", anchor: "strengths", isSubsection: true,
                                        blocks: [.bullets(c.strengths)] + Self.claimBlocks(claims)))
        sections.append(DocumentSection("4.2 Weaknesses and misconfiguration risks", anchor: "weaknesses", isSubsection: true,
                                        blocks: (c.weaknesses.isEmpty ? [] : [.bullets(c.weaknesses)]) + Self.findingBlocks(findings)))
        sections.append(DocumentSection("4.3 Option by option", anchor: "options", isSubsection: true, blocks: c.options))
        // Findings that hold in a production-like environment are part of the gap, whatever the control's own checks say.
        let exposed = environments.filter { $0.kind?.isProductionLike == true }.map(\.name)
        var gap = c.gap
        var order: [String] = []
        var held: [String: (finding: Finding, environments: [String])] = [:]
        for f in findings where f.severity >= .medium {
            let names = f.environments.filter(exposed.contains)
            guard !names.isEmpty else { continue }
            let key = f.threatID + "\u{0}" + f.title
            if held[key] == nil { order.append(key); held[key] = (f, []) }
            for name in names where !held[key]!.environments.contains(name) { held[key]!.environments.append(name) }
        }
        for id in order {
            let (f, names) = held[id]!
            gap.append("\(code: f.threatID) (\(f.severity.rawValue)) holds in \(codes: exposed.filter(names.contains)): \(DocumentText(codeMarked: f.title)).")
        }
        sections.append(DocumentSection("4.4 Current implementation and the gap to production-ready", anchor: "gap", isSubsection: true,
                                        blocks: [.bullets(c.current), .paragraph("\(strong: "Gap:")")] + [.bullets(gap.isEmpty ? ["The model shows no gap for this control."] : gap)]))
        sections.append(DocumentSection("4.5 Recommendations", anchor: "recommendations", isSubsection: true, blocks: c.recommendations))
        sections.append(DocumentSection("4.6 Testing and validation", anchor: "testing", isSubsection: true, blocks: c.testing))
        sections.append(DocumentSection("4.7 What this control does not protect", anchor: "limits", isSubsection: true, blocks: [.bullets(c.notProtected)] + c.notProtectedDetail))
        sections.append(DocumentSection("4.8 Impact", anchor: "impact", isSubsection: true, blocks: [.bullets(c.impact)]))
        sections.append(DocumentSection("5. Conclusion", anchor: "conclusion", blocks: c.conclusion.map { .paragraph($0) }))
        return sections
    }

    static func findingBlocks(_ findings: [Finding]) -> [DocumentBlock] {
        guard !findings.isEmpty else {
            return [.paragraph("No finding of the threatscribe catalog bears on this control for this model.")]
        }
        // One row per threat and title, naming every environment it holds in.
        var order: [String] = []
        var grouped: [String: (finding: Finding, environments: [String])] = [:]
        for f in findings {
            let key = f.threatID + "\u{0}" + f.title
            if grouped[key] == nil { order.append(key); grouped[key] = (f, []) }
            for env in f.environments where !(grouped[key]!.environments.contains(env)) { grouped[key]!.environments.append(env) }
        }
        let rows: [[DocumentText]] = order.map { key in
            let (f, environments) = grouped[key]!
            return ["\(code: f.threatID)", DocumentText(f.severity.rawValue), DocumentText(codeMarked: f.title), "\(codes: environments)"]
        }
        return [.paragraph("Findings of the threat model (\(code: "threatscribe analyze")) that bear on this control:"),
                .grid(DocumentTable(header: ["Finding", "Severity", "What", "Environments"], rows: rows))]
    }

    static func claimBlocks(_ claims: [ControlReview]) -> [DocumentBlock] {
        guard !claims.isEmpty else { return [] }
        let rows: [[DocumentText]] = claims.map { review in
            [DocumentText(review.claim ?? review.control), DocumentText(review.verdict.rawValue), DocumentText(review.reason)]
        }
        return [.paragraph("What the model claims about this control, and how the analysis judges each claim:"),
                .grid(DocumentTable(header: ["Claim", "Verdict", "Why"], rows: rows))]
    }
}
