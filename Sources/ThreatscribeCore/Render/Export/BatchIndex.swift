/// The index of a batch run (`analyze` over several models): `index.md` and `index.json` in the
/// output directory, one row per model with its findings by severity and links to its reports.
public struct BatchIndex: Encodable, Sendable, Equatable {
    public var formatVersion = FindingsDocument.currentFormatVersion
    public var generatedAt: String
    public var models: [Entry]

    /// One analysed model.
    public struct Entry: Encodable, Sendable, Equatable {
        /// The report directory, relative to the output directory.
        public var directory: String
        public var modelFile: String
        public var system: String
        /// Finding counts by severity name; every severity is present.
        public var findings: [String: Int]
        /// Findings still open (not closed by a tracking file).
        public var openFindings: Int
        /// Files written for the model, relative to the output directory.
        public var files: [String]

        public init(directory: String, report: AnalysisReport, files: [String]) {
            self.directory = directory
            self.modelFile = report.model.file
            self.system = report.model.base.system.name
            self.findings = Dictionary(uniqueKeysWithValues: Severity.allCases.map { severity in
                (severity.rawValue, report.findings.filter { $0.severity == severity }.count)
            })
            self.openFindings = report.findingsCounted(strict: false).count
            self.files = files.map { directory + "/" + $0 }
        }
    }

    public init(generatedAt: String, models: [Entry]) {
        self.generatedAt = generatedAt
        self.models = models
    }

    /// `index.md` and `index.json`.
    public func files() throws -> [RenderedFile] {
        [RenderedFile(name: "index.md", contents: markdown), RenderedFile(name: "index.json", contents: try ExportJSON.text(of: self))]
    }

    var markdown: String {
        let severities = Severity.allCases.reversed()
        var lines = ["# Threat models", "", "\(models.count) models, generated \(MarkdownEscaping.inline(generatedAt)).", ""]
        lines.append("| System | Model | " + severities.map(\.label).joined(separator: " | ") + " | Open | Report |")
        lines.append("| --- | --- | " + severities.map { _ in "---:" }.joined(separator: " | ") + " | ---: | --- |")
        for model in models {
            let report = model.files.first { $0.hasSuffix(".md") } ?? model.files.first { $0.hasSuffix(".html") } ?? model.files.first
            let link = report.map { "[\(MarkdownEscaping.inline(model.directory))](\(Self.linkDestination($0)))" } ?? MarkdownEscaping.inline(model.directory)
            lines.append("| \(MarkdownEscaping.inline(model.system)) | \(MarkdownEscaping.codeSpan(model.modelFile, inTable: true)) | "
                         + severities.map { "\(model.findings[$0.rawValue] ?? 0)" }.joined(separator: " | ")
                         + " | \(model.openFindings) | \(link) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A relative link in angle brackets, with every byte outside unreserved characters and `/` percent-encoded.
    static func linkDestination(_ path: String) -> String {
        "<" + SARIFURI.reference(for: path.hasPrefix("/") ? String(path.dropFirst()) : path) + ">"
    }
}
