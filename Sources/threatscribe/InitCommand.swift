import ArgumentParser
import Foundation
import ThreatscribeCore

/// `threatscribe init PROJECT_DIR --output FILE`: drafts a model from a project's own files.
///
/// The Python source is read by the bundled extractor, run as `python3 -I -S -` with a timeout: it
/// parses files with `ast` and never imports, runs or installs the project's code.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Draft a model from a FastAPI/Starlette project's source, dependency files, Dockerfile, compose files and the artifacts it has (OpenAPI, Kubernetes/Helm, CycloneDX, .env).",
        discussion: """
            Needs python3 (3.11 or later reads pyproject.toml and lock files). Nothing in the project is imported or run. \
            Every inferred value carries a comment with the file and line it came from; values that could not be \
            resolved are listed and written as comments. Exits 2 when python3 is missing or the project cannot be read.
            """
    )

    @Argument(help: "The project's directory.")
    var project: String

    @Option(name: .shortAndLong, help: "The model file to write (YAML).")
    var output: String

    @Option(help: "The Python interpreter to run the extractor with (default: python3 on PATH).")
    var python: String?

    @Option(help: "Seconds the extractor may run before it is stopped.")
    var timeout: Int = 120

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: project, isDirectory: &isDirectory), isDirectory.boolValue else {
            printError("\(project) is not a directory")
            throw ExitCode(2)
        }
        guard let interpreter = python ?? Self.executable(named: "python3") else {
            printError("threatscribe init needs python3 to read Python source (it parses with Python's own ast module and runs nothing); install python3 or pass --python PATH")
            throw ExitCode(2)
        }
        let data = try ExtractorProcess.run(interpreter: interpreter, script: ProjectExtraction.extractorScript,
                                            arguments: [project], timeout: timeout)
        let extraction: ProjectExtraction
        do { extraction = try ProjectExtraction.decode(data) } catch {
            printError("the Python extractor's output could not be read: \(error)")
            throw ExitCode(3)
        }
        let compose = try Self.composeDrafts(Self.composeFiles(in: project))
        let overrides = try Self.composeDrafts(Self.composeFiles(in: project, names: Self.overrideNames))
        let artifacts = ProjectArtifactFiles.read(project: project)
        let draft = ArtifactMerge.merged(InitDraft(extraction: extraction, compose: compose, overrides: compose.isEmpty ? [] : overrides),
                                         files: artifacts.files, warnings: artifacts.warnings)
        let text = DraftYAMLWriter.yaml(of: draft.model, header: [
            "Drafted by `threatscribe init` from \(project). Nothing in the project was imported or run.",
            "Each inferred value's comment names the file:line it came from; `source:` keys cite the code.",
            "Review it: UNRESOLVED notes mark values the code computes at run time; state them before you trust a report.",
        ])
        do { _ = try ModelLoader.load(text: text, file: output) } catch {
            report(error)
            printError("the drafted model does not validate; this is a bug in threatscribe init (nothing was written)")
            throw ExitCode(3)
        }
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
            printError("cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        print(TerminalText.escaped("wrote \(output)"))
        for line in draft.summary { print(TerminalText.escaped(line)) }
    }

    static let baseNames = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"]
    static let overrideNames = ["compose.override.yaml", "compose.override.yml", "docker-compose.override.yaml", "docker-compose.override.yml"]

    /// Compose files at the project's top level, else in its first subdirectory that has some
    /// (`docker/docker-compose.yml`), as (path to read, path to cite).
    static func composeFiles(in directory: String, names: [String] = baseNames) -> [(path: String, name: String)] {
        let subdirectories = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "node_modules" }.sorted()
        for folder in [""] + subdirectories {
            let found = names.map { folder.isEmpty ? $0 : "\(folder)/\($0)" }
                .filter { FileManager.default.isReadableFile(atPath: (directory as NSString).appendingPathComponent($0)) }
            if !found.isEmpty { return found.map { ((directory as NSString).appendingPathComponent($0), $0) } }
        }
        return []
    }

    /// Reads and drafts compose files; a file that is not YAML is bad input (exit 2).
    static func composeDrafts(_ files: [(path: String, name: String)]) throws -> [(file: String, draft: ComposeDraft)] {
        try files.map { file in
            let text = try exitingOnBadInput { () throws(DiagnosticList) in try InputFiles.text(at: file.path) }
            // Errors name the file as the user can open it; the draft cites it relative to the project.
            _ = try exitingOnBadInput { () throws(DiagnosticList) in try LocatedNode.parse(text, file: file.path) }
            return (file.name, try exitingOnBadInput { () throws(DiagnosticList) in try ComposeDraft(text: text, file: file.name) })
        }
    }

    /// The first executable called `name` on `PATH`.
    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
