import Foundation

/// Decodes a validated located tree into `ArchitectureModel`.
///
/// Keys of objects are renamed to their Swift names from the schema (not with
/// `.convertFromSnakeCase`, which would also rename free keys such as `frameworks`,
/// `headers` and everything inside `overrides`).
struct ModelDecoding {
    let schema: ModelSchema

    /// The model, or a diagnostic: a failure here after validation passed is a threatscribe bug.
    func decode(_ root: LocatedNode) throws(DiagnosticList) -> ArchitectureModel {
        var model = try decodeValues(root)
        let unresolved = UnresolvedForm.values(in: root, schema: schema)
        model.unresolved = unresolved.isEmpty ? nil : unresolved
        return model
    }

    /// The model without `unresolved`, which the caller fills (`UnresolvedForm.values(in:schema:)`).
    func decodeValues(_ root: LocatedNode) throws(DiagnosticList) -> ArchitectureModel {
        // The routers, most of a large model, are read straight from the tree when they can be.
        var direct: [Router]?? = nil
        if let entry = root.entries?.first(where: { $0.key == "routers" }) { direct = routers(section: entry) }
        let json = tree(root, as: .object(schema.rootName), leavingOut: direct == nil ? nil : "routers")
        var model: ArchitectureModel
        do {
            model = try JSONTreeDecoder().decode(ArchitectureModel.self, from: json)
        } catch {
            throw internalError(error, in: root)
        }
        if let direct { model.routers = direct }
        restoreDisabledRoutes(in: &model, from: root)
        return model
    }

    /// The `routers` property a top-level `routers` entry sets, read by `RouterDecoding`, or `nil` when the
    /// Decodable way must read it.
    func routers(section entry: LocatedEntry) -> [Router]?? {
        guard let property = schema.root.property(entry.key), property.type == .list(.object("Router")), !property.acceptsUnresolved else { return nil }
        return RouterDecoding(decoding: self).routers(entry.value)
    }

    /// A decoding failure after validation passed: a threatscribe bug, reported at the value it concerns.
    func internalError(_ error: Error, in root: LocatedNode) -> DiagnosticList {
        DiagnosticList([Diagnostic(.error, "internal error: the model passed validation but could not be decoded (\(Self.describe(error))); please report this", at: location(of: error, in: root))])
    }

    /// The JSON form of `node` with Swift key names; an object's entry `leavingOut` is left out.
    func tree(_ node: LocatedNode, as type: ValueType, leavingOut: String? = nil) -> JSONTree {
        if node.isNull { return .null }
        switch type {
        case .string, .codeReference, .version, .nullableString, .enumeration:
            return .string(node.scalarValue?.text ?? "")
        case .integer:
            return node.scalarValue?.intValue.map(JSONTree.int) ?? .null
        case .boolean:
            return node.scalarValue?.boolValue.map(JSONTree.bool) ?? .null
        case .number:
            return node.scalarValue?.doubleValue.map(JSONTree.double) ?? .null
        case .list(let itemType):
            return .array((node.items ?? []).map { tree($0, as: itemType) })
        case .map(let valueType):
            return .object((node.entries ?? []).map { ($0.key, tree($0.value, as: valueType)) })
        case .object(let name):
            guard let object = schema.object(named: name) else { return .null }
            // A value left unresolved is decoded as absent; `unresolved` on the model says it is unknown.
            return .object((node.entries ?? []).compactMap { entry in
                guard entry.key != leavingOut, let property = object.property(entry.key),
                      !(property.acceptsUnresolved && UnresolvedForm.isWritten(entry.value)) else { return nil }
                return (property.swiftName, tree(entry.value, as: property.type))
            })
        case .overrides:
            return Self.rawTree(node)
        }
    }

    /// The JSON form of a value without a schema, keys as written (for `overrides`).
    static func rawTree(_ node: LocatedNode) -> JSONTree {
        switch node {
        case .sequence(let items, _): return .array(items.map(rawTree))
        case .mapping(let entries, _): return .object(entries.map { ($0.key, rawTree($0.value)) })
        case .scalar(let scalar):
            switch scalar.kind {
            case .null: return .null
            case .bool: return scalar.boolValue.map(JSONTree.bool) ?? .string(scalar.text)
            case .int: return scalar.intValue.map { .double(Double($0)) } ?? .string(scalar.text)
            case .float: return scalar.doubleValue.map(JSONTree.double) ?? .string(scalar.text)
            case .string: return .string(scalar.text)
            }
        }
    }

    /// Decoding turns `docs_url: null` into `nil` (the key's `decodeIfPresent` sees null);
    /// the file means "disabled", so set `.disabled` where the tree has an explicit null.
    func restoreDisabledRoutes(in model: inout ArchitectureModel, from root: LocatedNode) {
        Self.restoreDisabledRoutes(in: &model.app, from: root["app"])
        for (index, item) in (root["apps"]?.items ?? []).enumerated() where model.apps?.indices.contains(index) == true {
            Self.restoreDisabledRoutes(in: &model.apps![index].app, from: item["app"])
        }
    }

    /// The same for one app's settings (the main app's or a mounted sub-application's).
    private static func restoreDisabledRoutes(in settings: inout AppSettings?, from node: LocatedNode?) {
        guard let node, node.entries != nil, settings != nil else { return }
        if node["docs_url"]?.isNull == true { settings?.docsUrl = .disabled }
        if node["redoc_url"]?.isNull == true { settings?.redocUrl = .disabled }
        if node["openapi_url"]?.isNull == true { settings?.openapiUrl = .disabled }
    }

    /// Keys of nullable strings that `restoreDisabledRoutes` handles, as `object.key`.
    static let restoredNullableKeys: Set<String> = ["AppSettings.docs_url", "AppSettings.redoc_url", "AppSettings.openapi_url"]

    private func location(of error: Error, in root: LocatedNode) -> SourceLocation {
        guard let decodingError = error as? DecodingError else { return root.location }
        let codingPath: [CodingKey]
        switch decodingError {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            codingPath = context.codingPath
        case .keyNotFound(_, let context):
            codingPath = context.codingPath
        @unknown default:
            codingPath = []
        }
        var node = root
        for key in codingPath {
            if let index = key.intValue, let items = node.items, items.indices.contains(index) {
                node = items[index]
            } else if let entry = node.entries?.first(where: { KeyNaming.camelCase($0.key) == key.stringValue || $0.key == key.stringValue }) {
                node = entry.value
            } else {
                break
            }
        }
        return node.location
    }

    private static func describe(_ error: Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        switch decodingError {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return context.debugDescription
        case .keyNotFound(let key, _):
            return "missing key \(key.stringValue)"
        @unknown default:
            return "\(error)"
        }
    }
}
