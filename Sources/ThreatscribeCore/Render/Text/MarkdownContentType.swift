import Mustache

/// The `{{%CONTENT_TYPE: MARKDOWN}}` of the Markdown templates: `{{x}}` escapes `x` as inline Markdown.
///
/// Partials start over with HTML escaping, so every Markdown partial declares it again.
struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"

    func escapeText(_ text: String) -> String { MarkdownEscaping.inline(text) }

    /// Registers the content type (a process-wide table in swift-mustache) before templates are parsed.
    static let registered: Void = MustacheContentTypes.register(MarkdownContentType(), named: name)
}
