import ArgumentParser
import Foundation
import ThreatscribeCore

/// The options every `report` document takes, and the steps they share: load and analyse one model,
/// render with the user's templates, write the files all or nothing.
struct DocumentOptions: ParsableArguments {
    @Argument(help: "The model file (YAML or JSON).")
    var model: String

    @Option(name: .shortAndLong, help: "Directory to write the document files into.")
    var output: String

    @Option(help: "A directory whose templates replace the built-in ones of the same name (documents are under documents/).")
    var templates: String?

    @Option(name: .customLong("catalog"), help: "A directory of extra catalog entries or overrides (repeatable).")
    var catalogDirectories: [String] = []

    @Option(help: "The document date (YYYY-MM-DD); defaults to SOURCE_DATE_EPOCH, else today (UTC).")
    var date: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    /// The catalog and the analysis of the model; exits with code 2 on bad input.
    func analyse() throws -> (catalog: ThreatCatalog, report: AnalysisReport) {
        let userCatalog = try exitingOnBadInput { () throws(DiagnosticList) in try InputFiles.catalogFiles(in: catalogDirectories) }
        let catalog = try exitingOnBadInput { () throws(DiagnosticList) in
            try ThreatCatalog.load(builtIn: .builtIn, userFiles: userCatalog, vocabulary: Analyzers.vocabulary)
        }
        let options = ThreatAnalysis.Options(generatedAt: try ReportDate.resolvedForRun(option: date), toolVersion: ToolVersion.current)
        let report = try exitingOnBadInput { () throws(DiagnosticList) in
            let loaded = try ModelLoader.load(text: try InputFiles.text(at: model), file: model)
            return try ThreatAnalysis(catalog: catalog).run(on: loaded, options: options)
        }
        return (catalog, report)
    }

    /// Renders with the built-in templates overlaid by `--templates`; a template error exits with code 2
    /// when the user's templates are in play (the built-in ones always render).
    func rendered(_ body: (ResourceStore) throws -> [RenderedFile]) throws -> [RenderedFile] {
        let overrides = try exitingOnBadInput { () throws(DiagnosticList) in try InputFiles.templateOverrides(in: templates) }
        do {
            return try body(ResourceStore.builtIn.overlaid(with: overrides))
        } catch {
            guard templates != nil else { throw error }
            printError("\(error)")
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
    }

    /// Writes the files atomically and names them unless `--quiet`.
    func write(_ files: [RenderedFile]) throws {
        try exitingOnBadInput { () throws(DiagnosticList) in try OutputWriter.write(files, to: output) }
        guard !quiet else { return }
        for file in files { print("wrote \(TerminalText.escaped((output as NSString).appendingPathComponent(file.name)))") }
    }
}
