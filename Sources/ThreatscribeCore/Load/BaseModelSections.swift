/// The decoded base model and its locations, with what each top-level key (section) contributes, so
/// that an environment redoes only the sections its overrides change.
///
/// `OverrideMerge` builds an environment's tree from the base's entries in the base's order, replacing
/// the entries whose keys the overrides name and appending keys the base lacks; every other entry is
/// the base's own. Its model is the base model with the changed properties decoded again; its
/// locations are the base's with the changed sections indexed again.
struct BaseModelSections {
    let schema: ModelSchema
    /// The base tree, validated.
    let root: LocatedNode
    let model: ArchitectureModel
    let locations: ModelLocations
    /// By top-level key: the values the section leaves unresolved, and its code places, in walk order.
    private let unresolved: [String: [UnresolvedValue]]
    private let codeLocations: [String: [(ModelPath, SourceLocation)]]

    /// Decodes and indexes the validated base tree `root`; the two run concurrently.
    init(root: LocatedNode, schema: ModelSchema) throws(DiagnosticList) {
        let (decoded, indexed) = concurrently({ Result { () throws(DiagnosticList) in try ModelDecoding(schema: schema).decodeValues(root) } }) {
            Self.index(root, schema: schema)
        }
        try self.init(root: root, schema: schema, decoded: decoded.get(), indexed: indexed)
    }

    /// The base tree `root` with its model decoded (`ModelDecoding.decodeValues`) and its index (`index(_:schema:)`).
    init(root: LocatedNode, schema: ModelSchema, decoded: ArchitectureModel, indexed: Indexed) {
        var model = decoded
        model.unresolved = indexed.allUnresolved.isEmpty ? nil : indexed.allUnresolved
        self.schema = schema
        self.root = root
        self.model = model
        self.locations = indexed.locations
        self.unresolved = indexed.unresolved
        self.codeLocations = indexed.codeLocations
    }

    /// Indexes the base tree `root`: its locations, and per section its unresolved values and code places.
    /// It needs no validation (only the shape of the tree), so it may run while `root` is being checked.
    static func index(_ root: LocatedNode, schema: ModelSchema) -> Indexed {
        let index = LocationIndex(schema: schema)
        var unresolved: [String: [UnresolvedValue]] = [:]
        var codeLocations: [String: [(ModelPath, SourceLocation)]] = [:]
        var allUnresolved: [UnresolvedValue] = []
        for entry in root.entries ?? [] {
            let values = UnresolvedForm.values(inSection: entry, schema: schema)
            unresolved[entry.key] = values
            allUnresolved += values
            codeLocations[entry.key] = index.codeLocations(inSection: entry)
        }
        let locations = root.entries.map { ModelLocations(sections: Self.sections(root), inCode: Self.inCode($0, codeLocations)) }
            ?? index.locations(of: root)
        return Indexed(unresolved: unresolved, codeLocations: codeLocations, allUnresolved: allUnresolved, locations: locations)
    }

    /// What indexing the base tree gives: per section its unresolved values and code places, and the locations.
    struct Indexed: Sendable {
        var unresolved: [String: [UnresolvedValue]]
        var codeLocations: [String: [(ModelPath, SourceLocation)]]
        var allUnresolved: [UnresolvedValue]
        var locations: ModelLocations
    }

    /// The model and locations of `merged`, the base with overrides whose top-level keys are `changed`
    /// merged in; the same as decoding and indexing the whole validated `merged` tree.
    func environment(_ merged: LocatedNode, changing changed: Set<String>) throws(DiagnosticList) -> (model: ArchitectureModel, locations: ModelLocations) {
        let decoding = ModelDecoding(schema: schema)
        let index = LocationIndex(schema: schema)
        guard let entries = merged.entries, root.entries != nil else {
            return (try decoding.decode(merged), index.locations(of: merged))
        }
        var model = self.model
        for entry in entries where changed.contains(entry.key) {
            guard try decoding.decode(section: entry, of: merged, into: &model) else {
                return (try decoding.decode(merged), index.locations(of: merged))
            }
        }
        decoding.restoreDisabledRoutes(in: &model, from: merged)

        // The base's sections the overrides change are replaced by the merged tree's; the others are shared.
        var sections = locations.sections
        for key in changed { sections[.key(key)] = nil }
        var allUnresolved: [UnresolvedValue] = []
        var codeLocations: [String: [(ModelPath, SourceLocation)]] = [:]
        for entry in entries {
            if changed.contains(entry.key) {
                allUnresolved += UnresolvedForm.values(inSection: entry, schema: schema)
                codeLocations[entry.key] = index.codeLocations(inSection: entry)
                sections[.key(entry.key)] = .located(entry)
            } else {
                allUnresolved += unresolved[entry.key] ?? []
                codeLocations[entry.key] = self.codeLocations[entry.key] ?? []
            }
        }
        model.unresolved = allUnresolved.isEmpty ? nil : allUnresolved
        return (model, ModelLocations(sections: sections, inCode: Self.inCode(entries, codeLocations)))
    }

    /// The tree's model-file places, as `LocationIndex.locations(of:)` holds them, by section.
    private static func sections(_ root: LocatedNode) -> [ModelPath.Component?: ModelLocations.Section] {
        var sections: [ModelPath.Component?: ModelLocations.Section] = [nil: .listed([.root: root.location])]
        for entry in root.entries ?? [] { sections[.key(entry.key)] = .located(entry) }
        return sections
    }

    /// The code places of a tree with these entries, section after section as `LocationIndex.locations(of:)` records them.
    private static func inCode(_ entries: [LocatedEntry], _ codeLocations: [String: [(ModelPath, SourceLocation)]]) -> [ModelPath: SourceLocation] {
        var inCode: [ModelPath: SourceLocation] = [:]
        for entry in entries {
            for (path, location) in codeLocations[entry.key] ?? [] { inCode[path] = location }
        }
        return inCode
    }
}
