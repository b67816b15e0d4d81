/// Builds `ModelLocations` from a located tree: the place of every path in the model file,
/// and the code place named by every `source:` key (and by the lock file of a locked version).
///
/// Every path but the root's lies under one top-level key (a section); the index of a tree is
/// the root's place plus each section's, so an environment re-indexes only the sections it changes.
struct LocationIndex {
    let schema: ModelSchema

    func locations(of root: LocatedNode) -> ModelLocations {
        var inModel: [ModelPath: SourceLocation] = [.root: root.location]
        var inCode: [ModelPath: SourceLocation] = [:]
        guard let entries = root.entries else {
            inModel.reserveCapacity(1 + Self.count(root))
            Self.record(root, at: .root, into: &inModel)
            return ModelLocations(inModel: inModel, inCode: inCode)
        }
        var sections: [ModelPath.Component?: ModelLocations.Section] = [nil: .listed(inModel)]
        for entry in entries {
            sections[.key(entry.key)] = .located(entry)
            for (path, location) in codeLocations(inSection: entry) { inCode[path] = location }
        }
        return ModelLocations(sections: sections, inCode: inCode)
    }

    /// The model-file places of a top-level entry and of everything inside it; all their paths
    /// start with the entry's key.
    static func recordModelLocations(ofSection entry: LocatedEntry, into inModel: inout [ModelPath: SourceLocation]) {
        let path = ModelPath.root.appending(entry.key)
        inModel[path] = entry.keyLocation
        record(entry.value, at: path, into: &inModel)
    }

    /// The place of the deepest value along `components` below a top-level `entry` (the entry's key when
    /// the first component leads nowhere): what the places `recordModelLocations(ofSection:into:)` records
    /// give for the path and its ancestors.
    static func deepestLocation(along components: ArraySlice<ModelPath.Component>, in entry: LocatedEntry) -> SourceLocation {
        var location = entry.keyLocation
        var node = entry.value
        for component in components {
            switch (component, node) {
            case (.key(let key), .mapping(let entries, _)):
                guard let found = entries.first(where: { $0.key == key }) else { return location }
                location = found.keyLocation
                node = found.value
            case (.index(let index), .sequence(let items, _)):
                guard items.indices.contains(index) else { return location }
                location = items[index].location
                node = items[index]
            default:
                return location
            }
        }
        return location
    }

    /// The code places a top-level entry names, in the order the whole-tree index records them (a later
    /// one for the same path wins). A `source:` at the top level names the root's code place.
    func codeLocations(inSection entry: LocatedEntry) -> [(ModelPath, SourceLocation)] {
        var found: [(ModelPath, SourceLocation)] = []
        SchemaWalk(schema: schema, entersOverrides: false).visit(section: entry) { visit in
            // A version resolved by a lock file cites the lock file's line: `1.3.1 (uv.lock:1277)`.
            if visit.type == .version, let scalar = visit.node.scalarValue, let lockFile = VersionRequirement(scalar.text)?.lockFile,
               let reference = CodeReference(parsing: lockFile) {
                found.append((visit.path, reference.location))
                return
            }
            // A value left unresolved cites the code that computes it.
            if visit.property?.acceptsUnresolved == true, visit.property?.type == visit.type,
               let source = UnresolvedForm.value(visit.node, at: visit.path)?.source, let reference = CodeReference(parsing: source) {
                found.append((visit.path, reference.location))
                return
            }
            guard visit.type == .codeReference, let scalar = visit.node.scalarValue,
                  let reference = CodeReference(parsing: scalar.text), let owner = visit.path.parent else { return }
            found.append((owner, reference.location))
        }
        return found
    }

    /// How many places `locations(of:)` records below `node` (one per mapping entry and list item), to
    /// size the index once instead of growing it.
    static func count(_ node: LocatedNode) -> Int {
        switch node {
        case .scalar: 0
        case .sequence(let items, _): items.reduce(items.count) { $0 + count($1) }
        case .mapping(let entries, _): entries.reduce(entries.count) { $0 + count($1.value) }
        }
    }

    /// Mapping entries are located at their key; list items at the item.
    private static func record(_ node: LocatedNode, at path: ModelPath, into inModel: inout [ModelPath: SourceLocation]) {
        switch node {
        case .scalar:
            return
        case .sequence(let items, _):
            for (index, item) in items.enumerated() {
                let itemPath = path.appending(index)
                inModel[itemPath] = item.location
                record(item, at: itemPath, into: &inModel)
            }
        case .mapping(let entries, _):
            for entry in entries {
                let entryPath = path.appending(entry.key)
                inModel[entryPath] = entry.keyLocation
                record(entry.value, at: entryPath, into: &inModel)
            }
        }
    }
}
