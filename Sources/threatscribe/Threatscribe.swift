import ArgumentParser
import Foundation
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

    /// ArgumentParser's own `main()`, except that what it prints (usage errors that quote the
    /// command line, validation messages, help) passes `TerminalText` first.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let message = TerminalText.escapedLines(fullMessage(for: error))
            let code = exitCode(for: error)
            if !message.isEmpty {
                let stream = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                stream.write(Data((message + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
