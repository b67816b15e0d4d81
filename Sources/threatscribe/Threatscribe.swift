import ArgumentParser
import ThreatscribeCore

@main
struct Threatscribe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threatscribe",
        abstract: "Threat models, mitigation analyses and CI output for FastAPI/Starlette services.",
        version: ToolVersion.current,
        subcommands: [
            // one subcommand a line
            AnalyzeCommand.self,
            CatalogCommand.self,
            SchemaCommand.self,
            ValidateCommand.self,
            CORSCommand.self,
        ]
    )
}
