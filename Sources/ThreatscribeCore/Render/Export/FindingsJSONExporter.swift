/// Writes `threat-model.json`, a `FindingsDocument`.
public struct FindingsJSONExporter: FindingsExporter {
    public init() {}

    public func export(_ report: AnalysisReport) throws -> RenderedFile {
        var document = FindingsDocument(report: report)
        let findings = document.findings
        document.findings = []
        // A large model has tens of thousands of findings: they are encoded in chunks, on every core.
        return RenderedFile(name: "threat-model.json", contents: try ExportJSON.text(of: { [document] findings in
            var whole = document
            whole.findings = findings
            return whole
        }, elements: findings))
    }
}
