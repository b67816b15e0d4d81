/// One threat that applies to the modelled system, with the evidence that shows it.
///
/// Copies share one storage until one of them changes (copy on write): findings are copied into groups,
/// sorted lists and views, and a copy of the thirty fields retained each of them.
public struct Finding: Codable, Sendable, Equatable {
    /// The fields, as `Codable` reads and writes them.
    private struct Fields: Codable, Sendable, Equatable {
        var id: String
        var threatID: String
        var title: String
        var severity: Severity
        var likelihood: RiskLevel
        var impact: RiskLevel
        var likelihoodScore: Double
        var impactScore: Double
        var confidence: Confidence
        var stride: [STRIDE]
        var cwe: CWEReference
        var owaspAPI2023: [String]
        var owasp2021: [String]
        var owasp2025: [String]
        var asvs5: [String]
        var asvs4: [String]
        var nist80053: [String]
        var environments: [String]
        var subjectPath: ModelPath
        var subjectName: String
        var component: String
        var description: String
        var impactText: String
        var recommendation: String
        var validation: String
        var evidence: [Evidence]
        var references: [String]
        var falsePositives: String?
        var controls: [String] = []
        var tracking: FindingTracking? = nil
    }

    /// The fields, shared by copies until one of them changes. Only a storage no other finding shares is
    /// written (`unique`), so accesses are not checked for exclusivity at run time.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// The storage, copied first when another finding shares it.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            return storage
        }
    }

    /// Stable id: `THREAT-ID@model.path`, with `#environment` appended when it holds only in some environments.
    public var id: String {
        _read { yield storage.fields.id }
        _modify { yield &unique.fields.id }
    }
    public var threatID: String {
        _read { yield storage.fields.threatID }
        _modify { yield &unique.fields.threatID }
    }
    public var title: String {
        _read { yield storage.fields.title }
        _modify { yield &unique.fields.title }
    }
    public var severity: Severity {
        _read { yield storage.fields.severity }
        _modify { yield &unique.fields.severity }
    }
    public var likelihood: RiskLevel {
        _read { yield storage.fields.likelihood }
        _modify { yield &unique.fields.likelihood }
    }
    public var impact: RiskLevel {
        _read { yield storage.fields.impact }
        _modify { yield &unique.fields.impact }
    }
    /// Average of the likelihood and impact factors (0–9), kept for transparency.
    public var likelihoodScore: Double {
        _read { yield storage.fields.likelihoodScore }
        _modify { yield &unique.fields.likelihoodScore }
    }
    public var impactScore: Double {
        _read { yield storage.fields.impactScore }
        _modify { yield &unique.fields.impactScore }
    }
    public var confidence: Confidence {
        _read { yield storage.fields.confidence }
        _modify { yield &unique.fields.confidence }
    }
    public var stride: [STRIDE] {
        _read { yield storage.fields.stride }
        _modify { yield &unique.fields.stride }
    }
    public var cwe: CWEReference {
        _read { yield storage.fields.cwe }
        _modify { yield &unique.fields.cwe }
    }
    public var owaspAPI2023: [String] {
        _read { yield storage.fields.owaspAPI2023 }
        _modify { yield &unique.fields.owaspAPI2023 }
    }
    public var owasp2021: [String] {
        _read { yield storage.fields.owasp2021 }
        _modify { yield &unique.fields.owasp2021 }
    }
    public var owasp2025: [String] {
        _read { yield storage.fields.owasp2025 }
        _modify { yield &unique.fields.owasp2025 }
    }
    public var asvs5: [String] {
        _read { yield storage.fields.asvs5 }
        _modify { yield &unique.fields.asvs5 }
    }
    public var asvs4: [String] {
        _read { yield storage.fields.asvs4 }
        _modify { yield &unique.fields.asvs4 }
    }
    public var nist80053: [String] {
        _read { yield storage.fields.nist80053 }
        _modify { yield &unique.fields.nist80053 }
    }
    /// Environments in which the finding holds, in model order.
    public var environments: [String] {
        _read { yield storage.fields.environments }
        _modify { yield &unique.fields.environments }
    }
    /// The model element the finding is about (`middleware[0]`, `routers[1].endpoints[0]`).
    public var subjectPath: ModelPath {
        _read { yield storage.fields.subjectPath }
        _modify { yield &unique.fields.subjectPath }
    }
    /// A short name for the element, e.g. `CORSMiddleware` or `POST /bookings`.
    public var subjectName: String {
        _read { yield storage.fields.subjectName }
        _modify { yield &unique.fields.subjectName }
    }
    /// The component heading the report files it under (e.g. "CORS", "Routing and authorization").
    public var component: String {
        _read { yield storage.fields.component }
        _modify { yield &unique.fields.component }
    }
    /// Markdown, with this system's facts filled in.
    public var description: String {
        _read { yield storage.fields.description }
        _modify { yield &unique.fields.description }
    }
    public var impactText: String {
        _read { yield storage.fields.impactText }
        _modify { yield &unique.fields.impactText }
    }
    public var recommendation: String {
        _read { yield storage.fields.recommendation }
        _modify { yield &unique.fields.recommendation }
    }
    public var validation: String {
        _read { yield storage.fields.validation }
        _modify { yield &unique.fields.validation }
    }
    public var evidence: [Evidence] {
        _read { yield storage.fields.evidence }
        _modify { yield &unique.fields.evidence }
    }
    public var references: [String] {
        _read { yield storage.fields.references }
        _modify { yield &unique.fields.references }
    }
    public var falsePositives: String? {
        _read { yield storage.fields.falsePositives }
        _modify { yield &unique.fields.falsePositives }
    }
    /// Kinds of claimed control this finding contradicts (`rate_limiting`, `tls`, …).
    public var controls: [String] {
        _read { yield storage.fields.controls }
        _modify { yield &unique.fields.controls }
    }
    /// The team's decision about this finding, when a tracking file names it.
    public var tracking: FindingTracking? {
        _read { yield storage.fields.tracking }
        _modify { yield &unique.fields.tracking }
    }

    init(
        id: String,
        threatID: String,
        title: String,
        severity: Severity,
        likelihood: RiskLevel,
        impact: RiskLevel,
        likelihoodScore: Double,
        impactScore: Double,
        confidence: Confidence,
        stride: [STRIDE],
        cwe: CWEReference,
        owaspAPI2023: [String],
        owasp2021: [String],
        owasp2025: [String],
        asvs5: [String],
        asvs4: [String],
        nist80053: [String],
        environments: [String],
        subjectPath: ModelPath,
        subjectName: String,
        component: String,
        description: String,
        impactText: String,
        recommendation: String,
        validation: String,
        evidence: [Evidence],
        references: [String],
        falsePositives: String?,
        controls: [String] = [],
        tracking: FindingTracking? = nil
    ) {
        storage = Storage(Fields(id: id, threatID: threatID, title: title, severity: severity, likelihood: likelihood, impact: impact, likelihoodScore: likelihoodScore, impactScore: impactScore, confidence: confidence, stride: stride, cwe: cwe, owaspAPI2023: owaspAPI2023, owasp2021: owasp2021, owasp2025: owasp2025, asvs5: asvs5, asvs4: asvs4, nist80053: nist80053, environments: environments, subjectPath: subjectPath, subjectName: subjectName, component: component, description: description, impactText: impactText, recommendation: recommendation, validation: validation, evidence: evidence, references: references, falsePositives: falsePositives, controls: controls, tracking: tracking))
    }

    public init(from decoder: any Decoder) throws {
        storage = Storage(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try storage.fields.encode(to: encoder)
    }

    public static func == (left: Finding, right: Finding) -> Bool {
        left.storage === right.storage || left.storage.fields == right.storage.fields
    }
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
