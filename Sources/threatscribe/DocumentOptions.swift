import ArgumentParser
import Foundation
import ThreatscribeCore

/// The options every `threatscribe report …` document shares: the model, where to write, which
/// environments, the date, template overrides and formats.
struct DocumentOptions: ParsableArguments {
    @Argument(help: "The model file (YAML or JSON).")
    var model: String

    @Option(name: .shortAndLong, help: "Directory to write the document into.")
    var output: String

    @Option(name: .customLong("env"), help: "Cover only this environment (repeatable; default: every environment).")
    var environments: [String] = []

    @Option(help: "The document date (YYYY-MM-DD); defaults to SOURCE_DATE_EPOCH, else today (UTC).")
    var date: String?

    @Option(help: "A directory whose templates replace the built-in ones of the same name (documents/<kind>.md.mustache, …).")
    var templates: String?

    @Option(help: "Comma-separated formats: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String = "markdown,html"

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    /// The formats asked for, in order, without repeats.
    func parsedFormats() throws -> [DocumentFormat] {
        var formats: [DocumentFormat] = []
        for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
            let aliases = ["md": "markdown", "htm": "html"]
            guard let parsed = DocumentFormat(rawValue: aliases[name] ?? name) else {
                throw ValidationError("unknown format `\(name)`; use \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !formats.contains(parsed) { formats.append(parsed) }
        }
        guard !formats.isEmpty else { throw ValidationError("--format names no format") }
        return formats
    }

    /// The model loaded and analysed against the built-in catalog, dated; bad input exits 2.
    func analysedModel() throws -> AnalysisReport {
        let generatedAt = try ReportDate.resolvedForRun(option: date)
        return try exitingOnBadInput { () throws(DiagnosticList) in
            let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
            let loaded = try ModelLoader.load(text: try InputFiles.text(at: model), file: model)
            let options = ThreatAnalysis.Options(environments: environments, generatedAt: generatedAt, toolVersion: ToolVersion.current)
            return try ThreatAnalysis(catalog: catalog).run(on: loaded, options: options)
        }
    }

    /// Renders `view` as `kind` and writes the files all or nothing (`OutputWriter`). A template error
    /// from `--templates` names the file, line and column and exits 2; nothing is written.
    func write(_ view: DocumentView, as kind: DocumentKind) throws {
        let formats = try parsedFormats()
        let overrides = try exitingOnBadInput { () throws(DiagnosticList) in try InputFiles.templateOverrides(in: templates) }
        let files: [RenderedFile]
        do {
            files = try DocumentRenderer(kind: kind).render(view, formats: formats, templates: ResourceStore.builtIn.overlaid(with: overrides))
        } catch {
            // The built-in templates always render; a failure is a bug unless the user's templates are in play.
            guard templates != nil else { throw error }
            printError("\(error)")
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
        try exitingOnBadInput { () throws(DiagnosticList) in try OutputWriter.write(files, to: output) }
        if !quiet {
            for file in files { print("wrote \(TerminalText.escaped((output as NSString).appendingPathComponent(file.name)))") }
        }
    }
}
