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

    /// Decodes and indexes the validated base tree `root`.
    init(root: LocatedNode, schema: ModelSchema) throws(DiagnosticList) {
        let decoding = ModelDecoding(schema: schema)
        let index = LocationIndex(schema: schema)
        var model = try decoding.decodeValues(root)
        var unresolved: [String: [UnresolvedValue]] = [:]
        var codeLocations: [String: [(ModelPath, SourceLocation)]] = [:]
        var allUnresolved: [UnresolvedValue] = []
        for entry in root.entries ?? [] {
            let values = UnresolvedForm.values(inSection: entry, schema: schema)
            unresolved[entry.key] = values
            allUnresolved += values
            codeLocations[entry.key] = index.codeLocations(inSection: entry)
        }
        model.unresolved = allUnresolved.isEmpty ? nil : allUnresolved
        self.schema = schema
        self.root = root
        self.model = model
        self.locations = root.entries.map { ModelLocations(inModel: Self.inModel(root, index: index), inCode: Self.inCode($0, codeLocations)) }
            ?? index.locations(of: root)
        self.unresolved = unresolved
        self.codeLocations = codeLocations
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

        var inModel = locations.inModel
        for entry in root.entries ?? [] where changed.contains(entry.key) {
            var stale: [ModelPath: SourceLocation] = [:]
            index.recordModelLocations(ofSection: entry, into: &stale)
            for path in stale.keys { inModel[path] = nil }
        }
        var allUnresolved: [UnresolvedValue] = []
        var codeLocations: [String: [(ModelPath, SourceLocation)]] = [:]
        for entry in entries {
            if changed.contains(entry.key) {
                allUnresolved += UnresolvedForm.values(inSection: entry, schema: schema)
                codeLocations[entry.key] = index.codeLocations(inSection: entry)
                index.recordModelLocations(ofSection: entry, into: &inModel)
            } else {
                allUnresolved += unresolved[entry.key] ?? []
                codeLocations[entry.key] = self.codeLocations[entry.key] ?? []
            }
        }
        model.unresolved = allUnresolved.isEmpty ? nil : allUnresolved
        return (model, ModelLocations(inModel: inModel, inCode: Self.inCode(entries, codeLocations)))
    }

    /// The tree's model-file places, as `LocationIndex.locations(of:)` records them.
    private static func inModel(_ root: LocatedNode, index: LocationIndex) -> [ModelPath: SourceLocation] {
        var inModel: [ModelPath: SourceLocation] = [.root: root.location]
        inModel.reserveCapacity(1 + LocationIndex.count(root))
        for entry in root.entries ?? [] { index.recordModelLocations(ofSection: entry, into: &inModel) }
        return inModel
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
