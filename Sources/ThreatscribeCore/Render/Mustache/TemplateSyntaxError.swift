/// Why a template does not parse, where, and the name swift-mustache gave the same error.
struct TemplateSyntaxError: Error, Equatable {
    enum Kind: String, Error, Sendable {
        case sectionCloseNameIncorrect, unfinishedName, expectedSectionEnd, invalidSetDelimiter
        case transformAppliedToInheritanceSection, illegalTokenInsideInheritSection
        case invalidConfigVariableSyntax, unrecognisedConfigVariable
        /// The text ends inside a tag or right after the first character of a delimiter.
        case overflow
        /// Sections (and blocks and parents) nested deeper than `TemplateParser.maxDepth`, which
        /// would exhaust the stack when parsed or rendered (swift-mustache crashed).
        case nestedTooDeep = "sections nested more than 200 deep"
    }

    let kind: Kind
    let line: Int
    let column: Int
}
