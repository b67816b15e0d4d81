/// The model format as a JSON Schema (draft 2020-12), generated from `ModelSchema`.
///
/// Editors use it for completion and checks: put
/// `# yaml-language-server: $schema=./threatscribe.schema.json` on a model's first line.
/// Overrides get their own definitions (`…Override`): every key optional and nullable.
public enum JSONSchemaDocument {
    /// The schema's `$id`.
    public static let identifier = "urn:threatscribe:schema:model:1"

    /// The schema as pretty JSON with sorted keys and a final newline; the same input gives the same bytes.
    public static func text(for schema: ModelSchema = .current) -> String {
        tree(for: schema).text(pretty: true) + "\n"
    }

    static func tree(for schema: ModelSchema) -> JSONTree {
        var definitions: [(String, JSONTree)] = []
        for object in schema.objects where object.name != schema.rootName {
            definitions.append((object.name, objectTree(object, schema: schema, partial: false, excluding: [])))
        }
        definitions.append((unresolvedName, unresolvedDefinition))
        for object in schema.objects {
            let excluded = object.name == schema.rootName ? ModelSchema.keysOutsideOverrides : []
            definitions.append((overrideName(object.name), objectTree(object, schema: schema, partial: true, excluding: excluded)))
        }
        var members = objectMembers(schema.root, schema: schema, partial: false, excluding: [])
        members.insert(("$schema", .string("https://json-schema.org/draft/2020-12/schema")), at: 0)
        members.insert(("$id", .string(identifier)), at: 1)
        members.insert(("title", .string("threatscribe model, version \(schema.version)")), at: 2)
        members.append(("$defs", .object(definitions)))
        return .object(members)
    }

    private static func overrideName(_ name: String) -> String { name + "Override" }

    /// The definition of `UnresolvedForm`, which keys marked `acceptsUnresolved` may hold instead of a value.
    static let unresolvedName = "Unresolved"
    private static let unresolvedDefinition = JSONTree.object([
        ("description", .string("A value the code computes at run time and nobody has stated yet: the analysis treats it as unknown, never as the default.")),
        ("type", .string("object")),
        ("additionalProperties", .bool(false)),
        ("properties", .object([
            (UnresolvedForm.expressionKey, .object([("description", .string("The expression the code computes the value with.")), ("type", .string("string")), ("minLength", .int(1))])),
            (UnresolvedForm.sourceKey, .object([("description", .string("Where the code computes it: `path`, `path:line`, `path:line:col` or `path:start-end`.")),
                                               ("type", .string("string")), ("pattern", .string(CodeReference.pattern))])),
        ])),
        ("required", .array([.string(UnresolvedForm.expressionKey)])),
    ])

    private static func objectTree(_ object: ObjectSchema, schema: ModelSchema, partial: Bool, excluding: Set<String>) -> JSONTree {
        .object(objectMembers(object, schema: schema, partial: partial, excluding: excluding))
    }

    private static func objectMembers(_ object: ObjectSchema, schema: ModelSchema, partial: Bool, excluding: Set<String>) -> [(String, JSONTree)] {
        let properties = object.properties.filter { !excluding.contains($0.key) }
        var directives: [(String, JSONTree)] = []
        if partial, !object.mergeIdentity.isEmpty {
            directives = [
                ("add", .object([("description", .string(OverrideDirective.add.summary)), ("const", .bool(true))])),
                ("remove", .object([("description", .string(OverrideDirective.remove.summary)), ("const", .bool(true))])),
            ]
        }
        var result: [(String, JSONTree)] = [
            ("description", .string(partial ? "\(object.summary) In overrides every key is optional and `null` unsets it." : object.summary)),
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("properties", .object(properties.map { property in
                var value = members(of: property.type, schema: schema, partial: partial)
                if property.acceptsUnresolved {
                    value = [("anyOf", .array([.object(value), .object([("$ref", .string("#/$defs/\(unresolvedName)"))])]))]
                }
                if partial, property.type != .nullableString {
                    value = [("anyOf", .array([.object(value), .object([("type", .string("null"))])]))]
                }
                if object.name == schema.rootName, property.key == "threatscribe" {
                    value.append(("const", .int(schema.version)))
                }
                value.insert(("description", .string(property.summary)), at: 0)
                return (property.key, .object(value))
            } + directives)),
        ]
        let required = properties.filter(\.isRequired).map(\.key)
        if !partial, !required.isEmpty {
            result.append(("required", .array(required.map(JSONTree.string))))
        }
        return result
    }

    private static func members(of type: ValueType, schema: ModelSchema, partial: Bool) -> [(String, JSONTree)] {
        switch type {
        case .string: return [("type", .string("string"))]
        case .integer: return [("type", .string("integer"))]
        case .boolean: return [("type", .string("boolean"))]
        case .number: return [("type", .string("number"))]
        case .nullableString: return [("type", .array([.string("string"), .string("null")]))]
        case .codeReference: return [("type", .string("string")), ("pattern", .string(CodeReference.pattern))]
        case .version: return [("type", .string("string"))]
        case .enumeration(let enumeration):
            return [("type", .string("string")), ("enum", .array(enumeration.cases.map(JSONTree.string)))]
        case .list(let item):
            return [("type", .string("array")), ("items", .object(members(of: item, schema: schema, partial: partial)))]
        case .map(let value):
            var inner = members(of: value, schema: schema, partial: partial)
            if partial { inner = [("anyOf", .array([.object(inner), .object([("type", .string("null"))])]))] }
            return [("type", .string("object")), ("additionalProperties", .object(inner))]
        case .object(let name):
            return [("$ref", .string("#/$defs/\(partial ? overrideName(name) : name)"))]
        case .overrides:
            return [("$ref", .string("#/$defs/\(overrideName(schema.rootName))"))]
        }
    }
}
