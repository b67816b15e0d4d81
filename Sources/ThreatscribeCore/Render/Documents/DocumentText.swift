/// A short run of document text built from the model: plain words, code literals and emphasis,
/// kept apart until a template asks for one output context.
///
/// Templates insert it with `{{{markdown(x)}}}` (inline Markdown), `{{{cell(x)}}}` (inline Markdown in
/// a table cell) or `{{{html(x)}}}` (XHTML text); each segment passes through the escaper of that
/// context (`MarkdownEscaping`, `HTMLEscaping`), so a model value can neither open markup nor end a cell.
/// Write it with interpolation: `"origins \(code: origin) are \(strong: "exact")"`.
public struct DocumentText: Sendable, Equatable, TemplateTransformable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// One piece of the text.
    public enum Segment: Sendable, Equatable {
        case text(String)
        case code(String)
        case strong(String)
    }

    public var segments: [Segment]

    public init(segments: [Segment]) { self.segments = segments }
    public init(_ text: String) { segments = text.isEmpty ? [] : [.text(text)] }
    public init(stringLiteral value: String) { self.init(value) }

    /// Text whose backtick-quoted parts are code, as the CORS engine and the catalog write their
    /// summaries (`\`*\` mirrors …`); an unpaired backtick stays text.
    public init(codeMarked text: String) {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
        guard parts.count % 2 == 1 else { self.init(text); return }
        self.init(segments: parts.enumerated().compactMap { index, part in
            part.isEmpty ? nil : index % 2 == 1 ? Segment.code(part) : Segment.text(part)
        })
    }
    public init(stringInterpolation: Interpolation) { segments = stringInterpolation.segments }

    /// Builds a text from literals and `\(code:)`, `\(strong:)`, `\(codes:)` and plain `\(x)` pieces.
    public struct Interpolation: StringInterpolationProtocol {
        var segments: [Segment] = []
        public init(literalCapacity: Int, interpolationCount: Int) {}
        public mutating func appendLiteral(_ literal: String) { if !literal.isEmpty { segments.append(.text(literal)) } }
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) { segments.append(.text(value.description)) }
        public mutating func appendInterpolation(code value: some CustomStringConvertible) { segments.append(.code(value.description)) }
        public mutating func appendInterpolation(strong value: some CustomStringConvertible) { segments.append(.strong(value.description)) }
        /// Code literals joined by `separator` (`a`, `b` and `c` with `", "` and `" and "`).
        public mutating func appendInterpolation(codes values: [String], empty: String = "none") {
            if values.isEmpty { segments.append(.text(empty)); return }
            for (index, value) in values.enumerated() {
                if index > 0 { segments.append(.text(index == values.count - 1 ? (values.count > 2 ? ", and " : " and ") : ", ")) }
                segments.append(.code(value))
            }
        }
        public mutating func appendInterpolation(_ text: DocumentText) { segments += text.segments }
    }

    /// Two texts one after the other.
    public static func + (lhs: DocumentText, rhs: DocumentText) -> DocumentText { DocumentText(segments: lhs.segments + rhs.segments) }

    /// The text without markup, for tests and terminal output.
    public var description: String {
        segments.map { segment in
            switch segment {
            case .text(let t), .code(let t), .strong(let t): t
            }
        }.joined()
    }

    public var isEmpty: Bool { segments.isEmpty }

    public func transform(_ name: String) -> Any? {
        switch name {
        case "markdown": markdown(inTable: false)
        case "cell": isEmpty ? "" : markdown(inTable: true)
        case "html": html
        default: nil
        }
    }

    func markdown(inTable: Bool) -> String {
        segments.map { segment in
            switch segment {
            case .text(let t): MarkdownEscaping.inline(t)
            case .code(let t): MarkdownEscaping.codeSpan(t, inTable: inTable)
            case .strong(let t): "**" + MarkdownEscaping.inline(t) + "**"
            }
        }.joined()
    }

    var html: String {
        segments.map { segment in
            switch segment {
            case .text(let t): HTMLEscaping.text(t)
            case .code(let t): "<code>" + HTMLEscaping.text(t) + "</code>"
            case .strong(let t): "<strong>" + HTMLEscaping.text(t) + "</strong>"
            }
        }.joined()
    }
}
