import Yams

/// Reads typed fields from a YAML mapping node, collecting a located diagnostic for every problem.
struct YAMLFieldReader {
    let file: String
    private let lines: [[Unicode.Scalar]]
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, text: String) {
        self.file = file
        self.lines = SourceLines.lines(of: text)
    }

    func location(of node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }

    mutating func error(_ message: String, at node: Node?) {
        diagnostics.append(Diagnostic(.error, message, at: location(of: node)))
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, message, at: location))
    }

    /// The mapping's entries by key; reports keys outside `allowed` (with a suggestion) and duplicates.
    mutating func fields(of node: Node, allowed: [String], context: String) -> [String: (key: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error("\(context) must be a mapping", at: node)
            return nil
        }
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.string else {
                error("\(context): keys must be strings", at: key)
                continue
            }
            guard allowed.contains(name) else {
                let hint = Suggestion.closest(to: name, in: allowed).map { "; did you mean `\($0)`?" } ?? ""
                error("unknown key `\(DiagnosticText.excerpt(name))` in \(context)\(hint)", at: key)
                continue
            }
            if result[name] != nil { error("duplicate key `\(DiagnosticText.excerpt(name))` in \(context)", at: key) }
            result[name] = (key, value)
        }
        return result
    }

    mutating func string(_ fields: [String: (key: Node, value: Node)], _ key: String, required: Bool, in context: String, at parent: Node) -> String? {
        guard let field = fields[key] else {
            if required { error("missing key `\(key)` in \(context)", at: parent) }
            return nil
        }
        guard case .scalar(let scalar) = field.value else {
            error("`\(key)` must be a string", at: field.value)
            return nil
        }
        return scalar.string
    }

    mutating func strings(_ fields: [String: (key: Node, value: Node)], _ key: String, in context: String) -> [String] {
        guard let field = fields[key] else { return [] }
        switch field.value {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let sequence):
            var items: [String] = []
            for item in sequence {
                if case .scalar(let scalar) = item { items.append(scalar.string) }
                else { error("`\(key)` must list strings", at: item) }
            }
            return items
        default:
            error("`\(key)` must be a string or a list of strings", at: field.value)
            return []
        }
    }

    mutating func integerMap(_ node: Node, key: String, allowed: [String], range: ClosedRange<Int>) -> [String: Int] {
        guard let fields = fields(of: node, allowed: allowed, context: "`\(key)`") else { return [:] }
        var scores: [String: Int] = [:]
        for name in allowed {
            guard let field = fields[name] else {
                error("missing factor `\(name)` in `\(key)`", at: node)
                continue
            }
            guard case .scalar(let scalar) = field.value, let value = Int(scalar.string), range.contains(value) else {
                error("`\(key).\(name)` must be an integer from \(range.lowerBound) to \(range.upperBound)", at: field.value)
                continue
            }
            scores[name] = value
        }
        return scores
    }

    /// Where the character at `offset` of a scalar's text sits in the file.
    func location(inScalar node: Node, offset: Int) -> SourceLocation {
        let base = location(of: node)
        guard case .scalar(let scalar) = node else { return base }
        switch scalar.style {
        case .plain, .any:
            return SourceLocation(file: file, line: base.line, column: base.column + offset)
        case .singleQuoted, .doubleQuoted:
            return SourceLocation(file: file, line: base.line, column: base.column + 1 + offset)
        case .literal, .folded:
            // Block scalars start on the next line; map the offset onto its lines.
            let prefix = scalar.string.prefix(offset)
            let lineIndex = prefix.filter { $0 == "\n" }.count
            let column = prefix.count - (prefix.lastIndex(of: "\n").map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0)
            let line = base.line + 1 + lineIndex
            // Columns in the scalar count from the block's indentation, set by its first content line.
            let firstContent = lines.indices.dropFirst(base.line).first { !lines[$0].allSatisfy { $0 == " " } }
            let indent = firstContent.map { lines[$0].prefix { $0 == " " }.count } ?? 0
            return SourceLocation(file: file, line: line, column: indent + 1 + column)
        }
    }
}
