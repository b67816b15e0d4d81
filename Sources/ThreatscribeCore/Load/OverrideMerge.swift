/// Merges an environment's `overrides` over the base model, keeping every value's own location.
///
/// Mappings merge key by key. Lists of objects with a merge identity (`ObjectSchema.mergeIdentity`:
/// middleware by `id` else `type`; auth, clients, data stores, external services by `id`; routers by
/// `prefix`; endpoints by `path` + `methods`) merge item by item, and unmatched override items are
/// appended. Every other value, including other lists, is replaced. An explicit `null` sets null.
struct OverrideMerge {
    let schema: ModelSchema

    /// The base model with `overrides` merged in.
    func merged(_ base: LocatedNode, with overrides: LocatedNode) -> LocatedNode {
        merge(base, overrides, as: .object(schema.rootName))
    }

    private func merge(_ base: LocatedNode, _ override: LocatedNode, as type: ValueType) -> LocatedNode {
        if override.isNull { return override }
        switch type {
        case .object(let name):
            guard let object = schema.object(named: name) else { return override }
            return mergeMappings(base, override) { key in object.property(key)?.type }
        case .map(let valueType):
            return mergeMappings(base, override) { _ in valueType }
        case .list(.object(let name)):
            guard let object = schema.object(named: name), !object.mergeIdentity.isEmpty,
                  let baseItems = base.items, let overrideItems = override.items else { return override }
            return .sequence(mergeItems(baseItems, overrideItems, object), at: base.location)
        default:
            return override
        }
    }

    private func mergeMappings(_ base: LocatedNode, _ override: LocatedNode, type: (String) -> ValueType?) -> LocatedNode {
        guard let baseEntries = base.entries, let overrideEntries = override.entries else { return override }
        var entries = baseEntries
        for entry in overrideEntries {
            guard let index = entries.firstIndex(where: { $0.key == entry.key }) else {
                entries.append(entry)
                continue
            }
            let value = type(entry.key).map { merge(entries[index].value, entry.value, as: $0) } ?? entry.value
            entries[index] = LocatedEntry(key: entry.key, keyLocation: entry.keyLocation, value: value)
        }
        return .mapping(entries, at: base.location)
    }

    private func mergeItems(_ baseItems: [LocatedNode], _ overrideItems: [LocatedNode], _ object: ObjectSchema) -> [LocatedNode] {
        var items = baseItems
        for overrideItem in overrideItems {
            let identity = Self.identity(of: overrideItem, object)
            if let identity, let index = items.firstIndex(where: { Self.identity(of: $0, object) == identity }) {
                items[index] = merge(items[index], overrideItem, as: .object(object.name))
            } else {
                items.append(overrideItem)
            }
        }
        return items
    }

    /// The item's identity under the first alternative of `object.mergeIdentity` whose keys it has.
    static func identity(of item: LocatedNode, _ object: ObjectSchema) -> String? {
        guard item.entries != nil else { return nil }
        for alternative in object.mergeIdentity {
            let values = alternative.map { key in item[key].flatMap(identityText) }
            if values.allSatisfy({ $0 != nil }) {
                return values.map { $0! }.joined(separator: "\u{1F}")
            }
        }
        return nil
    }

    /// A scalar's text, or a list's sorted upper-cased texts (`methods: [get, POST]` = `[POST, GET]`).
    private static func identityText(_ node: LocatedNode) -> String? {
        if let scalar = node.scalarValue { return scalar.kind == .null ? nil : scalar.text }
        guard let items = node.items else { return nil }
        return items.compactMap { $0.scalarValue?.text.uppercased() }.sorted().joined(separator: ",")
    }
}
