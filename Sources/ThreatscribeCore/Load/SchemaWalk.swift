/// Visits the values of a located tree together with their schema types.
///
/// Descends only where the tree has the shape the schema expects (validation reports the rest),
/// and never into `overrides` unless asked.
struct SchemaWalk {
    /// One visited value.
    struct Visit {
        var node: LocatedNode
        var type: ValueType
        var path: ModelPath
        /// The property this value belongs to (for list items: the list's property).
        var property: PropertySchema?
    }

    let schema: ModelSchema
    var entersOverrides = false
    /// The only objects entered, when not all are (the walk then visits no value inside any other).
    var enters: Set<String>? = nil

    func visit(_ root: LocatedNode, _ body: (Visit) -> Void) {
        visit(root, as: .object(schema.rootName), at: .root, property: nil, body)
    }

    /// Visits one top-level entry of a model exactly as `visit(_:_:)` does within the whole tree
    /// (nothing for a key the schema does not know). The whole-tree walk is the root's own visit
    /// followed by this for each entry in order.
    func visit(section entry: LocatedEntry, _ body: (Visit) -> Void) {
        guard let property = schema.root.property(entry.key) else { return }
        visit(entry.value, as: property.type, at: ModelPath.root.appending(entry.key), property: property, body)
    }

    private func visit(_ node: LocatedNode, as type: ValueType, at path: ModelPath, property: PropertySchema?, _ body: (Visit) -> Void) {
        body(Visit(node: node, type: type, path: path, property: property))
        switch type {
        case .list(let itemType):
            for (index, item) in (node.items ?? []).enumerated() {
                visit(item, as: itemType, at: path.appending(index), property: property, body)
            }
        case .map(let valueType):
            for entry in node.entries ?? [] {
                visit(entry.value, as: valueType, at: path.appending(entry.key), property: property, body)
            }
        case .object(let name):
            guard enters?.contains(name) ?? true, let object = schema.object(named: name) else { return }
            visitProperties(of: node, object, at: path, body)
        case .overrides:
            guard entersOverrides else { return }
            visitProperties(of: node, schema.root, at: path, body)
        default:
            return
        }
    }

    private func visitProperties(of node: LocatedNode, _ object: ObjectSchema, at path: ModelPath, _ body: (Visit) -> Void) {
        for entry in node.entries ?? [] {
            guard let property = object.property(entry.key) else { continue }
            visit(entry.value, as: property.type, at: path.appending(entry.key), property: property, body)
        }
    }
}
