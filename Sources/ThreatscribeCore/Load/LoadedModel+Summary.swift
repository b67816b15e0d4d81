extension LoadedModel {
    /// `model.yaml: valid (2 environments: development, production)`, what `threatscribe validate` prints.
    public var validationSummary: String {
        let names = environments.map(\.name).joined(separator: ", ")
        let noun = environments.count == 1 ? "environment" : "environments"
        return "\(file): valid (\(environments.count) \(noun): \(names))"
    }
}
