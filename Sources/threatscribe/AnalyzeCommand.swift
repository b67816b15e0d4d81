import ArgumentParser
import Foundation
import ThreatscribeCore

/// `threatscribe analyze MODEL --output DIR --format markdown,html`
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Map a model against the threat catalog and write the threat-model report.")

    @Argument(help: "The model file (YAML or JSON); several files, directories or quoted globs write one report directory per model plus an index.")
    var models: [String]

    @Option(name: .shortAndLong, help: "Directory to write the report files into.")
    var output: String

    @Option(help: "Comma-separated formats: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String = "markdown,html"

    @Option(name: .customLong("env"), help: "Report only this environment (repeatable; default: every environment).")
    var environments: [String] = []

    @Option(name: .customLong("fail-on"), help: "Exit with code 1 when a finding is at or above this severity (note, low, medium, high, critical).")
    var failOn: String?

    @Option(help: "A risk-tracking file: decisions (accepted, mitigated, …) keyed by finding id, `*` wildcards allowed.")
    var tracking: String?

    @Option(help: "A saved threat-model.json: report only findings whose id it does not list.")
    var baseline: String?

    @Flag(help: "Let --fail-on count accepted, mitigated and false-positive findings too.")
    var strict = false

    @Option(name: .customLong("catalog"), help: "A directory of extra catalog entries or overrides (repeatable).")
    var catalogDirectories: [String] = []

    @Option(help: "A directory whose templates replace the built-in ones of the same name.")
    var templates: String?

    @Option(help: "The report date (YYYY-MM-DD); defaults to SOURCE_DATE_EPOCH, else today (UTC).")
    var date: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard !models.isEmpty else { throw ValidationError("Missing expected argument '<models> ...'") }
    }

    func run() throws {
        let formats = try parsedFormats()
        let threshold = try parsedThreshold()
        // Independent stages overlap on a second core: the catalog loads there, then the built-in
        // templates parse, while one model loads here and is analysed. Each result is the same as when
        // worked out in turn, and problems are reported in the same order (a model's problems are
        // values, reported after all else). The model stays on this thread, so the memory its
        // loading frees is reused by the analysis (another thread's allocations come from another
        // arena). Timed runs load the model after the catalog, so that each stage is timed alone.
        let parseTemplates: (@Sendable () -> Void)? = templates == nil ? { @Sendable in prepareBuiltInTemplates(for: formats) } : nil
        let inputs = try exitingOnBadInput { () throws(DiagnosticList) in try ModelInputs.expand(models) }
        if inputs.isBatch, baseline != nil { throw ValidationError("--baseline takes one model; give one model file") }
        let timings = StageTimings(enabled: ProcessInfo.processInfo.environment["THREATSCRIBE_TIMINGS"] == "1")
        let userCatalog = try exitingOnBadInput { () throws(DiagnosticList) in try InputFiles.catalogFiles(in: catalogDirectories) }
        // Without user files the catalog (and the built-in templates) started loading before the command
        // line was parsed (`HeadStart`).
        let catalogLoad = userCatalog.isEmpty ? HeadStart.builtInCatalog : HeadStart.catalogLoading(userFiles: userCatalog, then: parseTemplates)
        var preloaded = inputs.isBatch || timings.isEnabled ? nil : inputs.inputs.first.map { Self.loaded($0.path) }
        let catalog = try exitingOnBadInput { () throws(DiagnosticList) in try catalogLoad.take().get() }
        timings.record("catalog")
        let templateFiles = try exitingOnBadInput { () throws(DiagnosticList) in try InputFiles.templateOverrides(in: templates) }
        let options = ThreatAnalysis.Options(environments: environments, generatedAt: try ReportDate.resolvedForRun(option: date), toolVersion: ToolVersion.current)
        let trackingFile = try tracking.map { path in
            try exitingOnBadInput { () throws(DiagnosticList) in try RiskTracking.load(text: InputFiles.text(at: path), file: path) }
        }
        let baselineIDs = try baseline.map { path in
            try exitingOnBadInput { () throws(DiagnosticList) -> Set<String> in
                let data = Data(try InputFiles.text(at: path).utf8)
                return Set(try FindingsDocument.read(data, file: path).findings.map(\.id))
            }
        }
        // Every model is loaded and analysed (concurrently, one model per core) before anything is written;
        // all their problems are reported together, in the order of the models.
        let analysis = ThreatAnalysis(catalog: catalog)
        let timesLoad = timings.isEnabled && !inputs.isBatch
        let analysed = { @Sendable (loaded: Result<LoadedModel, DiagnosticList>) -> Result<AnalysisReport, DiagnosticList> in
            do throws(DiagnosticList) {
                let model = try loaded.get()
                if timesLoad { timings.record("load") }
                return .success(try analysis.run(on: model, options: options))
            } catch {
                return .failure(error)
            }
        }
        let outcomes: [Result<AnalysisReport, DiagnosticList>]
        if let model = preloaded.take() {
            outcomes = [analysed(model)]
        } else {
            outcomes = inputs.inputs.map(\.path).concurrentMap { path in analysed(Self.loaded(path)) }
        }
        timings.record("analyze")
        KeptUntilExit.keep(outcomes)
        var reports: [AnalysisReport] = []
        var problems: [Diagnostic] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let report): reports.append(report)
            case .failure(let error): problems += error.diagnostics
            }
        }
        if !problems.isEmpty {
            report(DiagnosticList(problems))
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
        if let trackingFile {
            // An entry is reported unused only when it matches no finding of any model.
            var unused: [Diagnostic]?
            for index in reports.indices {
                let tracked = reports[index].tracked(by: trackingFile, today: options.generatedAt)
                reports[index] = tracked.report
                unused = unused.map { $0.filter(tracked.warnings.contains) } ?? tracked.warnings
            }
            if let unused, !unused.isEmpty { report(DiagnosticList(unused)) }
        }
        if let baselineIDs { reports[0].findings.removeAll { baselineIDs.contains($0.id) } }
        var written: [String] = []
        catalogLoad.waitUntilFinished()
        let templateStore = ResourceStore.builtIn.overlaid(with: templateFiles)
        if inputs.isBatch {
            let directories = inputs.inputs.map { (output as NSString).appendingPathComponent($0.directory) }
            let staged = try stagedBatch(reports, into: directories, formats: formats, templates: templateStore)
            timings.record("render")
            let entries = zip(zip(inputs.inputs, reports), staged).map { pair, staged in
                BatchIndex.Entry(directory: pair.0.directory, report: pair.1, files: staged.names)
            }
            let index = try BatchIndex(generatedAt: options.generatedAt, models: entries).files()
            for (position, set) in staged.enumerated() {
                try exitingOnBadInput { () throws(DiagnosticList) in
                    do throws(DiagnosticList) { try OutputWriter.commit(set) } catch {
                        staged[(position + 1)...].forEach(OutputWriter.discard)
                        throw error
                    }
                }
            }
            try exitingOnBadInput { () throws(DiagnosticList) in try OutputWriter.write(index, to: output) }
        } else {
            let files: [RenderedFile]
            do {
                if timings.isEnabled {
                    files = try timings.renderedByStage(reports[0], formats: formats, templates: templateStore)
                } else {
                    files = try renderReport(reports[0], formats: formats, templates: templateStore)
                    timings.record("render")
                }
            } catch {
                throw renderFailure(error)
            }
            try exitingOnBadInput { () throws(DiagnosticList) in try OutputWriter.write(files, to: output) }
            written = files.map { (output as NSString).appendingPathComponent($0.name) }
        }
        timings.record("write")
        if !quiet {
            if inputs.isBatch {
                for (input, analysis) in zip(inputs.inputs, reports) {
                    let open = analysis.findingsCounted(strict: false).count
                    print("\(TerminalText.escaped(input.path)): \(analysis.findings.count) finding\(analysis.findings.count == 1 ? "" : "s") (\(open) open) → \(TerminalText.escaped((output as NSString).appendingPathComponent(input.directory)))")
                }
                print("wrote \(TerminalText.escaped((output as NSString).appendingPathComponent("index.md"))) and index.json")
            } else {
                print(TerminalSummary(report: reports[0], written: written,
                                      colored: isatty(STDOUT_FILENO) == 1).text)
            }
        }
        if let threshold, reports.contains(where: { $0.findingsCounted(strict: strict).contains { $0.severity >= threshold } }) {
            throw ExitCode(ExitStatus.findingsAtThreshold.rawValue)
        }
    }

    /// The model at `path`, read and loaded.
    private static func loaded(_ path: String) -> Result<LoadedModel, DiagnosticList> {
        do throws(DiagnosticList) {
            return .success(try ModelLoader.load(text: try InputFiles.text(at: path), file: path))
        } catch {
            return .failure(error)
        }
    }

    /// Renders every model of a batch (concurrently, order kept) and stages each report set on disk as
    /// soon as it is rendered, so the batch holds at most one rendered set per core. Nothing is moved
    /// into place here: on any failure every staged set and every directory made for them is removed.
    private func stagedBatch(_ reports: [AnalysisReport], into directories: [String], formats: [ReportFormat],
                             templates: ResourceStore) throws -> [OutputWriter.Staged] {
        let fresh = BatchDirectories.missing(leadingTo: directories, under: output)
        let outcomes = Array(reports.indices).concurrentMap { index -> Result<OutputWriter.Staged, any Error> in
            Result {
                let files = try renderReport(reports[index], formats: formats, templates: templates)
                return try OutputWriter.stage(files, to: directories[index])
            }
        }
        let staged = outcomes.compactMap { try? $0.get() }
        guard staged.count < outcomes.count else { return staged }
        staged.forEach(OutputWriter.discard)
        BatchDirectories.remove(fresh)
        for case .failure(let error) in outcomes {
            if let problems = error as? DiagnosticList {
                try exitingOnBadInput { () throws(DiagnosticList) in throw problems }
            }
            throw renderFailure(error)
        }
        return staged
    }

    /// A rendering failure: the built-in templates always render, so it is a bug unless the user's
    /// templates are in play, when it is bad input (printed, exit 2).
    private func renderFailure(_ error: any Error) -> any Error {
        guard templates != nil else { return error }
        printError("\(error)")
        return ExitCode(ExitStatus.invalidInput.rawValue)
    }

    private func parsedFormats() throws -> [ReportFormat] {
        try parsedFormatList(format)
    }

    private func parsedThreshold() throws -> Severity? {
        guard let failOn else { return nil }
        guard let severity = Severity(rawValue: failOn.lowercased()) else {
            throw ValidationError("unknown severity `\(failOn)`; use \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return severity
    }
}
