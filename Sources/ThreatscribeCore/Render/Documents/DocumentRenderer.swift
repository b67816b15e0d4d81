/// The document kinds `threatscribe report` writes besides the threat model. Each names its
/// templates, `Templates/documents/<kind>.md.mustache` and `.html.mustache`.
public enum DocumentKind: String, Sendable, CaseIterable {
    case mitigation
    case configDoc = "config-doc"
}

/// The formats a document comes in.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case markdown
    case html

    public var fileExtension: String { self == .markdown ? "md" : "html" }
}

/// Renders a `DocumentView` with the document templates. Pure: no file I/O, no clock.
///
/// Markdown templates declare `{{%CONTENT_TYPE: MARKDOWN}}`; HTML templates escape every `{{x}}` with
/// `HTMLEscaping` (`TemplateLibrary`). A template that does not parse is reported with its path, line
/// and column (`RenderError`).
public struct DocumentRenderer: Sendable {
    public var kind: DocumentKind

    public init(kind: DocumentKind) { self.kind = kind }

    /// One file per format, named `<fileStem>.md` / `.html`, in the order of `formats`.
    public func render(_ view: DocumentView, formats: [DocumentFormat], templates: ResourceStore = .builtIn) throws -> [RenderedFile] {
        return try formats.map { format in
            let name = "documents/\(kind.rawValue).\(format.fileExtension)"
            let text = try TemplateLibrary.parsed(templates, rendering: name).render(view, template: name)
            let contents = format == .markdown ? ReportText.tidy(text) : (text.hasSuffix("\n") ? text : text + "\n")
            return RenderedFile(name: "\(view.fileStem).\(format.fileExtension)", contents: contents)
        }
    }
}
