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

/// A parsed template.
struct ParsedTemplate: Sendable {
    let tokens: [TemplateToken]

    /// Parses `text`; a syntax error is thrown with the line and column of its position.
    init(_ text: String) throws(TemplateSyntaxError) {
        tokens = try TemplateParser.parse(text)
    }
}

/// Why a template does not parse, where, and the name swift-mustache gave the same error.
struct TemplateSyntaxError: Error, Equatable {
    enum Kind: String, Error, Sendable {
        case sectionCloseNameIncorrect, unfinishedName, expectedSectionEnd, invalidSetDelimiter
        case transformAppliedToInheritanceSection, illegalTokenInsideInheritSection
        case invalidConfigVariableSyntax, unrecognisedConfigVariable
        /// The text ends inside a tag or right after the first character of a delimiter.
        case overflow
    }

    let kind: Kind
    let line: Int
    let column: Int
}
