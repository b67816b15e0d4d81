/// The substance of a decision record, whatever its layout: every line is Markdown prose built from
/// the model with its values escaped (`MarkdownEscaping`), or code shown verbatim.
struct ADRContent: Sendable {
    /// One option the team considered, with its consequences for this system.
    struct Option: Sendable {
        var title: String
        var summary: Prose
        var code: Code?
        var good: [Prose] = []
        var bad: [Prose] = []
        var neutral: [Prose] = []
    }

    /// A request the reader can send, and what the CORS engine says Starlette answers.
    struct Exchange: Sendable {
        var title: String
        var environment: String
        var command: Code
        var answer: Prose
        /// The status line and headers, `nil` when Starlette adds no CORS header.
        var response: Code?
    }

    var title: String
    /// Context and Problem Statement: paragraphs.
    var problem: [Prose]
    /// Facts of the system, one bullet each.
    var facts: [Prose]
    var drivers: [Prose]
    var options: [Option]
    /// Index into `options` of the option the model implements.
    var chosen: Int
    /// The decision in Nygard's words, completing "We will …".
    var action: String
    var justification: Prose
    /// The decision as code, when the model gives enough to write it.
    var decisionCode: Code?
    var good: [Prose]
    var bad: [Prose]
    var neutral: [Prose]
    /// Claims the model records that are false or unsupported, each named and corrected.
    var corrections: [Prose]
    var confirmation: [Prose]
    var exchanges: [Exchange]
    var implementation: [Prose]
    var moreInformation: [Prose]
    /// Said first when the model cannot support the decision as asked (no CORSMiddleware, no production).
    var limits: [Prose]
}

/// Inline Markdown for model values inside prose the drafts write.
enum MD {
    static func code(_ text: String) -> String { MarkdownEscaping.codeSpan(text) }
    static func text(_ text: String) -> String { MarkdownEscaping.inline(text) }
    static func list(_ values: [String]) -> String { values.map(code).joined(separator: ", ") }
}
