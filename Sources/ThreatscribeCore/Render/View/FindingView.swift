/// One finding, with every mapping and all of its evidence.
public struct FindingView: Sendable, Equatable {
    public var id: String
    public var anchor: String
    public var threatID: String
    public var title: String
    public var severity: String
    public var severityClass: String
    /// `HIGH (7.0)`.
    public var likelihood: String
    public var impact: String
    /// "clear-cut: the model shows the weakness directly" or the judgment equivalent.
    public var confidence: String
    public var component: String
    public var subjectName: String
    public var subjectPath: Code
    /// Labelled mappings (STRIDE, CWE, OWASP, ASVS, NIST); an empty list reads "none".
    public var mappings: [FactView]
    public var environmentList: String
    /// One CSS class per environment (`Anchor.environment`), for the report's environment filter.
    public var environmentClasses: String
    public var evidence: [EvidenceView]
    public var description: Prose
    public var impactText: Prose
    public var recommendation: Prose
    public var validation: Prose
    public var falsePositives: Prose?
    public var references: [ReferenceView]
    public var hasReferences: Bool
}

/// One piece of evidence.
public struct EvidenceView: Sendable, Equatable {
    /// The analysis fact the value establishes (`wildcard_origin`), when there is one.
    public var fact: Code?
    public var path: Code
    public var value: Code
    /// `file:line:col` in the model file.
    public var modelLocation: Code?
    /// `file:line:col` in the service's code.
    public var codeLocation: Code?
    public var detail: Code?
}

/// A reference; `url` is set only for `http(s)` targets, which are the only ones made into links.
public struct ReferenceView: Sendable, Equatable {
    public var text: String
    public var url: String?
}
