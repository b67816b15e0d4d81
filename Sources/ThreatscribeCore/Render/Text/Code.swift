/// A literal from the model or the code (a model path, a value, `file:line:col`, request lines):
/// shown verbatim, in a monospace font.
///
/// `{{x}}` escapes it like any string; Markdown templates wrap it with the transforms
/// `{{{markdown(x)}}}` (code span), `{{{cell(x)}}}` (code span in a table), `{{{block(x)}}}`
/// (fenced block), `{{{itemBlock(x)}}}` (fenced block inside a list item), `{{{mermaid(x)}}}` (fenced `mermaid` block) and `{{{bash(x)}}}`
/// (fenced `bash` block).
public struct Code: Sendable, Equatable, TemplateRenderable, TemplateTransformable {
    public var text: String

    public init(_ text: String) { self.text = text }

    public var renderText: String { text }
    public var isNull: Bool { text.isEmpty }

    public func transform(_ name: String) -> Any? {
        switch name {
        case "markdown": MarkdownEscaping.codeSpan(text)
        case "cell": MarkdownEscaping.codeSpan(text, inTable: true)
        case "block": MarkdownEscaping.fencedBlock(text)
        case "itemBlock": MarkdownEscaping.fencedBlock(text).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        case "mermaid": MarkdownEscaping.fencedBlock(text, language: "mermaid")
        case "bash": MarkdownEscaping.fencedBlock(text, language: "bash")
        default: nil
        }
    }
}
