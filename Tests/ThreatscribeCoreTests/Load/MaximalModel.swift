@testable import ThreatscribeCore

/// A model that sets every key of the schema once, as the file would spell it.
enum MaximalModel {
    static func tree(_ schema: ModelSchema = .current) -> JSONTree {
        var root = object(schema.root, schema)
        guard case .object(var members) = root else { return root }
        if let index = members.firstIndex(where: { $0.0 == "environments" }) {
            members[index].1 = .array([.object([
                ("name", .string("production")),
                ("kind", .string("production")),
                ("base_url", .string("https://example.test")),
                ("overrides", .object([("app", .object([("debug", .bool(false)), ("docs_url", .null)]))])),
            ])])
        }
        root = .object(members)
        return root
    }

    static func object(_ object: ObjectSchema, _ schema: ModelSchema) -> JSONTree {
        .object(object.properties.map { property in
            (property.key, value(property, property.type, schema, owner: object.name))
        })
    }

    static func value(_ property: PropertySchema, _ type: ValueType, _ schema: ModelSchema, owner: String) -> JSONTree {
        if property.key == "threatscribe" { return .int(schema.version) }
        if owner == "MountedApp", property.key == "mount" { return .string("/MountedApp.mount") }
        switch property.reference {
        case .authMechanism: if type == .string { return .string("none") }
        case .element: if type == .string { return .string("api") }
        case .environment: if type == .string { return .string("production") }
        case .modelPath: if type == .string { return .string("system") }
        case nil: break
        }
        switch type {
        case .string: return .string("\(owner).\(property.key)")
        case .codeReference: return .string("app/main.py:10-12")
        case .version: return .string("0.41.3 (uv.lock:812)")
        case .integer: return .int(7)
        case .boolean: return .bool(true)
        case .number: return .double(1.5)
        case .nullableString: return .string("/\(property.key)")
        case .enumeration(let enumeration): return .string(enumeration.cases.last!)
        case .list(let item): return .array([value(property, item, schema, owner: owner)])
        case .map(let inner): return .object([("Free_Key-\(property.key)", value(property, inner, schema, owner: owner))])
        case .object(let name): return object(schema.object(named: name)!, schema)
        case .overrides: return .object([])
        }
    }
}
