/// One threat that applies to the modelled system, with the evidence that shows it.
public struct Finding: Codable, Sendable, Equatable {
    /// Stable id: `THREAT-ID@model.path`, with `#environment` appended when it holds only in some environments.
    public var id: String
    public var threatID: String
    public var title: String
    public var severity: Severity
    public var likelihood: RiskLevel
    public var impact: RiskLevel
    /// Average of the likelihood and impact factors (0–9), kept for transparency.
    public var likelihoodScore: Double
    public var impactScore: Double
    public var confidence: Confidence
    public var stride: [STRIDE]
    public var cwe: CWEReference
    public var owaspAPI2023: [String]
    public var owasp2021: [String]
    public var owasp2025: [String]
    public var asvs5: [String]
    public var asvs4: [String]
    public var nist80053: [String]
    /// Environments in which the finding holds, in model order.
    public var environments: [String]
    /// The model element the finding is about (`middleware[0]`, `routers[1].endpoints[0]`).
    public var subjectPath: ModelPath
    /// A short name for the element, e.g. `CORSMiddleware` or `POST /bookings`.
    public var subjectName: String
    /// The component heading the report files it under (e.g. "CORS", "Routing and authorization").
    public var component: String
    /// Markdown, with this system's facts filled in.
    public var description: String
    public var impactText: String
    public var recommendation: String
    public var validation: String
    public var evidence: [Evidence]
    public var references: [String]
    public var falsePositives: String?
    /// Kinds of claimed control this finding contradicts (`rate_limiting`, `tls`, …).
    public var controls: [String] = []
    /// The team's decision about this finding, when a tracking file names it.
    public var tracking: FindingTracking? = nil
}

/// What a finding rests on.
public struct Evidence: Codable, Sendable, Equatable {
    /// The model path of the value that triggered the finding.
    public var path: ModelPath
    /// Its place in the model file.
    public var modelLocation: SourceLocation?
    /// Its place in the service's code, when known.
    public var codeLocation: SourceLocation?
    /// The fact of the analysis this evidence supports (`wildcard_origin`), when it is one.
    public var fact: String?
    /// The value, rendered as the model writes it (`["*"]`, `true`, `(not set: default "/docs")`).
    public var value: String
    /// Extra lines (e.g. the request that demonstrates it and the response headers).
    public var detail: String?

    public init(path: ModelPath, modelLocation: SourceLocation?, codeLocation: SourceLocation?, fact: String? = nil,
                value: String, detail: String? = nil) {
        self.path = path
        self.fact = fact
        self.modelLocation = modelLocation
        self.codeLocation = codeLocation
        self.value = value
        self.detail = detail
    }
}

public enum Confidence: String, Codable, Sendable, CaseIterable {
    /// The model shows the weakness directly.
    case clearCut = "clear-cut"
    /// The model suggests it; a reviewer must confirm.
    case judgment
}

public enum STRIDE: String, Codable, Sendable, CaseIterable {
    case spoofing = "S", tampering = "T", repudiation = "R"
    case informationDisclosure = "I", denialOfService = "D", elevationOfPrivilege = "E"

    public var name: String {
        switch self {
        case .spoofing: "Spoofing"
        case .tampering: "Tampering"
        case .repudiation: "Repudiation"
        case .informationDisclosure: "Information disclosure"
        case .denialOfService: "Denial of service"
        case .elevationOfPrivilege: "Elevation of privilege"
        }
    }
}

public struct CWEReference: Codable, Sendable, Equatable {
    /// `CWE-942`.
    public var id: String
    /// The exact current CWE name.
    public var name: String
}

/// Everything one analysis produced: the input to every renderer.
public struct AnalysisReport: Sendable, Equatable {
    public var model: LoadedModel
    /// Environments analysed, in model order.
    public var environments: [String]
    /// Findings sorted by severity (highest first), then id.
    public var findings: [Finding]
    /// How each claimed control fares against the model.
    public var controlReviews: [ControlReview]
    /// Parts of the model the analysis could not assess because the model is silent about them.
    public var notAssessed: [String]
    /// Injected for reproducible output.
    public var generatedAt: String
    public var toolVersion: String
    /// How many catalog entries (built-in and the user's, after overrides) the analysis checked.
    public var catalogEntryCount: Int = 0
}

/// The review of one control the team claims.
public struct ControlReview: Codable, Sendable, Equatable {
    public enum Verdict: String, Codable, Sendable { case supported, contradicted, unverifiable }
    public var control: String
    public var claim: String?
    public var verdict: Verdict
    /// Why, citing the model.
    public var reason: String
    /// Finding ids that bear on it.
    public var relatedFindings: [String]
}
