/// `threat-model.json`: the findings of one analysis in a documented, versioned form
/// (`docs/findings.schema.json`). `diff` and `--baseline` read it back.
///
/// Version 1: a reader must reject a document whose `formatVersion` major number it does not know;
/// minor versions only add optional fields.
public struct FindingsDocument: Codable, Sendable, Equatable {
    public static let currentFormatVersion = "1.0"

    public var formatVersion: String
    public var tool: Tool
    public var generatedAt: String
    public var model: Model
    /// Environments analysed, in model order.
    public var environments: [String]
    public var findings: [Item]

    public struct Tool: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
    }

    public struct Model: Codable, Sendable, Equatable {
        /// The model file as named on the command line.
        public var file: String
        public var system: String
    }

    /// One finding.
    public struct Item: Codable, Sendable, Equatable {
        /// Stable id: `THREAT-ID@model.path`, `#environment` appended when it holds only in some environments.
        public var id: String
        public var threatId: String
        public var title: String
        public var severity: Severity
        public var likelihood: RiskLevel
        public var likelihoodScore: Double
        public var impact: RiskLevel
        public var impactScore: Double
        public var confidence: Confidence
        /// STRIDE letters (`S`, `T`, `R`, `I`, `D`, `E`).
        public var stride: [STRIDE]
        public var cwe: CWEReference
        public var owasp: OWASP
        public var asvs: ASVS
        public var nist80053: [String]
        public var environments: [String]
        public var component: String
        public var subject: Subject
        public var evidence: [EvidenceItem]
        /// Markdown.
        public var description: String
        public var recommendation: String
        public var validation: String
        public var references: [String]
        public var tracking: Tracking
    }

    public struct OWASP: Codable, Sendable, Equatable {
        public var api2023: [String]
        public var top10_2021: [String]
        public var top10_2025: [String]
    }

    public struct ASVS: Codable, Sendable, Equatable {
        public var v5: [String]
        public var v4: [String]
    }

    public struct Subject: Codable, Sendable, Equatable {
        public var path: String
        public var name: String
    }

    public struct EvidenceItem: Codable, Sendable, Equatable {
        public var path: String
        public var value: String
        public var fact: String?
        public var modelLocation: SourceLocation?
        public var codeLocation: SourceLocation?
        public var detail: String?
    }

    /// What the team has decided about a finding (risk tracking), and the risk that remains.
    public struct Tracking: Codable, Sendable, Equatable {
        public var status: String
        /// The severity that remains after the decision: `none` when mitigated or a false positive.
        public var residualRisk: String
        public var justification: String?
        public var ticket: String?
        public var owner: String?
        public var date: String?
        public var expires: String?
        /// `true` when an acceptance has expired and the finding is open again.
        public var expired: Bool?
    }
}

extension FindingsDocument {
    /// The document of `report`.
    public init(report: AnalysisReport) {
        self.init(
            formatVersion: Self.currentFormatVersion,
            tool: Tool(name: "threatscribe", version: report.toolVersion),
            generatedAt: report.generatedAt,
            model: Model(file: report.model.file, system: report.model.base.system.name),
            environments: report.environments,
            findings: report.findings.map(Item.init))
    }
}

extension FindingsDocument.Item {
    init(_ finding: Finding) {
        self.init(
            id: finding.id, threatId: finding.threatID, title: finding.title, severity: finding.severity,
            likelihood: finding.likelihood, likelihoodScore: finding.likelihoodScore,
            impact: finding.impact, impactScore: finding.impactScore, confidence: finding.confidence,
            stride: finding.stride, cwe: finding.cwe,
            owasp: .init(api2023: finding.owaspAPI2023, top10_2021: finding.owasp2021, top10_2025: finding.owasp2025),
            asvs: .init(v5: finding.asvs5, v4: finding.asvs4), nist80053: finding.nist80053,
            environments: finding.environments, component: finding.component,
            subject: .init(path: finding.subjectPath.description, name: finding.subjectName),
            evidence: finding.evidence.map {
                .init(path: $0.path.description, value: $0.value, fact: $0.fact, modelLocation: $0.modelLocation,
                      codeLocation: $0.codeLocation, detail: $0.detail)
            },
            description: finding.description, recommendation: finding.recommendation, validation: finding.validation,
            references: finding.references,
            tracking: .init(finding))
    }
}

extension FindingsDocument.Tracking {
    init(_ finding: Finding) {
        guard let tracking = finding.tracking else {
            self.init(status: TrackingStatus.unchecked.rawValue, residualRisk: finding.severity.rawValue)
            return
        }
        self.init(status: tracking.status.rawValue, residualRisk: tracking.residualRisk(of: finding.severity)?.rawValue ?? "none",
                  justification: tracking.justification, ticket: tracking.ticket, owner: tracking.owner, date: tracking.date,
                  expires: tracking.expires, expired: tracking.expires == nil ? nil : tracking.isExpired)
    }
}
