/// One piece of a parsed template; sections hold the tokens between their tags.
indirect enum TemplateToken: Sendable {
    /// Text copied as it is (UTF-8).
    case text([UInt8])
    /// `{{name}}` (`escaped`) or `{{{name}}}` / `{{&name}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`.
    case section(TemplateName, [TemplateToken])
    /// `{{^name}}…{{/name}}`.
    case invertedSection(TemplateName, [TemplateToken])
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: the block given to the parent.
    case blockDefinition(String, [TemplateToken])
    /// `{{$name}}…{{/name}}` elsewhere: the inherited block if one is given, else its own tokens.
    case blockExpansion(String, defaultTokens: [TemplateToken], indentation: [UInt8])
    /// `{{>name}}` (no blocks) or `{{<name}}…{{/name}}` (with the blocks it gives); `indentation` is
    /// set for a standalone tag (and always for a parent). `dynamic` for `{{>*name}}`.
    case partial(String, indentation: [UInt8]?, blocks: [String: [TemplateToken]]?, dynamic: Bool)
    /// `{{%CONTENT_TYPE: NAME}}`: how the rest of the template escapes `{{x}}`.
    case contentType(TemplateEscaper)
}

/// A variable or section name as written (`a.b`, `.`, `.a`, `f(g(a))`), split once when parsed.
struct TemplateName: Sendable, Equatable {
    /// Where the first name is looked up.
    enum Anchor: Sendable, Equatable {
        /// `.`: the innermost context.
        case current
        /// Empty with transforms (`index()`): the position in the enclosing list.
        case sequence
        /// Starts with `.`: the innermost context only, no climbing.
        case innermost
        /// The innermost context that has the first name, climbing outwards.
        case stack
    }

    /// The name as written, without transforms (compared with a section's closing tag).
    let text: String
    let anchor: Anchor
    /// The dot-separated names (empty names dropped).
    let path: [String]
    /// Transforms from the outermost: `f(g(a))` is `["f", "g"]`, applied `g` first.
    let transforms: [String]

    init(_ text: String, transforms: [String]) {
        self.text = text
        self.transforms = transforms
        path = text.split(separator: ".").map(String.init)
        if text == "." {
            anchor = .current
        } else if text.isEmpty, !transforms.isEmpty {
            anchor = .sequence
        } else if text.first == "." {
            anchor = .innermost
        } else {
            anchor = .stack
        }
    }
}
