import ArgumentParser
import Foundation
import ThreatscribeCore

/// `threatscribe import FILE --output MODEL`: drafts a model from an artifact the project already has.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Draft a model from an OpenAPI document, a CycloneDX SBOM, Kubernetes manifests or Helm values, a Threat Modeling Tool .tm7 or a draw.io diagram.",
        discussion: """
            The kind of artifact is recognised by its content. Nothing is fetched from the network; XML is read \
            without DTDs or entities. The model is written all or nothing; exits 2 on bad input (nothing written).
            """
    )

    @Argument(help: "The artifact to import.")
    var file: String

    @Option(name: .shortAndLong, help: "The model file to write (YAML).")
    var output: String

    func run() throws {
        let bytes = try exitingOnBadInput { () throws(DiagnosticList) in try InputFiles.bytes(at: file) }
        let draft = try exitingOnBadInput { () throws(DiagnosticList) in try ModelImport.draft(bytes, file: file) }
        let target = URL(fileURLWithPath: output)
        let name = target.lastPathComponent
        guard !name.isEmpty, name != ".", name != ".." else {
            printError("--output must name a file")
            throw ExitCode(2)
        }
        try exitingOnBadInput { () throws(DiagnosticList) in
            try OutputWriter.write([RenderedFile(name: name, contents: draft.yaml(from: file))], to: target.deletingLastPathComponent().path)
        }
        var lines = ["\(output): drafted from \(file) (\(draft.kind))"]
        lines += draft.found.map { "  found: \($0)" }
        lines += draft.questions.map { "  to state: \($0)" }
        print(TerminalText.escapedLines(lines.joined(separator: "\n")))
    }
}
