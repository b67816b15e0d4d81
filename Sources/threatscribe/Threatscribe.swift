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
            DiffCommand.self,
            ReportCommand.self,
            InitCommand.self,
            ImportCommand.self,
        ]
    )

    /// Parses and runs a command with threatscribe's exit codes (`ExitStatus`): usage errors exit 2, as
    /// bad input does, and an error nothing expected exits 3 instead of ArgumentParser's 1. What it
    /// prints (usage errors that quote the command line, validation messages) passes `TerminalText` first.
    static func main() {
        HeadStart.start(for: CommandLine.arguments)
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            guard exitCode(for: error) != .success else { exit(withError: error) }
            FileHandle.standardError.write(Data((TerminalText.escapedLines(fullMessage(for: error)) + "\n").utf8))
            Foundation.exit(ExitStatus.invalidInput.rawValue)
        }
        do {
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if ExitStatus(unhandled: error) == .invalidInput {
                FileHandle.standardError.write(Data((TerminalText.escapedLines("error: \(error)") + "\n").utf8))
                Foundation.exit(ExitStatus.invalidInput.rawValue)
            }
            switch exitCode(for: error) {
            case .success:
                exit(withError: error)  // help or version, requested
            case .validationFailure:
                FileHandle.standardError.write(Data((TerminalText.escapedLines(type(of: command).fullMessage(for: error)) + "\n").utf8))
                Foundation.exit(ExitStatus.invalidInput.rawValue)
            default:
                // ArgumentParser gives 1 to any error it does not know; 1 means "findings" to CI.
                FileHandle.standardError.write(Data(TerminalText.escapedLines("""
                    internal error: \(error)
                    This is a bug in threatscribe \(ToolVersion.current); please report it with the command that caused it.

                    """).utf8))
                Foundation.exit(ExitStatus.internalError.rawValue)
            }
        }
    }
}
