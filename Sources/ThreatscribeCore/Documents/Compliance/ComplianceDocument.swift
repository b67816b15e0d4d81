/// Writes `compliance-<standard>.md`, `.html` and `.csv` for one analysis.
public struct ComplianceDocument: Sendable {
    public var standard: ComplianceStandard

    public init(standard: ComplianceStandard) { self.standard = standard }

    /// The base name of the files, e.g. `compliance-asvs-5.0`.
    public var fileName: String { "compliance-\(standard.rawValue)" }

    /// The matrix of `report` against the standard, from the catalog that produced the report.
    public func matrix(of report: AnalysisReport, catalog: ThreatCatalog, resources: ResourceStore = .builtIn) throws -> ComplianceMatrix {
        let reference = try StandardsReference.load(from: resources)
        return ComplianceMatrix(report: report, catalog: catalog, standard: standard, reference: reference,
                                chapterNames: StandardChapters.names(for: standard, in: resources))
    }

    /// Markdown, HTML and CSV. `templates` may overlay the built-in templates; the reference data is always built in.
    public func render(_ report: AnalysisReport, catalog: ThreatCatalog, templates: ResourceStore = .builtIn) throws -> [RenderedFile] {
        let matrix = try matrix(of: report, catalog: catalog)
        let view = ComplianceView(matrix: matrix, report: report, csvFile: fileName + ".csv")
        return try DocumentFiles.render(view, template: "compliance", named: fileName, templates: templates)
            + [RenderedFile(name: fileName + ".csv", contents: ComplianceCSV.text(of: matrix))]
    }
}
