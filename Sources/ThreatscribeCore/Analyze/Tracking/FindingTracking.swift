/// A finding's tracked status: the decision that applies to it and whether it still holds.
public struct FindingTracking: Codable, Sendable, Equatable {
    public var status: TrackingStatus
    /// The tracking-file key that matched (a finding id or a wildcard pattern).
    public var matchedBy: String
    public var justification: String?
    public var ticket: String?
    public var owner: String?
    public var date: String?
    public var expires: String?
    /// The decision's `expires` day has come: the finding is open again.
    public var isExpired: Bool

    /// Whether the finding still needs work (and counts for `--fail-on`).
    public var isOpen: Bool { !status.isClosed || isExpired }

    /// The severity that remains: none when mitigated or a false positive (and not expired), else the finding's.
    public func residualRisk(of severity: Severity) -> Severity? {
        (status == .mitigated || status == .falsePositive) && !isExpired ? nil : severity
    }
}

extension AnalysisReport {
    /// The report with each finding's tracked status from `tracking` as of `today` (YYYY-MM-DD),
    /// and a warning, at its place, for every entry that matches no finding.
    public func tracked(by tracking: RiskTracking, today: String) -> (report: AnalysisReport, warnings: [Diagnostic]) {
        var report = self
        var used: Set<String> = []
        for index in report.findings.indices {
            guard let entry = tracking.entry(for: report.findings[index].id) else { continue }
            used.insert(entry.pattern)
            report.findings[index].tracking = FindingTracking(
                status: entry.status, matchedBy: entry.pattern, justification: entry.justification, ticket: entry.ticket,
                owner: entry.owner, date: entry.date, expires: entry.expires,
                isExpired: entry.expires.map { today >= $0 } ?? false)
        }
        // A wildcard shadowed by exact keys everywhere still "matches": count any entry that matches an id.
        let warnings = tracking.entries.filter { entry in
            !used.contains(entry.pattern) && !report.findings.contains { Wildcard.matches(entry.pattern, $0.id) }
        }.map { Diagnostic(.warning, "tracking entry `\($0.pattern)` matches no finding", at: $0.location) }
        return (report, warnings)
    }

    /// Findings that count for `--fail-on`: open ones, or all of them when `strict`.
    public func findingsCounted(strict: Bool) -> [Finding] {
        strict ? findings : findings.filter { $0.tracking?.isOpen ?? true }
    }
}
