/// Builds `ModelLocations` from a located tree: the place of every path in the model file,
/// and the code place named by every `source:` key (and by the lock file of a locked version).
struct LocationIndex {
    let schema: ModelSchema

    func locations(of root: LocatedNode) -> ModelLocations {
        var inModel: [ModelPath: SourceLocation] = [.root: root.location]
        record(root, at: .root, into: &inModel)
        var inCode: [ModelPath: SourceLocation] = [:]
        SchemaWalk(schema: schema, entersOverrides: false).visit(root) { visit in
            // A version resolved by a lock file cites the lock file's line: `1.3.1 (uv.lock:1277)`.
            if visit.type == .version, let scalar = visit.node.scalarValue, let lockFile = VersionRequirement(scalar.text)?.lockFile,
               let reference = CodeReference(parsing: lockFile) {
                inCode[visit.path] = reference.location
                return
            }
            // A value left unresolved cites the code that computes it.
            if visit.property?.acceptsUnresolved == true, visit.property?.type == visit.type,
               let source = UnresolvedForm.value(visit.node, at: visit.path)?.source, let reference = CodeReference(parsing: source) {
                inCode[visit.path] = reference.location
                return
            }
            guard visit.type == .codeReference, let scalar = visit.node.scalarValue,
                  let reference = CodeReference(parsing: scalar.text), let owner = visit.path.parent else { return }
            inCode[owner] = reference.location
        }
        return ModelLocations(inModel: inModel, inCode: inCode)
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
