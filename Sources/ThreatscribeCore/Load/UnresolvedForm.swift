/// The `{unresolved: EXPRESSION, source: FILE:LINE}` form a key marked `acceptsUnresolved` may hold
/// instead of its value: the code computes the value and nobody has stated it yet.
enum UnresolvedForm {
    /// The form's keys: the expression (required) and where the code computes it.
    static let expressionKey = "unresolved"
    static let sourceKey = "source"
    static let keys = [expressionKey, sourceKey]

    /// How the form reads, for messages and the reference.
    static let help = "`{unresolved: EXPRESSION, source: FILE:LINE}` when the code computes the value"

    /// Whether `node` is written in the form (a mapping with an `unresolved` key), valid or not.
    static func isWritten(_ node: LocatedNode) -> Bool {
        node[expressionKey] != nil
    }

    /// The value `node` leaves unresolved at `path`, when it is a valid form.
    static func value(_ node: LocatedNode, at path: ModelPath) -> UnresolvedValue? {
        guard let entries = node.entries, entries.allSatisfy({ keys.contains($0.key) }),
              let expression = node[expressionKey]?.scalarValue, expression.kind == .string, !expression.text.isEmpty else { return nil }
        let source = node[sourceKey]?.scalarValue
        if let source, source.kind != .string || CodeReference(parsing: source.text) == nil { return nil }
        return UnresolvedValue(path: path, expression: expression.text, source: source?.text)
    }

    /// Every problem of a value written in the form, each at its own location.
    static func problems(_ node: LocatedNode, at path: ModelPath) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for entry in node.entries ?? [] where !keys.contains(entry.key) {
            var message = "unknown key `\(DiagnosticText.excerpt(entry.key))` in the unresolved value `\(path)`; it takes only `unresolved` and `source`"
            if let suggestion = Suggestion.closest(to: entry.key, in: keys) { message += "; did you mean `\(suggestion)`?" }
            problems.append(Diagnostic(.error, message, at: entry.keyLocation))
        }
        if let expression = node[expressionKey] {
            if expression.scalarValue?.kind != .string || expression.scalarValue?.text.isEmpty == true {
                problems.append(Diagnostic(.error, "`\(path).unresolved` must be the expression the code computes the value with, as a non-empty string, found \(SchemaValidation.describe(expression))", at: expression.location))
            }
        }
        if let source = node[sourceKey] {
            if let scalar = source.scalarValue, scalar.kind == .string {
                if CodeReference(parsing: scalar.text) == nil {
                    problems.append(Diagnostic(.error, "`\(path).source` must be a code reference `path`, `path:line`, `path:line:col` or `path:start-end`, found \"\(DiagnosticText.excerpt(scalar.text))\"", at: scalar.location))
                }
            } else {
                problems.append(Diagnostic(.error, "`\(path).source` must be a string, found \(SchemaValidation.describe(source))", at: source.location))
            }
        }
        return problems
    }

    /// The objects with a key that accepts the form, or a key whose values may hold such an object: the
    /// only ones a search for unresolved values needs to enter (a large model's routers are not).
    static func objectsReachingUnresolved(_ schema: ModelSchema) -> Set<String> {
        func objectNames(in type: ValueType) -> [String] {
            switch type {
            case .list(let inner), .map(let inner): objectNames(in: inner)
            case .object(let name): [name]
            default: []
            }
        }
        var reaching = Set(schema.objects.filter { $0.properties.contains(where: \.acceptsUnresolved) }.map(\.name))
        var grown = true
        while grown {
            grown = false
            for object in schema.objects where !reaching.contains(object.name)
                && object.properties.contains(where: { objectNames(in: $0.type).contains(where: reaching.contains) }) {
                reaching.insert(object.name)
                grown = true
            }
        }
        return reaching
    }

    /// Every value a tree leaves unresolved, in file order (environment overrides not entered).
    static func values(in root: LocatedNode, schema: ModelSchema) -> [UnresolvedValue] {
        (root.entries ?? []).flatMap { values(inSection: $0, schema: schema) }
    }

    /// The values one top-level entry leaves unresolved, in file order: `values(in:schema:)` is
    /// these for each entry of the root in turn.
    static func values(inSection entry: LocatedEntry, schema: ModelSchema) -> [UnresolvedValue] {
        var found: [UnresolvedValue] = []
        SchemaWalk(schema: schema, enters: objectsReachingUnresolved(schema)).visit(section: entry) { visit in
            guard visit.property?.acceptsUnresolved == true, visit.property?.type == visit.type,
                  let value = value(visit.node, at: visit.path) else { return }
            found.append(value)
        }
        return found
    }
}
