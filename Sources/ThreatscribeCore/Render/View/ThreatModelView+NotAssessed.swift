extension ThreatModelView {
    /// Every distinct part the report says the model leaves out: each part the analysis could not assess
    /// (the questions for the team), each aspect a component's "Not in the model" line names, and each
    /// fact value that is a "Not assessed" sentence (also one only some environments leave out). The
    /// summary counts these, so it never says less than the report shows.
    func notAssessedParts(_ report: AnalysisReport) -> [String] {
        var parts: [String] = report.notAssessed.map(NotAssessed.sentence)
        for component in components + operations.parts {
            parts += component.facts.filter { !$0.isKnown }.map { "\(component.name): \($0.label)" }
            parts += component.facts.filter(\.isKnown).map(\.value).filter { $0.hasPrefix("Not assessed") }
            parts += component.facts.flatMap(\.byEnvironment).map(\.value).filter { $0.hasPrefix("Not assessed") }
        }
        var seen = Set<String>()
        return parts.filter { seen.insert($0).inserted }
    }
}
