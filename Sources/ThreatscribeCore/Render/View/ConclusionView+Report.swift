extension ConclusionView {
    /// The conclusion the findings support: highest severity, what to fix first, where the risk is.
    init(report: AnalysisReport, environments: [String], notAssessedCount: Int) {
        let findings = report.findings
        let name = report.model.base.system.name
        let severities = Severity.allCases.reversed()
        let contradicted = report.controlReviews.filter { $0.verdict == .contradicted }.count
        let gaps = notAssessedCount == 0
            ? "Every part of the model was assessed."
            : "\(notAssessedCount) part(s) of the system are not assessed because the model does not describe them (each marked \"Not assessed\" in this report); the result says nothing about those."
        let controlsNote = contradicted == 0 ? "" : " \(contradicted) claimed control(s) are contradicted by the model."
        if let highest = findings.map(\.severity).max() {
            let count = findings.filter { $0.severity == highest }.count
            verdict = "\(name) has \(findings.count) finding(s); the highest severity is \(highest.label) (\(count) finding(s)).\(controlsNote) \(gaps)"
        } else {
            verdict = "No threat in the catalog applies to \(name) as modelled.\(controlsNote) \(gaps)"
        }
        topFindings = findings.prefix(5).map(FindingLinkView.init)
        hasTopFindings = !topFindings.isEmpty

        let tallies = environments.map { environment in
            (environment, severities.map { severity in
                findings.filter { $0.severity == severity && $0.environments.contains(environment) }.count
            })
        }
        // Highest severities first; model order breaks ties.
        let ranked = tallies.enumerated().sorted { left, right in
            left.element.1 == right.element.1 ? left.offset < right.offset : left.element.1.lexicographicallyPrecedes(right.element.1, by: >)
        }.map(\.element)
        let top = ranked.first?.1
        environmentRisks = ranked.map { environment, counts in
            let parts = zip(severities, counts).filter { $0.1 > 0 }.map { "\($0.1) \($0.0.rawValue)" }
            return EnvironmentRiskView(
                name: environment,
                breakdown: parts.isEmpty ? "no findings" : parts.joined(separator: ", "),
                isMostAtRisk: counts == top && counts.contains { $0 > 0 }
            )
        }
        hasEnvironmentRisks = !environmentRisks.isEmpty
    }
}
