/// Builds `ModelLocations` from a located tree: the place of every path in the model file,
/// and the code place named by every `source:` key (and by the lock file of a locked version).
///
/// Every path but the root's lies under one top-level key (a section); the index of a tree is
/// the root's place plus each section's, so an environment re-indexes only the sections it changes.
struct LocationIndex {
    let schema: ModelSchema

    func locations(of root: LocatedNode) -> ModelLocations {
        var inModel: [ModelPath: SourceLocation] = [.root: root.location]
        inModel.reserveCapacity(1 + Self.count(root))
        var inCode: [ModelPath: SourceLocation] = [:]
        guard let entries = root.entries else {
            record(root, at: .root, into: &inModel)
            return ModelLocations(inModel: inModel, inCode: inCode)
        }
        for entry in entries {
            recordModelLocations(ofSection: entry, into: &inModel)
            for (path, location) in codeLocations(inSection: entry) { inCode[path] = location }
        }
        return ModelLocations(inModel: inModel, inCode: inCode)
    }

    /// The model-file places of a top-level entry and of everything inside it; all their paths
    /// start with the entry's key.
    func recordModelLocations(ofSection entry: LocatedEntry, into inModel: inout [ModelPath: SourceLocation]) {
        let path = ModelPath.root.appending(entry.key)
        inModel[path] = entry.keyLocation
        record(entry.value, at: path, into: &inModel)
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
    private func record(_ node: LocatedNode, at path: ModelPath, into inModel: inout [ModelPath: SourceLocation]) {
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
