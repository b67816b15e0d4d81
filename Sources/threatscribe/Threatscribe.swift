import ArgumentParser
import ThreatscribeCore

@main
struct Threatscribe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threatscribe",
        abstract: "Threat models, mitigation analyses and CI output for FastAPI/Starlette services.",
        subcommands: [
            // one subcommand a line
        ]
    )
}
