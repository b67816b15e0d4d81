import Foundation

/// Markdown prose (finding descriptions, recommendations, review reasons) as the analysis wrote it.
///
/// `{{{prose}}}` in a Markdown template inserts it as Markdown (raw HTML outside code neutralized,
/// since model values are filled into it); `{{{html(prose)}}}` in an HTML template
/// inserts it converted by `ProseHTML`, which escapes any markup the text carries.
public struct Prose: Sendable, Equatable, TemplateRenderable, TemplateTransformable {
    public var markdown: String

    public init(_ markdown: String) { self.markdown = markdown }

    /// The Markdown, with any raw HTML outside code turned into text (`<` becomes `\\<`).
    public var renderText: String { MarkdownEscaping.neutralizingHTML(in: markdown) }
    public var isNull: Bool { markdown.trimmingWhitespacesAndNewlines.isEmpty }

    public func transform(_ name: String) -> Any? {
        switch name {
        case "html": ProseHTMLMemo.current?.html(fromMarkdown: markdown) ?? ProseHTML.html(fromMarkdown: markdown)
        default: nil
        }
    }
}
