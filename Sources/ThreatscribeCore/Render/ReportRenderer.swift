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
    case json
    case sarif
    case csv
    case gitlabSAST = "gitlab-sast"

    /// How a format is produced: a document from the templates, or a data file of the findings.
    public enum Output: Sendable {
        case document(any ReportRenderer)
        case findings(any FindingsExporter)
    }

    /// The renderer or exporter that writes this format.
    public var output: Output {
        switch self {
        case .markdown: .document(MarkdownReportRenderer())
        case .html: .document(HTMLReportRenderer())
        case .json: .findings(FindingsJSONExporter())
        case .sarif: .findings(SARIFExporter())
        case .csv: .findings(FindingsCSVExporter())
        case .gitlabSAST: .findings(GitLabSASTExporter())
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

/// A renderer that fills the templates with the view's fields, which several formats can share once
/// prepared (`PreparedView`).
protocol TemplateReportRenderer: ReportRenderer {
    func render(prepared view: PreparedView, templates: ResourceStore) throws -> [RenderedFile]
}

/// Writes the findings of one analysis as a data file for tools (SARIF, JSON, CSV). Pure.
public protocol FindingsExporter: Sendable {
    func export(_ report: AnalysisReport) throws -> RenderedFile
}

/// Renders `report` in each of `formats`, in the order given.
///
/// The view model is built once (only when a document format is asked for) and shared by every renderer,
/// its template fields prepared once for every template format; the formats are rendered concurrently.
/// The first error in `formats` order is thrown.
public func renderReport(
    _ report: AnalysisReport,
    formats: [ReportFormat],
    templates: ResourceStore = .builtIn
) throws -> [RenderedFile] {
    let needsView = formats.contains { if case .document = $0.output { true } else { false } }
    let view = needsView ? ThreatModelView(report: report, catalogEntryCount: report.catalogEntryCount) : nil
    let templateFormats = formats.filter { if case .document(let renderer) = $0.output { renderer is any TemplateReportRenderer } else { false } }
    // The HTML report's prose, converted to HTML ahead: from the back on a second core while the view's
    // template fields are prepared; then the HTML renderer starts with it from the front while the other
    // formats render, and each of those joins in from the back when it is done (or a second core alone,
    // for HTML alone), so the longest branch does not convert it all.
    let prose = formats.contains(.html) ? view.map { ProseHTMLPrefetch($0.proseMarkdown) } : nil
    let prepared: PreparedView?
    if templateFormats.count > 1, let view {
        prepared = prose.map { prose in prose.convertFromBack { PreparedView(view) } } ?? PreparedView(view)
    } else {
        prepared = nil
    }
    var work = formats.map(Optional.some)
    if prose != nil, formats.count == 1 { work.append(nil) }
    let rendered = work.concurrentMap { format in
        Result { () throws -> [RenderedFile] in
            guard let format else {
                prose?.convertFromBack()
                return []
            }
            if format == .html { prose?.convertFromFront() }
            defer { if format != .html { prose?.convertFromBack() } }
            if let prepared, case .document(let renderer as any TemplateReportRenderer) = format.output {
                return try renderer.render(prepared: prepared, templates: templates)
            }
            return try render(report, view: view, as: format, templates: templates)
        }
    }
    return try rendered.flatMap { try $0.get() }
}

/// The files of one format: from the templates over `view`, or exported from the findings of `report`.
public func render(_ report: AnalysisReport, view: ThreatModelView?, as format: ReportFormat,
                   templates: ResourceStore) throws -> [RenderedFile] {
    switch format.output {
    case .document(let renderer):
        try renderer.render(view ?? ThreatModelView(report: report, catalogEntryCount: report.catalogEntryCount), templates: templates)
    case .findings(let exporter):
        [try exporter.export(report)]
    }
}

/// Parses the built-in templates that `formats` render with, ahead of rendering (say on another core
/// while the model loads): `renderReport` then finds them parsed (with the view structs' layouts worked
/// out and, for HTML, the catalog's prose HTML indexed). Does nothing for formats without
/// templates; a template that does not parse is left for rendering to report.
public func prepareBuiltInTemplates(for formats: [ReportFormat]) {
    if formats.contains(.markdown) || formats.contains(.html) { TemplateValueBuilder.prepare() }
    for format in formats {
        switch format {
        case .markdown: _ = try? TemplateLibrary.parsed(.builtIn, rendering: "threat-model.md")
        case .html:
            _ = try? TemplateLibrary.parsed(.builtIn, rendering: "threat-model.html")
            _ = ProseHTMLTemplates.builtIn
        case .json, .sarif, .csv, .gitlabSAST: break
        }
    }
}
