import ArgumentParser
import Foundation
import ThreatscribeCore

/// The options every `threatscribe report …` document shares (the model, where to write, which
/// environments, the date, extra catalog entries, template overrides and formats) and the steps they
/// share: load and analyse one model, render with the user's templates, write the files all or nothing.
struct DocumentOptions: ParsableArguments {
    @Argument(help: "The model file (YAML or JSON).")
    var model: String

    @Option(name: .shortAndLong, help: "Directory to write the document into.")
    var output: String

    @Option(name: .customLong("env"), help: "Cover only this environment (repeatable; default: every environment).")
    var environments: [String] = []

    @Option(help: "The document date (YYYY-MM-DD); defaults to SOURCE_DATE_EPOCH, else today (UTC).")
    var date: String?

    @Option(name: .customLong("catalog"), help: "A directory of extra catalog entries or overrides (repeatable).")
    var catalogDirectories: [String] = []

    @Option(help: "A directory whose templates replace the built-in ones of the same name (documents/<kind>.md.mustache, …).")
    var templates: String?

    @Option(help: "Comma-separated formats: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", ")) (a compliance matrix always comes with its CSV).")
    var format: String = "markdown,html"

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    /// The formats asked for, in order, without repeats.
    func parsedFormats() throws -> [DocumentFormat] {
        try parsedFormatList(format)
    }

    /// The catalog (built-in plus `--catalog`) and the analysis of the model, dated; bad input exits 2.
    func analyse() throws -> (catalog: ThreatCatalog, report: AnalysisReport) {
        let generatedAt = try ReportDate.resolvedForRun(option: date)
        let userCatalog = try exitingOnBadInput { () throws(DiagnosticList) in try InputFiles.catalogFiles(in: catalogDirectories) }
        let catalog = try exitingOnBadInput { () throws(DiagnosticList) in
            try BuiltInCatalog.load(userFiles: userCatalog, vocabulary: Analyzers.vocabulary)
        }
        let report = try exitingOnBadInput { () throws(DiagnosticList) in
            let loaded = try ModelLoader.load(text: try InputFiles.text(at: model), file: model)
            let options = ThreatAnalysis.Options(environments: environments, generatedAt: generatedAt, toolVersion: ToolVersion.current)
            return try ThreatAnalysis(catalog: catalog).run(on: loaded, options: options)
        }
        return (catalog, report)
    }

    /// The analysis alone.
    func analysedModel() throws -> AnalysisReport { try analyse().report }

    /// Renders with the built-in templates overlaid by `--templates`. A template error from the user's
    /// templates names the file, line and column and exits 2; nothing is written.
    func rendered(_ body: (ResourceStore) throws -> [RenderedFile]) throws -> [RenderedFile] {
        let overrides = try exitingOnBadInput { () throws(DiagnosticList) in try InputFiles.templateOverrides(in: templates) }
        do {
            return try body(ResourceStore.builtIn.overlaid(with: overrides))
        } catch {
            // The built-in templates always render; a failure is a bug unless the user's templates are in play.
            guard templates != nil else { throw error }
            printError("\(error)")
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
    }

    /// Renders `view` as `kind` in the asked formats and writes the files.
    func write(_ view: DocumentView, as kind: DocumentKind) throws {
        let formats = try parsedFormats()
        try write(try rendered { templates in try DocumentRenderer(kind: kind).render(view, formats: formats, templates: templates) })
    }

    /// Writes the files of the asked formats (and any CSV) atomically, and names them unless `--quiet`.
    func write(_ files: [RenderedFile]) throws {
        let extensions = Set(try parsedFormats().map(\.fileExtension))
        let kept = files.filter { file in
            let fileExtension = (file.name as NSString).pathExtension
            return extensions.contains(fileExtension) || !["md", "html"].contains(fileExtension)
        }
        try exitingOnBadInput { () throws(DiagnosticList) in try OutputWriter.write(kept, to: output) }
        guard !quiet else { return }
        for file in kept { print("wrote \(TerminalText.escaped((output as NSString).appendingPathComponent(file.name)))") }
    }
}
