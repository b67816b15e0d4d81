/// The key-by-key reference of the model format in Markdown, generated from `ModelSchema`
/// (the generated section of `docs/model.md`).
public enum ModelReference {
    /// Marks the start of the generated section in `docs/model.md`.
    public static let beginMarker = "<!-- BEGIN GENERATED REFERENCE: threatscribe schema --reference -->"
    /// Marks its end.
    public static let endMarker = "<!-- END GENERATED REFERENCE -->"

    /// One section per object type, each a table of keys; deterministic.
    public static func markdown(for schema: ModelSchema = .current) -> String {
        var lines: [String] = []
        for object in schema.objects {
            lines.append("### `\(object.name)`")
            lines.append("")
            lines.append(heading(of: object, schema: schema))
            lines.append("")
            lines.append("| Key | Type | Required | Meaning |")
            lines.append("| --- | --- | --- | --- |")
            for property in object.properties {
                let required = property.isRequired ? "yes" : ""
                var meaning = property.summary
                if let reference = property.reference { meaning += " " + referenceNote(reference) }
                let type = typeName(property.type, schema: schema) + (property.acceptsUnresolved ? ", or [unresolved](#unresolved-values)" : "")
                lines.append("| `\(property.key)` | \(type) | \(required) | \(escaped(meaning)) |")
            }
            lines.append("")
            for property in object.properties {
                guard let enumeration = property.type.enumeration, !enumeration.meanings.isEmpty else { continue }
                lines.append("Values of `\(property.key)` and what they make the analysis do:")
                lines.append("")
                for value in enumeration.cases { lines.append("- `\(value)`: \(enumeration.meanings[value] ?? "")") }
                lines.append("")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func heading(of object: ObjectSchema, schema: ModelSchema) -> String {
        var text = object.summary
        if !object.mergeIdentity.isEmpty {
            let alternatives = object.mergeIdentity.map { keys in
                keys.isEmpty ? "every item alike" : keys.map { "`\($0)`" }.joined(separator: " + ")
            }
            text += " In environment overrides, lists of these merge item by item, matched by \(alternatives.joined(separator: ", else ")): an override item changes the one base item it matches, `add: true` adds it, `remove: true` removes it."
        }
        if let key = object.uniqueKey { text += " `\(key)` must be unique within its list." }
        return text
    }

    private static func referenceNote(_ kind: ModelReferenceKind) -> String {
        switch kind {
        case .authMechanism: "Must name an `id` in `auth`, or be `none`."
        case .element: "Must name an `id` in `clients`, `data_stores` or `external_services`, or be `api`."
        case .environment: "Must name an environment in `environments` (`default` when there are none)."
        case .modelPath: "Must be a path to a value of this model, written as in finding ids."
        }
    }

    /// `string`, `list of [Middleware](#middleware)`, `one of: a, b`, …
    static func typeName(_ type: ValueType, schema: ModelSchema) -> String {
        switch type {
        case .string: "string"
        case .integer: "integer"
        case .boolean: "boolean"
        case .number: "number"
        case .nullableString: "string or `null`"
        case .codeReference: "code reference"
        case .version: "[version](#versions)"
        case .enumeration(let enumeration): "one of " + enumeration.cases.map { "`\($0)`" }.joined(separator: ", ")
        case .list(let item): "list of " + typeName(item, schema: schema)
        case .map(let value): "mapping of name to " + typeName(value, schema: schema)
        case .object(let name): "[`\(name)`](#\(name.lowercased()))"
        case .overrides: "[overrides](#environments-and-overrides)"
        }
    }

    private static func escaped(_ text: String) -> String {
        text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
