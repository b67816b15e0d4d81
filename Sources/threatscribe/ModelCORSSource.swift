import ThreatscribeCore

/// The CORSMiddleware configuration and Starlette version of one environment of a model file.
struct ModelCORSSource {
    /// `nil` when the environment registers no CORSMiddleware.
    var configuration: CORSConfiguration?
    var starletteVersion: String?
    var environment: String

    static func load(path: String, environment name: String?) throws(DiagnosticList) -> ModelCORSSource {
        let model = try ModelLoader.load(text: try InputFiles.text(at: path), file: path)
        let names = model.environments.map(\.name)
        let environment: ResolvedEnvironment
        if let name {
            guard let found = model.environments.first(where: { $0.name == name }) else {
                let hint = Suggestion.closest(to: name, in: names).map { "; did you mean `\($0)`?" } ?? ""
                throw DiagnosticList([Diagnostic(.error, "no environment named `\(name)` in \(path) (it has \(names.joined(separator: ", ")))\(hint)", at: nil)])
            }
            environment = found
        } else if model.environments.count == 1 {
            environment = model.environments[0]
        } else if let production = model.environments.first(where: { $0.kind == .production }) {
            environment = production
        } else {
            throw DiagnosticList([Diagnostic(.error, "\(path) has several environments (\(names.joined(separator: ", "))): pick one with --env", at: nil)])
        }
        let configuration = environment.model.middleware?.first(where: { $0.type == .cors }).map(CORSConfiguration.init(middleware:))
        let version = environment.model.packageVersion("starlette")
        return ModelCORSSource(configuration: configuration, starletteVersion: version, environment: environment.name)
    }
}
