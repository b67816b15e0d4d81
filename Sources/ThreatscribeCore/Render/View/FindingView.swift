/// One item of the report: a root cause, with every finding it merges (environments, endpoints).
public struct FindingView: Sendable, Equatable {
    /// `THREAT-ID@model.path`, without the environment.
    public var id: String
    public var idCode: Code
    /// The other elements' ids an item across endpoints merges (`TS-ROUTE-009@routers[1].endpoints[1]`), at most ten.
    public var mergedIDs: [Code]
    /// "and 990 more" when there are more than ten.
    public var moreMerged: String?
    public var anchor: String
    public var threatID: String
    /// Never names an environment; unique in the report.
    public var title: String
    /// The highest severity among the merged findings.
    public var severity: String
    public var severityClass: String
    /// `HIGH (7.0)`, of the representative finding.
    public var likelihood: String
    public var impact: String
    /// "clear-cut" or "judgment" (Appendix C says what each means).
    public var confidence: String
    public var component: String
    public var subjectName: String
    /// `subjectName` for the header line, `nil` when the title already names it.
    public var subjectNote: String?
    public var subjectPath: Code
    /// `file:line` in the service's code where the evidence was written, when the model says.
    public var codeLocations: [Code]
    public var environmentList: String
    /// One CSS class per environment (`Anchor.environment`), for the report's environment filter.
    public var environmentClasses: String
    /// The environment whose text and commands the item shows, when it merges several.
    public var shownFor: String?
    /// Per environment (or endpoint): only the values that differ; `nil` when nothing differs.
    public var variations: VariationTableView?
    /// The evidence that holds everywhere the item does (values that differ are in `variations`).
    public var evidence: [EvidenceView]
    public var hasEvidence: Bool
    public var description: Prose
    public var impactText: Prose
    public var recommendation: Prose
    public var validation: Prose
    public var falsePositives: Prose?
    /// "CWE-942 · API8:2023 · A05:2021 · v5.0.0-3.4.2 · NIST SC-7": the full mapping is in the appendix.
    public var standards: String
    /// The appendix row: likelihood and impact scores, STRIDE, OWASP 2025, ASVS 4.0.3 (what the standards
    /// line leaves out).
    public var mappings: [FactView]
    /// "Tracking" and "Residual risk" when every merged finding has the same decision.
    public var tracking: [FactView]
    public var references: [ReferenceView]
    public var hasReferences: Bool
}

/// The values of one item that differ between its environments or endpoints.
public struct VariationTableView: Sendable, Equatable {
    /// "Environment" or "Endpoint".
    public var label: String
    public var hasSeverity: Bool
    /// Evidence facts (`allow_origins`) whose values differ.
    public var columns: [Code]
    /// `| --- | --- |` for the Markdown table.
    public var separator: String
    public var rows: [VariationRowView]
    /// "975 more rows: …" when the table is cut.
    public var more: String?
}

public struct VariationRowView: Sendable, Equatable {
    /// The environments (or the endpoint and its environments) of the row.
    public var label: String
    public var id: Code
    /// Shown only when the table `hasSeverity` (a missing key would resolve to the item's severity in Mustache).
    public var rowSeverity: String
    public var cells: [VariationCellView]
}

public struct VariationCellView: Sendable, Equatable {
    public var value: Code
    /// The finding has no such value there.
    public var isMissing: Bool
}

/// The evidence written at one place in the model: one line per model path.
public struct EvidenceView: Sendable, Equatable {
    public var path: Code
    /// `line 37` in the model file, or `file:line:col` when the value comes from another file.
    public var modelLocation: String?
    /// `file:line:col` in the service's code.
    public var codeLocation: Code?
    /// Empty when the item's description states every value already.
    public var values: [EvidenceValueView]
    public var hasValues = false
    /// Extra lines (the request that demonstrates it and the response headers).
    public var details: [Code]
}

/// One value of an `EvidenceView`: the analysis fact (`wildcard_origin`) and the value as the model writes it.
public struct EvidenceValueView: Sendable, Equatable {
    public var fact: Code?
    public var value: Code
}

/// A reference; `url` is set only for `http(s)` targets, which are the only ones made into links.
public struct ReferenceView: Sendable, Equatable {
    public var text: String
    public var url: String?
}
