/// A parsed template.
struct ParsedTemplate: Sendable {
    let tokens: [TemplateToken]

    /// Parses `text`; a syntax error is thrown with the line and column of its position.
    init(_ text: String) throws(TemplateSyntaxError) {
        tokens = try TemplateParser.parse(text)
    }
}
