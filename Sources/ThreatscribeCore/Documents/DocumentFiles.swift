/// Renders a document's view model with `Templates/documents/<template>.md.mustache` and
/// `….html.mustache` into `<name>.md` and `<name>.html`, with the report's escaping and clean-up.
enum DocumentFiles {
    static func render(_ view: Any, template: String, named name: String, templates: ResourceStore) throws -> [RenderedFile] {
        let markdown = try TemplateLibrary.parsed(templates, rendering: "documents/\(template).md")
            .render(view, template: "documents/\(template).md")
        let html = try TemplateLibrary.parsed(templates, rendering: "documents/\(template).html")
            .render(view, template: "documents/\(template).html")
        return [
            RenderedFile(name: name + ".md", contents: ReportText.tidy(markdown)),
            RenderedFile(name: name + ".html", contents: html.hasSuffix("\n") ? html : html + "\n"),
        ]
    }
}
