extension ThreatModelView {
    /// Every distinct "Not assessed" statement the report shows: the scope's list, each fact the model
    /// does not give, the missing flows, boundaries and diagram, and the sections the templates mark
    /// (no framework versions, no components, no claimed controls). The conclusion counts these, so it
    /// never says that everything was assessed beside a "Not assessed" row.
    func notAssessedParts() -> [String] {
        var parts: [String] = scope.notAssessed
        let facts = overview.facts + (components + operations.parts).flatMap(\.facts)
        parts += facts.filter { !$0.isKnown }.map(\.value)
        // A fact that only some environments leave out.
        parts += facts.flatMap(\.byEnvironment).map(\.value).filter { $0.hasPrefix("Not assessed") }
        parts += [flows.flowsNotAssessed, flows.boundariesNotAssessed, diagram.notAssessed].compactMap { $0 }
        if !overview.hasFrameworks { parts.append(NotAssessed.sentence("the framework versions")) }
        if components.isEmpty { parts.append("Not assessed: the model describes none of the application's components.") }
        if !controls.hasReviews { parts.append(NotAssessed.sentence("the controls the team claims")) }
        var seen = Set<String>()
        return parts.filter { seen.insert($0).inserted }
    }
}
