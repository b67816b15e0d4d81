import ArgumentParser
import Foundation
import ThreatscribeCore

/// `threatscribe diff OLD NEW` or `threatscribe diff --git REV MODEL`: findings new, resolved and changed.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the findings of two versions of a model (for a pull-request comment).",
        discussion: "Exit codes: 0 no new finding at or above --fail-on; 1 a new one is; 2 bad input; 3 internal error.")

    @Argument(help: "OLD NEW: two model files; with --git, the one model file.")
    var models: [String]

    @Option(help: "Compare MODEL with its version at this git revision (e.g. origin/main).")
    var git: String?

    @Option(help: "markdown (a pull-request comment) or json.")
    var format: String = "markdown"

    @Option(name: .customLong("env"), help: "Compare only this environment (repeatable; default: every environment).")
    var environments: [String] = []

    @Option(name: .customLong("fail-on"), help: "Exit with code 1 when a NEW finding is at or above this severity.")
    var failOn: String?

    @Option(help: "A risk-tracking file applied to both sides (see analyze --tracking).")
    var tracking: String?

    @Flag(help: "Let --fail-on count new findings that are accepted, mitigated or false positives.")
    var strict = false

    @Option(name: .customLong("catalog"), help: "A directory of extra catalog entries or overrides (repeatable).")
    var catalogDirectories: [String] = []

    @Option(help: "The day tracking expiry is judged on (YYYY-MM-DD); defaults to SOURCE_DATE_EPOCH, else today (UTC).")
    var date: String?

    func validate() throws {
        guard models.count == (git == nil ? 2 : 1) else {
            throw ValidationError(git == nil ? "give two model files: OLD NEW" : "with --git, give one model file")
        }
        guard ["markdown", "md", "json"].contains(format.lowercased()) else { throw ValidationError("--format is markdown or json") }
        if let failOn, Severity(rawValue: failOn.lowercased()) == nil {
            throw ValidationError("unknown severity `\(failOn)`; use \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let newPath = models[models.count - 1]
        let (oldName, oldText): (String, String)
        if let git {
            oldName = "\(git):\(newPath)"
            oldText = try exitingOnBadInput { () throws(DiagnosticList) in try GitRevision.text(of: newPath, at: git) }
        } else {
            oldName = models[0]
            oldText = try exitingOnBadInput { () throws(DiagnosticList) in try InputFiles.text(at: models[0]) }
        }
        let newText = try exitingOnBadInput { () throws(DiagnosticList) in try InputFiles.text(at: newPath) }
        let userCatalog = try exitingOnBadInput { () throws(DiagnosticList) in try InputFiles.catalogFiles(in: catalogDirectories) }
        let catalog = try exitingOnBadInput { () throws(DiagnosticList) in
            try BuiltInCatalog.load(userFiles: userCatalog, vocabulary: Analyzers.vocabulary)
        }
        let trackingFile = try tracking.map { path in
            try exitingOnBadInput { () throws(DiagnosticList) in try RiskTracking.load(text: InputFiles.text(at: path), file: path) }
        }
        let today = try ReportDate.resolvedForRun(option: date)
        let options = ThreatAnalysis.Options(environments: environments, generatedAt: today, toolVersion: ToolVersion.current)
        func findings(_ text: String, _ file: String) throws -> [FindingsDocument.Item] {
            var report = try exitingOnBadInput { () throws(DiagnosticList) in
                try ThreatAnalysis(catalog: catalog).run(on: try ModelLoader.load(text: text, file: file), options: options)
            }
            if let trackingFile { report = report.tracked(by: trackingFile, today: today).report }
            return FindingsDocument(report: report).findings
        }
        let diff = FindingsDiff(old: try findings(oldText, oldName), new: try findings(newText, newPath))
        if format.lowercased() == "json" {
            print(try FindingsDiffRenderer.json(diff, old: oldName, new: newPath), terminator: "")
        } else {
            print(FindingsDiffRenderer.markdown(diff, old: oldName, new: newPath), terminator: "")
        }
        if let threshold = failOn.flatMap({ Severity(rawValue: $0.lowercased()) }),
           diff.newFindingsCounted(strict: strict).contains(where: { $0.severity >= threshold }) {
            throw ExitCode(ExitStatus.findingsAtThreshold.rawValue)
        }
    }
}

/// A model file's text at a git revision (`git show REV:./FILE`, run in the file's directory).
enum GitRevision {
    static func text(of path: String, at revision: String) throws(DiagnosticList) -> String {
        guard !revision.hasPrefix("-"), !revision.contains(":") else {
            throw DiagnosticList([Diagnostic(.error, "--git \(revision) is not a revision name", at: nil)])
        }
        let url = URL(fileURLWithPath: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", url.deletingLastPathComponent().path, "show", "\(revision):./\(url.lastPathComponent)"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw DiagnosticList([Diagnostic(.error, "cannot run git: \(error.localizedDescription)", at: nil)])
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = message.split(separator: "\n").first.map(String.init) ?? "git exited \(process.terminationStatus)"
            throw DiagnosticList([Diagnostic(.error, "cannot read \(path) at \(revision): \(reason)", at: nil)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticList([Diagnostic(.error, "\(path) at \(revision) is not UTF-8 text", at: nil)])
        }
        return text
    }
}
