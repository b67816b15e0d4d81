/// Checks a located tree against `ModelSchema`: types, enum values, unknown and missing keys.
///
/// Collects every problem instead of stopping at the first.
struct SchemaValidation {
    /// What a tree is validated as.
    enum Mode {
        /// The model file itself: required keys must be present; `null` only where a key is nullable.
        case base
        /// An environment's `overrides`: every key optional, `null` allowed (it unsets the key).
        case override
        /// A base model with overrides merged in: required keys must be present, optional keys may be `null`.
        case merged
    }

    let schema: ModelSchema
    private(set) var problems: [Diagnostic] = []

    init(schema: ModelSchema) { self.schema = schema }

    /// Validates a whole model file; `environments[].overrides` are validated as overrides.
    mutating func validateModel(_ root: LocatedNode, mode: Mode, skipping skipped: Set<String> = []) {
        validateObject(root, schema.root, at: .root, mode: mode, excluding: [], skipping: skipped)
    }

    private mutating func validate(_ node: LocatedNode, as type: ValueType, at path: ModelPath, mode: Mode, nullable: Bool) {
        if node.isNull {
            if nullable || type == .nullableString { return }
        }
        switch type {
        case .string, .codeReference, .version, .nullableString:
            let expected = type == .nullableString ? "a string or null" : "a string"
            guard let scalar = expectScalar(node, .string, expected, at: path) else { return }
            if type == .codeReference, CodeReference(parsing: scalar.text) == nil {
                report("`\(path)` must be a code reference `path`, `path:line`, `path:line:col` or `path:start-end`, found \"\(DiagnosticText.excerpt(scalar.text))\"", at: scalar.location)
            }
            if type == .version, VersionRequirement(scalar.text) == nil {
                report("`\(path)` must be \(VersionRequirement.formsHelp), found \"\(DiagnosticText.excerpt(scalar.text))\"", at: scalar.location)
            }
        case .integer:
            _ = expectScalar(node, .int, "an integer", at: path)
        case .boolean:
            _ = expectScalar(node, .bool, "a boolean", at: path)
        case .number:
            if let scalar = node.scalarValue, scalar.kind == .float { return }
            _ = expectScalar(node, .int, "a number", at: path)
        case .enumeration(let enumeration):
            guard let scalar = expectScalar(node, .string, "one of \(enumeration.cases.joined(separator: ", "))", at: path) else { return }
            if !enumeration.cases.contains(scalar.text) {
                var message = "invalid value `\(DiagnosticText.excerpt(scalar.text))` for `\(path)`; valid values: \(enumeration.cases.joined(separator: ", "))"
                if let suggestion = Suggestion.closest(to: scalar.text, in: enumeration.cases) { message += "; did you mean `\(suggestion)`?" }
                report(message, at: scalar.location)
            }
        case .list(let itemType):
            guard let items = node.items else { return mismatch(node, expected: "a list", at: path) }
            for (index, item) in items.enumerated() {
                validate(item, as: itemType, at: path.appending(index), mode: mode, nullable: false)
            }
        case .map(let valueType):
            guard let entries = node.entries else { return mismatch(node, expected: "a mapping", at: path) }
            for entry in entries {
                validate(entry.value, as: valueType, at: path.appending(entry.key), mode: mode, nullable: mode != .base)
            }
        case .object(let name):
            guard let object = schema.object(named: name) else { return }
            validateObject(node, object, at: path, mode: mode, excluding: [], skipping: [])
        case .overrides:
            validateObject(node, schema.root, at: path, mode: .override, excluding: ModelSchema.keysOutsideOverrides, skipping: [])
        }
    }

    private mutating func validateObject(_ node: LocatedNode, _ object: ObjectSchema, at path: ModelPath, mode: Mode, excluding: Set<String>, skipping: Set<String>) {
        guard let entries = node.entries else { return mismatch(node, expected: "a mapping", at: path) }
        let place = Self.place(path)
        for entry in entries {
            if excluding.contains(entry.key) {
                report("`\(DiagnosticText.excerpt(entry.key))` cannot be overridden by an environment (in \(path))", at: entry.keyLocation)
                continue
            }
            if mode == .override, !object.mergeIdentity.isEmpty, OverrideDirective.keys.contains(entry.key) {
                validateDirective(entry, in: node, object, at: path)
                continue
            }
            guard let property = object.property(entry.key) else {
                var message = "unknown key `\(DiagnosticText.excerpt(entry.key))` \(place)"
                var candidates = object.properties.map(\.key).filter { !excluding.contains($0) }
                if mode == .override, !object.mergeIdentity.isEmpty { candidates += OverrideDirective.keys }
                if let suggestion = Suggestion.closest(to: entry.key, in: candidates) { message += "; did you mean `\(suggestion)`?" }
                report(message, at: entry.keyLocation)
                continue
            }
            if skipping.contains(entry.key) { continue }
            if property.acceptsUnresolved, entry.value.entries != nil {
                if UnresolvedForm.isWritten(entry.value) {
                    problems += UnresolvedForm.problems(entry.value, at: path.appending(entry.key))
                } else {
                    var message = "`\(path.appending(entry.key))` must be \(Self.article(property.type)) or \(UnresolvedForm.help), found a mapping without `unresolved`"
                    if let key = entry.value.entries?.first(where: { Suggestion.closest(to: $0.key, in: [UnresolvedForm.expressionKey]) != nil }) {
                        message += "; did you mean `unresolved` for `\(DiagnosticText.excerpt(key.key))`?"
                    }
                    report(message, at: entry.value.location)
                }
                continue
            }
            let nullable = mode == .override || (mode == .merged && !property.isRequired)
            validate(entry.value, as: property.type, at: path.appending(entry.key), mode: mode, nullable: nullable)
        }
        guard mode != .override else { return }
        for property in object.properties where property.isRequired && !entries.contains(where: { $0.key == property.key }) {
            report("missing required key `\(property.key)` \(place)", at: node.location)
        }
    }

    /// `add: true` / `remove: true` on an override list item: only `true`, not both, and a
    /// removed item names only the keys that identify it.
    private mutating func validateDirective(_ entry: LocatedEntry, in item: LocatedNode, _ object: ObjectSchema, at path: ModelPath) {
        guard entry.value.scalarValue?.boolValue == true else {
            report("`\(path.appending(entry.key))` can only be `true`; leave the key out otherwise", at: entry.value.location)
            return
        }
        let entries = item.entries ?? []
        if entry.key == OverrideDirective.remove.rawValue {
            if entries.contains(where: { $0.key == OverrideDirective.add.rawValue }) {
                report("`\(path)` has both `add: true` and `remove: true`; write one", at: entry.keyLocation)
            }
            let identityKeys = Set(object.mergeIdentity.flatMap { $0 })
            for other in entries where !identityKeys.contains(other.key) && !OverrideDirective.keys.contains(other.key) {
                let keys = object.mergeIdentity.flatMap { $0 }.map { "`\($0)`" }.joined(separator: ", ")
                report("`\(path.appending(other.key))` has no effect on an item with `remove: true`; write only \(keys) to say which item is removed", at: other.keyLocation)
            }
        }
    }

    /// `a list`, `a string`, `a boolean`, … for a value that may also be written unresolved.
    static func article(_ type: ValueType) -> String {
        switch type {
        case .list: "a list"
        case .integer: "an integer"
        case .boolean: "a boolean"
        case .number: "a number"
        case .nullableString: "a string or null"
        case .enumeration(let enumeration): "one of \(enumeration.cases.joined(separator: ", "))"
        default: "a string"
        }
    }

    /// `in middleware[0]`, or `at the top level`.
    static func place(_ path: ModelPath) -> String {
        path.components.isEmpty ? "at the top level" : "in \(path)"
    }

    private mutating func expectScalar(_ node: LocatedNode, _ kind: LocatedScalar.Kind, _ expected: String, at path: ModelPath) -> LocatedScalar? {
        guard let scalar = node.scalarValue, scalar.kind == kind else {
            mismatch(node, expected: expected, at: path, wanted: kind)
            return nil
        }
        return scalar
    }

    private mutating func mismatch(_ node: LocatedNode, expected: String, at path: ModelPath, wanted: LocatedScalar.Kind? = nil) {
        var message = "`\(path)` must be \(expected), found \(Self.describe(node))"
        if expected.hasPrefix("a string"), let scalar = node.scalarValue, scalar.style == .plain, scalar.kind != .null {
            message += "; quote it: \"\(DiagnosticText.excerpt(scalar.text))\""
        } else if let scalar = node.scalarValue, scalar.kind == .string, scalar.style != .plain,
                  let wanted, wanted != .string, Self.unquotedKind(scalar.text) == wanted {
            message += "; remove the quotes"
        }
        report(message, at: node.location)
    }

    /// What `text` would be without quotes.
    static func unquotedKind(_ text: String) -> LocatedScalar.Kind {
        (try? LocatedNode.parse(text, file: ""))?.scalarValue?.kind ?? .string
    }

    /// `the string "x"`, `the number 0.110`, `a list`, …
    static func describe(_ node: LocatedNode) -> String {
        switch node {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar(let scalar):
            switch scalar.kind {
            case .null: return "null"
            case .bool: return "the boolean `\(DiagnosticText.excerpt(scalar.text))`"
            case .int, .float: return "the number `\(DiagnosticText.excerpt(scalar.text))`"
            case .string: return "the string \"\(DiagnosticText.excerpt(scalar.text))\""
            }
        }
    }

    private mutating func report(_ message: String, at location: SourceLocation) {
        problems.append(Diagnostic(.error, message, at: location))
    }
}
