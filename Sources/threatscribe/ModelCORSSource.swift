import ThreatscribeCore

/// The CORSMiddleware configuration and Starlette version of one environment of a model file.
struct ModelCORSSource {
    var configuration: CORSConfiguration
    var starletteVersion: String?

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
        guard let cors = environment.model.middleware?.first(where: { $0.type == .cors }) else {
            throw DiagnosticList([Diagnostic(.error, "environment `\(environment.name)` of \(path) has no CORSMiddleware", at: nil)])
        }
        let configuration = CORSConfiguration(middleware: cors)
        let version = environment.model.frameworks?["starlette"]
            ?? environment.model.dependencies?.first { $0.name.lowercased() == "starlette" }?.version
        return ModelCORSSource(configuration: configuration, starletteVersion: version)
    }
}
