/// Why a report could not be rendered; always a problem with the templates, never with the model.
public enum RenderError: Error, Equatable, CustomStringConvertible {
    /// A template the renderer needs is missing from the resource store.
    case missingTemplate(path: String)
    /// A template does not parse.
    case templateSyntax(path: String, line: Int, column: Int, message: String)
    /// A template includes itself, directly or through others (`chain` from the first to the repeat).
    case recursiveTemplate(path: String, line: Int, column: Int, chain: [String])
    /// Rendering the template at `path` (with the partials it includes) needs more work than any report
    /// (`TemplateRenderBudget`): the templates nest or repeat partials without practical end.
    case renderingExhausted(path: String, message: String)

    public var description: String {
        switch self {
        case .missingTemplate(let path):
            "template \(path) is missing"
        case .templateSyntax(let path, let line, let column, let message):
            "\(path):\(line):\(column): template syntax error: \(message)"
        case .recursiveTemplate(let path, let line, let column, let chain):
            "\(path):\(line):\(column): template error: the template includes itself ("
                + chain.map { "`\($0)`" }.joined(separator: " → ") + "); a report would never end"
        case .renderingExhausted(let path, let message):
            "\(path): template error: \(message)"
        }
    }
}
