/// One setting of a control: its name, the framework's true default, its value in each environment
/// (`nil` when the model leaves it at the default) and what it does.
struct ControlOption {
    var name: String
    var defaultValue: String
    var value: (ResolvedEnvironment) -> String?
    var effect: DocumentText

    /// The option-by-option table: one column per environment.
    static func table(_ options: [ControlOption], environments: [ResolvedEnvironment]) -> DocumentBlock {
        let header: [DocumentText] = ["Setting", "Default"] + environments.map { "\(code: $0.name)" } + ["Effect"]
        let rows: [[DocumentText]] = options.map { option in
            ["\(code: option.name)", "\(code: option.defaultValue)"]
                + environments.map { env in option.value(env).map { "\(code: $0)" } ?? "\(option.defaultValue) (default)" }
                + [option.effect]
        }
        return .grid(DocumentTable(header: header, rows: rows))
    }
}
