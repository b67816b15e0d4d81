/// Merges an environment's `overrides` over the base model, keeping every value's own location.
///
/// Mappings merge key by key. Lists of objects with a merge identity (`ObjectSchema.mergeIdentity`:
/// middleware by `id` else `type`; auth, clients, data stores, external services by `id`; routers by
/// `prefix`; endpoints by `path` + `methods`) merge item by item: an override item changes the one
/// base item with its identity, `add: true` appends it, `remove: true` deletes the one it matches
/// (see `OverrideDirective`). An item that matches no base item or several is a problem with the
/// item's location. Every other value, including other lists, is replaced. An explicit `null` sets null.
struct OverrideMerge {
    let schema: ModelSchema

    /// The base model with `overrides` merged in, and the problems of items that match wrongly.
    func merged(_ base: LocatedNode, with overrides: LocatedNode) -> (tree: LocatedNode, problems: [Diagnostic]) {
        var problems: [Diagnostic] = []
        let tree = merge(base, overrides, as: .object(schema.rootName), at: .root, problems: &problems)
        return (tree, problems)
    }

    private func merge(_ base: LocatedNode?, _ override: LocatedNode, as type: ValueType, at path: ModelPath, problems: inout [Diagnostic]) -> LocatedNode {
        if override.isNull { return override }
        switch type {
        case .object(let name):
            // An object the base lacks merges over an empty one, so lists inside it follow the same rules.
            guard let object = schema.object(named: name) else { return override }
            return mergeMappings(base ?? .mapping([], at: override.location), override, at: path, problems: &problems) { key in object.property(key)?.type }
        case .map(let valueType):
            guard let base else { return override }
            return mergeMappings(base, override, at: path, problems: &problems) { _ in valueType }
        case .list(.object(let name)):
            guard let object = schema.object(named: name), !object.mergeIdentity.isEmpty,
                  let overrideItems = override.items else { return override }
            let baseItems = base?.items ?? []
            let items = mergeItems(baseItems, overrideItems, object, at: path, problems: &problems)
            return .sequence(items, at: base?.location ?? override.location)
        default:
            return override
        }
    }

    private func mergeMappings(_ base: LocatedNode, _ override: LocatedNode, at path: ModelPath, problems: inout [Diagnostic], type: (String) -> ValueType?) -> LocatedNode {
        guard let baseEntries = base.entries, let overrideEntries = override.entries else { return override }
        var entries = baseEntries
        for entry in overrideEntries {
            let index = entries.firstIndex { $0.key == entry.key }
            let baseValue = index.map { entries[$0].value }
            let value = type(entry.key).map { merge(baseValue, entry.value, as: $0, at: path.appending(entry.key), problems: &problems) } ?? entry.value
            let merged = LocatedEntry(key: entry.key, keyLocation: entry.keyLocation, value: value)
            if let index { entries[index] = merged } else { entries.append(merged) }
        }
        return .mapping(entries, at: base.location)
    }

    private func mergeItems(_ baseItems: [LocatedNode], _ overrideItems: [LocatedNode], _ object: ObjectSchema, at path: ModelPath, problems: inout [Diagnostic]) -> [LocatedNode] {
        var items: [LocatedNode?] = baseItems
        for (position, overrideItem) in overrideItems.enumerated() {
            let itemPath = path.appending(position)
            let directive = OverrideDirective.of(overrideItem)
            if directive == .add || (directive == nil && overrideItem[OverrideDirective.add.rawValue] != nil) {
                let added = rejectDirectives(inside: OverrideDirective.stripped(overrideItem), object, at: itemPath, problems: &problems)
                if let key = Self.matchingKey(of: overrideItem, object),
                   let existing = items.compactMap({ $0 }).first(where: { Self.identity(of: $0, object) == key.identity }) {
                    problems.append(Diagnostic(.error, "`\(itemPath)` has `add: true` but the base already has an item with \(key.description) (line \(existing.location.line)); leave out `add` to change that item", at: overrideItem.location))
                }
                items.append(added)
                continue
            }
            guard let key = Self.matchingKey(of: overrideItem, object) else {
                let keys = object.mergeIdentity.flatMap { $0 }.map { "`\($0)`" }.joined(separator: " or ")
                problems.append(Diagnostic(.error, "`\(itemPath)` in the overrides has no \(keys) to match a base item by; write it, or `add: true` to add a new item", at: overrideItem.location))
                continue
            }
            let matches = items.indices.filter { items[$0].map { Self.identity(of: $0, object) == key.identity } ?? false }
            switch matches.count {
            case 1:
                let index = matches[0]
                if directive == .remove {
                    items[index] = nil
                } else {
                    items[index] = merge(items[index], OverrideDirective.stripped(overrideItem), as: .object(object.name), at: itemPath, problems: &problems)
                }
            case 0:
                let base = path.components.isEmpty ? "the base" : "the base `\(path)`"
                var message = directive == .remove
                    ? "`\(itemPath)` has `remove: true` but \(base) has no item with \(key.description)"
                    : "`\(itemPath)` in the overrides matches no item of \(base) with \(key.description)"
                let candidates = items.compactMap { $0.flatMap { Self.matchingKey(of: $0, object)?.value } }
                if !key.value.isEmpty, let suggestion = Suggestion.closest(to: key.value, in: candidates) {
                    message += "; did you mean `\(suggestion)`?"
                } else if directive != .remove {
                    message += "; write `add: true` to add a new item"
                }
                problems.append(Diagnostic(.error, message, at: overrideItem.location))
            default:
                let lines = matches.compactMap { items[$0]?.location.line }.map(String.init).joined(separator: ", ")
                problems.append(Diagnostic(.error, "`\(itemPath)` in the overrides matches \(matches.count) base items with \(key.description) (lines \(lines)); give them distinct `\(object.mergeIdentity.first?.first ?? "id")`s and match by that", at: overrideItem.location))
            }
        }
        return items.compactMap { $0 }
    }

    /// `item` without directive keys in its nested lists; each such key is a problem, since an
    /// added item has no base items for them to act on.
    private func rejectDirectives(inside item: LocatedNode, _ object: ObjectSchema, at path: ModelPath, problems: inout [Diagnostic]) -> LocatedNode {
        guard var entries = item.entries else { return item }
        for (entryIndex, entry) in entries.enumerated() {
            guard case .list(.object(let name))? = object.property(entry.key)?.type, let nested = schema.object(named: name),
                  !nested.mergeIdentity.isEmpty, let items = entry.value.items else { continue }
            var cleaned: [LocatedNode] = []
            for (position, nestedItem) in items.enumerated() {
                let nestedPath = path.appending(entry.key).appending(position)
                for key in OverrideDirective.keys {
                    guard let directive = nestedItem.entries?.first(where: { $0.key == key }) else { continue }
                    problems.append(Diagnostic(.error, "`\(key)` in `\(nestedPath)` has no base item to act on: `\(path)` is added as a whole", at: directive.keyLocation))
                }
                cleaned.append(rejectDirectives(inside: OverrideDirective.stripped(nestedItem), nested, at: nestedPath, problems: &problems))
            }
            entries[entryIndex].value = .sequence(cleaned, at: entry.value.location)
        }
        return .mapping(entries, at: item.location)
    }

    /// An item's identity with the words that describe it in messages.
    struct MatchingKey {
        /// Compared between items (`OverrideMerge.identity(of:_:)`).
        var identity: String
        /// `id: cors`, `path: /items` + `methods: [GET]`, `no prefix`.
        var description: String
        /// The identity as the user wrote it, for "did you mean".
        var value: String
    }

    /// The item's identity under the first alternative of `object.mergeIdentity` whose keys it has.
    static func matchingKey(of item: LocatedNode, _ object: ObjectSchema) -> MatchingKey? {
        guard item.entries != nil else { return nil }
        for alternative in object.mergeIdentity {
            let values = alternative.map { key in item[key].flatMap(identityText) }
            guard values.allSatisfy({ $0 != nil }) else { continue }
            let texts = values.map { $0! }
            let written = alternative.map { key in item[key].map(writtenText) ?? "" }
            let description = alternative.isEmpty
                ? "no `\(object.mergeIdentity.first?.first ?? "id")`"
                : zip(alternative, written).map { "`\($0): \($1)`" }.joined(separator: " + ")
            return MatchingKey(identity: texts.joined(separator: "\u{1F}"), description: description, value: written.joined(separator: " "))
        }
        return nil
    }

    /// The item's identity under the first alternative of `object.mergeIdentity` whose keys it has.
    static func identity(of item: LocatedNode, _ object: ObjectSchema) -> String? {
        matchingKey(of: item, object)?.identity
    }

    /// A scalar's text, or a list's sorted upper-cased texts (`methods: [get, POST]` = `[POST, GET]`).
    private static func identityText(_ node: LocatedNode) -> String? {
        if let scalar = node.scalarValue { return scalar.kind == .null ? nil : scalar.text }
        guard let items = node.items else { return nil }
        return items.compactMap { $0.scalarValue?.text.uppercased() }.sorted().joined(separator: ",")
    }

    /// `cors`, or `[GET, POST]` for a list.
    private static func writtenText(_ node: LocatedNode) -> String {
        if let scalar = node.scalarValue { return scalar.text }
        return "[" + (node.items ?? []).compactMap { $0.scalarValue?.text }.joined(separator: ", ") + "]"
    }
}
