/// One output file of a renderer: a name relative to the output directory, and its text.
public struct RenderedFile: Sendable, Equatable {
    /// Relative file name, e.g. `threat-model.md`.
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// The report formats threatscribe can write.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    case markdown
    case html

    /// The renderer that writes this format.
    public var renderer: any ReportRenderer {
        switch self {
        case .markdown: MarkdownReportRenderer()
        case .html: HTMLReportRenderer()
        }
    }
}

/// Turns the view of one analysis into files. Pure: no file I/O, no clock.
///
/// Each format is one conforming type in its own file; templates see only the `ThreatModelView`.
public protocol ReportRenderer: Sendable {
    /// Renders `view` with the templates in `templates` (built-in, possibly overlaid by the user's).
    func render(_ view: ThreatModelView, templates: ResourceStore) throws -> [RenderedFile]
}

/// Renders `report` in each of `formats`, in the order given.
///
/// The view model is built once and shared by every renderer.
public func renderReport(
    _ report: AnalysisReport,
    formats: [ReportFormat],
    templates: ResourceStore = .builtIn
) throws -> [RenderedFile] {
    let view = ThreatModelView(report: report, catalogEntryCount: report.catalogEntryCount)
    return try formats.flatMap { try $0.renderer.render(view, templates: templates) }
}
