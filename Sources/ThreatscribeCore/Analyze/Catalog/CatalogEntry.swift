/// One threat of the catalog: its prose, its mappings to standards, its risk factors and the
/// condition under which it applies. Entries are data files (`Catalog/entries/*.yaml`).
public struct CatalogEntry: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    /// The fact scope whose subjects the entry is about.
    public var scope: String
    public var when: Condition
    /// The condition as written, for documentation.
    public var whenText: String
    /// Report section; defaults to the subject's component.
    public var component: String?
    public var stride: [STRIDE]
    public var cwe: String
    /// The CWE's exact name, from the reference data.
    public var cweName: String
    public var owaspAPI2023: [String]
    public var owasp2021: [String]
    public var owasp2025: [String]
    public var asvs5: [String]
    public var asvs4: [String]
    public var nist80053: [String]
    public var likelihood: RiskFactors
    public var impact: RiskFactors
    /// A fixed severity set by a user override; otherwise the matrix decides.
    public var severityOverride: Severity?
    public var confidence: Confidence
    /// How the attacker gets at the API; `network` findings are less likely where the API is internal or local only.
    public var reach: ThreatReach = .network
    /// Kinds of claimed control (`rate_limiting`, `tls`, …) that a finding of this entry contradicts.
    public var controls: [String]
    /// Fact fields cited as evidence; defaults to the entry-scope fields its condition names.
    public var evidenceFields: [String]
    public var description: String
    public var impactText: String
    public var detection: String
    public var falsePositives: String
    public var mitigation: String
    public var validation: String
    public var references: [String]
    public var samples: CatalogSamples
    /// Where the entry was read from.
    public var location: SourceLocation
}

/// OWASP Risk Rating factor scores (0–9) for likelihood or impact; their mean gives the level.
public struct RiskFactors: Sendable, Equatable, Codable {
    public var scores: [String: Int]

    public init(scores: [String: Int]) { self.scores = scores }

    public var average: Double {
        scores.isEmpty ? 0 : Double(scores.values.reduce(0, +)) / Double(scores.count)
    }

    public var level: RiskLevel { RiskLevel(score: average) }

    /// The methodology's likelihood factors (threat agent, then vulnerability).
    public static let likelihoodFactors = [
        "skill_level", "motive", "opportunity", "size",
        "ease_of_discovery", "ease_of_exploit", "awareness", "intrusion_detection",
    ]
    /// The methodology's technical impact factors.
    public static let impactFactors = [
        "confidentiality", "integrity", "availability", "accountability",
    ]
}

/// Model fragments that must, and must not, make the entry fire. One generic test runs them all.
public struct CatalogSamples: Sendable, Equatable, Codable {
    public var trigger: [CatalogSample]
    public var noTrigger: [CatalogSample]
}

public struct CatalogSample: Sendable, Equatable, Codable {
    /// A complete model file (YAML).
    public var model: String
    public var location: SourceLocation
}

/// A user's change to a built-in entry: a fixed severity, or disabling it.
public struct CatalogOverride: Sendable, Equatable, Codable {
    public var id: String
    public var severity: Severity?
    public var disabled: Bool
    public var location: SourceLocation
}
