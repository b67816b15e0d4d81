/// How `{{x}}` escapes a value, chosen by `{{%CONTENT_TYPE: NAME}}`.
enum TemplateEscaper: Sendable {
    /// `HTML` (every template's default) and `TEXT`: `HTMLEscaping.attribute`, on Unicode scalars.
    case html
    /// `MARKDOWN`: `MarkdownEscaping.inline`.
    case markdown

    /// The escaper a `CONTENT_TYPE` name selects.
    init?(named name: String) {
        switch name {
        case "HTML", "TEXT": self = .html
        case "MARKDOWN": self = .markdown
        default: return nil
        }
    }

    func escape(_ text: String) -> String {
        switch self {
        case .html: HTMLEscaping.attribute(text)
        case .markdown: MarkdownEscaping.inline(text)
        }
    }
}
