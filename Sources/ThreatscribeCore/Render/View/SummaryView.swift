/// Counts by severity and the table of all findings.
public struct SummaryView: Sendable, Equatable {
    /// One row per severity, Critical first, zero counts included.
    public var counts: [SeverityCountView]
    public var total: Int
    public var rows: [SummaryRowView]
}

public struct SeverityCountView: Sendable, Equatable {
    public var severity: String
    public var severityClass: String
    public var count: Int
}

/// One row of the findings table.
public struct SummaryRowView: Sendable, Equatable {
    public var id: String
    public var anchor: String
    public var title: String
    public var severity: String
    public var severityClass: String
    /// Environments joined with ", ".
    public var environmentList: String
    /// One CSS class per environment, for the environment filter.
    public var environmentClasses: String
}
