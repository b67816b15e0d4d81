extension ComponentSections {
    /// Where environments set a component fact or a middleware's settings differently, the base model's
    /// value is replaced by each environment's (`development: …; production: …`), so the component
    /// sections never show one environment's value as if it held everywhere.
    mutating func showDifferences(across environments: [(name: String, sections: ComponentSections)]) {
        guard environments.count > 1 else { return }
        application = application.map { Self.merged($0, environments.map { ($0.name, $0.sections.application) }) }
        operations = operations.map { Self.merged($0, environments.map { ($0.name, $0.sections.operations) }) }
    }

    private static func merged(_ component: ComponentView, _ environments: [(String, [ComponentView])]) -> ComponentView {
        var component = component
        let counterparts = environments.map { name, views in (name, views.first { $0.name == component.name }) }
        component.facts = component.facts.map { fact in
            let values = counterparts.map { name, view -> (String, String) in
                (name, view?.facts.first { $0.label == fact.label }?.value ?? "not described in this environment")
            }
            guard let combined = combined(values) else { return fact }
            return FactView(label: fact.label, value: combined, isKnown: true, byEnvironment: grouped(values), hasByEnvironment: true)
        }
        component.pipeline = component.pipeline.map { step in
            let matches = counterparts.map { name, view in
                (name, view?.pipeline.first { $0.position == step.position && $0.name == step.name })
            }
            let values = matches.map { name, match in (name, match?.settings ?? "not registered in this environment") }
            guard let combined = combined(values) else { return step }
            var step = step
            step.settings = combined
            step.matrix = matrix(matches)
            return step
        }
        return component
    }

    /// `nil` when every environment has the same value; otherwise the values grouped by environment.
    private static func combined(_ values: [(String, String)]) -> String? {
        guard Set(values.map(\.1)).count > 1 else { return nil }
        return grouped(values).map { "\($0.environments): \($0.value)" }.joined(separator: "; ")
    }

    /// One row per setting any environment sets (in order of first appearance), one column per environment.
    private static func matrix(_ steps: [(String, PipelineStepView?)]) -> SettingsMatrixView {
        var names: [String] = []
        for (_, step) in steps {
            for argument in step?.arguments ?? [] where !names.contains(argument.name) { names.append(argument.name) }
        }
        let rows = names.map { name in
            let values = steps.map { _, step -> String in
                guard let step else { return "not registered" }
                return step.arguments.first { $0.name == name }?.value ?? "not set"
            }
            return SettingRowView(name: name, values: values, differs: Set(values).count > 1)
        }
        return SettingsMatrixView(environments: steps.map(\.0), rows: rows)
    }

    /// The values in order of first appearance, each with the environments that have it.
    private static func grouped(_ values: [(String, String)]) -> [EnvironmentValueView] {
        var groups: [(names: [String], value: String)] = []
        for (name, value) in values {
            if let index = groups.firstIndex(where: { $0.value == value }) { groups[index].names.append(name) }
            else { groups.append(([name], value)) }
        }
        return groups.map { EnvironmentValueView(environments: $0.names.joined(separator: ", "), value: $0.value) }
    }
}
