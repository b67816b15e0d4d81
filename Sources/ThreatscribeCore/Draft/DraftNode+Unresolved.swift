import Foundation

extension DraftNode {
    /// The draft with each `UNRESOLVED key = expression (file:line): state it` note the extractor
    /// writes turned into `key: {unresolved: expression, source: file:line}` wherever the schema lets
    /// that key be unresolved, so the analysis reads the value as unknown instead of as absent (the
    /// framework's default). Notes on other keys (an app's `title`) stay comments.
    public func writingUnresolvedValues(schema: ModelSchema = .current) -> DraftNode {
        converted(as: .object(schema.rootName), schema: schema)
    }

    private func converted(as type: ValueType, schema: ModelSchema) -> DraftNode {
        var node = self
        switch (type, value) {
        case (.list(let item), .sequence(let items)):
            node.value = .sequence(items.map { $0.converted(as: item, schema: schema) })
        case (.object, .mapping(let members)), (.overrides, .mapping(let members)):
            let name: String = if case .object(let name) = type { name } else { schema.rootName }
            guard let object = schema.object(named: name) else { return node }
            var result: [Member] = []
            for member in members {
                switch member {
                case .pair(let key, let child):
                    result.append(.pair(key: key, value: object.property(key).map { child.converted(as: $0.type, schema: schema) } ?? child))
                case .note(let text):
                    guard let parsed = Self.unresolvedNote(text), object.property(parsed.key)?.acceptsUnresolved == true,
                          !result.contains(where: { if case .pair(parsed.key, _) = $0 { true } else { false } }),
                          !members.contains(where: { if case .pair(parsed.key, _) = $0 { true } else { false } }) else {
                        result.append(member)
                        continue
                    }
                    result.append(.pair(key: parsed.key, value: .unresolved(parsed.expression, source: parsed.source, comment: parsed.comment)))
                }
            }
            node.value = .mapping(result)
        default:
            break
        }
        return node
    }

    /// The key, expression and source of an extractor note: `UNRESOLVED debug = settings.DEBUG
    /// (app/main.py:15): state it` (a detail may follow the place after `; `), or `UNRESOLVED
    /// allow_origins: comes from CORS_ORIGINS in this environment; state it` (a setting an environment sets).
    static func unresolvedNote(_ text: String) -> (key: String, expression: String, source: String?, comment: String?)? {
        guard text.hasPrefix("UNRESOLVED ") else { return nil }
        let body = text.dropFirst("UNRESOLVED ".count)
        if let colon = body.range(of: ": comes from "), body.hasSuffix(" in this environment; state it") {
            let key = String(body[..<colon.lowerBound])
            let setting = body[colon.upperBound...].dropLast(" in this environment; state it".count)
            guard isKey(key), !setting.isEmpty else { return nil }
            return (key, String(setting), nil, "the setting \(setting), as this environment sets it")
        }
        guard body.hasSuffix("): state it"), let equals = body.range(of: " = ") else { return nil }
        let key = String(body[..<equals.lowerBound])
        let rest = body[equals.upperBound...].dropLast("): state it".count)
        guard isKey(key) else { return nil }
        // The place is the first ` (` followed by a code reference that ends the note or a `;` (a
        // detail follows, itself possibly with parentheses); the expression is everything before it.
        var search = rest.startIndex..<rest.endIndex
        while let open = rest.range(of: " (", range: search) {
            let place = rest[open.upperBound...]
            let parts = place.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
            let source = String(parts[0])
            if !source.contains(" "), CodeReference(parsing: source) != nil, open.lowerBound > rest.startIndex {
                let detail = parts.count > 1 ? parts[1].trimmingWhitespaces : nil
                return (key, String(rest[..<open.lowerBound]), source, detail.flatMap { $0.isEmpty ? nil : $0 })
            }
            search = open.upperBound..<rest.endIndex
        }
        return nil
    }

    private static func isKey(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "_" }
    }
}
