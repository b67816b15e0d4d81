import Mustache

/// The escaping of `{{x}}` in every template that does not declare Markdown: `HTMLEscaping.attribute`,
/// which works on Unicode scalars.
///
/// swift-mustache's built-in HTML escaping compares `Character`s (grapheme clusters), so `"\u{600}<"`
/// passes through unescaped. It is used wherever a template starts (the top-level template and every
/// partial) and for `{{%CONTENT_TYPE: HTML}}`; `TemplateLibrary` therefore begins every template with
/// `{{%CONTENT_TYPE: HTML}}`, and this type is registered under `HTML` — and under `TEXT`, since
/// threatscribe writes no output in which a value may go unescaped (`{{{x}}}` is the explicit way).
struct HTMLTemplateContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLEscaping.attribute(text) }

    /// Registers the content type (a process-wide table in swift-mustache) before templates are parsed.
    static let registered: Void = {
        MustacheContentTypes.register(HTMLTemplateContentType(), named: "HTML")
        MustacheContentTypes.register(HTMLTemplateContentType(), named: "TEXT")
    }()

    /// The line every template is given first; it produces no output (a standalone tag).
    static let pragma = "{{%CONTENT_TYPE: HTML}}\n"
}
