import ArgumentParser
import ThreatscribeCore

/// `threatscribe validate MODEL`: checks a model file and prints every problem with its place.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a model file (YAML or JSON) and report every problem as file:line:col.",
        discussion: "Exits 0 when the model is valid, 2 when it is not or cannot be read."
    )

    @Argument(help: "The model file.")
    var model: String

    func run() throws {
        let text = try exitingOnBadInput { () throws(DiagnosticList) in try InputFiles.text(at: model) }
        let loaded = try exitingOnBadInput { () throws(DiagnosticList) in try ModelLoader.load(text: text, file: model) }
        print(TerminalText.escaped(loaded.validationSummary))
    }
}
