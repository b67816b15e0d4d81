/// What an item of an overridden list does to the base list.
///
/// Without a directive, an override item changes the one base item with its identity
/// (`ObjectSchema.mergeIdentity`). `add: true` appends a new item; `remove: true` deletes the
/// one base item with its identity. Matching no base item, or several, is an error.
enum OverrideDirective: String, CaseIterable, Sendable {
    /// `add: true`: a new item the base does not have.
    case add
    /// `remove: true`: the base item with this identity is absent in this environment.
    case remove

    /// One line for the JSON Schema and the reference.
    var summary: String {
        switch self {
        case .add: "Overrides only: this item is new in the environment (the base has no item with its identity)."
        case .remove: "Overrides only: the one base item with this identity is absent in the environment; write only its identity keys."
        }
    }

    /// The directive keys, in documentation order.
    static let keys = allCases.map(\.rawValue)

    /// The directive an override item carries, `nil` for a change. Invalid values are
    /// reported by `SchemaValidation`; here anything but `true` counts as absent.
    static func of(_ item: LocatedNode) -> OverrideDirective? {
        allCases.first { item[$0.rawValue]?.scalarValue?.boolValue == true }
    }

    /// The item without its directive keys, as it appears in the merged model.
    static func stripped(_ item: LocatedNode) -> LocatedNode {
        guard let entries = item.entries else { return item }
        return .mapping(entries.filter { !keys.contains($0.key) }, at: item.location)
    }
}
