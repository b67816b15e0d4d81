/// Writes `threat-model.html`: one self-contained, well-formed XHTML5 file (inline CSS, no
/// scripts, no external requests) from `Templates/threat-model.html.mustache`.
///
/// Mustache HTML-escapes every `{{x}}`; prose goes through `ProseHTML` (`{{{html(x)}}}`), which
/// escapes any markup before Markdown conversion.
public struct HTMLReportRenderer: TemplateReportRenderer {
    public init() {}

    public func render(_ view: ThreatModelView, templates: ResourceStore) throws -> [RenderedFile] {
        try render(prepared: PreparedView(view), templates: templates)
    }

    func render(prepared view: PreparedView, templates: ResourceStore) throws -> [RenderedFile] {
        let text = try TemplateLibrary.parsed(templates, rendering: "threat-model.html").render(prepared: view, template: "threat-model.html")
        return [RenderedFile(name: "threat-model.html", contents: text.hasSuffix("\n") ? text : text + "\n")]
    }
}
