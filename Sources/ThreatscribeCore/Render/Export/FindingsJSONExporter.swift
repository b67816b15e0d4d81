/// Writes `threat-model.json`, a `FindingsDocument`.
public struct FindingsJSONExporter: FindingsExporter {
    public init() {}

    public func export(_ report: AnalysisReport) throws -> RenderedFile {
        RenderedFile(name: "threat-model.json", contents: try ExportJSON.text(of: FindingsDocument(report: report)))
    }
}
