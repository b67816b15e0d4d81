/// The threats threatscribe knows: built-in entries plus any a user loads, with user overrides applied.
public struct ThreatCatalog: Sendable {
    /// Entries sorted by id; disabled ones are removed.
    public var entries: [CatalogEntry]
    /// Ids a user override disabled.
    public var disabledIDs: [String]

    /// A catalog source: one file's text and the name to cite in diagnostics.
    public struct SourceFile: Sendable {
        public var name: String
        public var text: String
        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// Loads the entries of `builtIn` (the `Catalog/entries/` files of a resource store) and then the user's
    /// files, which may add entries or override built-in ones. All problems are reported together.
    public static func load(builtIn store: ResourceStore, userFiles: [SourceFile] = [],
                            vocabulary: FactVocabulary) throws(DiagnosticList) -> ThreatCatalog {
        let reference: StandardsReference
        do { reference = try StandardsReference.load(from: store) } catch {
            throw DiagnosticList([Diagnostic(.error, "cannot read the standards reference: \(error)", at: nil)])
        }
        let parser = CatalogEntryParser(vocabulary: vocabulary, reference: reference)
        let builtInFiles = store.paths(under: "Catalog/entries/").filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { SourceFile(name: $0, text: store[$0] ?? "") }

        var diagnostics: [Diagnostic] = []
        var entries: [String: CatalogEntry] = [:]
        var overrides: [CatalogOverride] = []
        // Files are parsed concurrently and taken in order, so diagnostics and duplicates read as before.
        for (parsed, problems) in (builtInFiles + userFiles).concurrentMap({ parser.parse(text: $0.text, file: $0.name) }) {
            diagnostics += problems
            switch parsed {
            case .entry(let entry)?:
                if let existing = entries[entry.id] {
                    diagnostics.append(Diagnostic(.error, "duplicate entry id `\(DiagnosticText.excerpt(entry.id))` (first defined at \(existing.location))", at: entry.location))
                } else {
                    entries[entry.id] = entry
                }
            case .override(let override)?:
                overrides.append(override)
            case nil:
                break
            }
        }
        var disabled: [String] = []
        for override in overrides {
            guard entries[override.id] != nil else {
                let hint = Suggestion.closest(to: override.id, in: Array(entries.keys)).map { "; did you mean `\($0)`?" } ?? ""
                diagnostics.append(Diagnostic(.error, "override names unknown entry `\(DiagnosticText.excerpt(override.id))`\(hint)", at: override.location))
                continue
            }
            if override.disabled {
                entries[override.id] = nil
                disabled.append(override.id)
            } else if let severity = override.severity {
                entries[override.id]?.severityOverride = severity
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }
        return ThreatCatalog(entries: entries.values.sorted { $0.id < $1.id }, disabledIDs: disabled.sorted())
    }

    public func entry(id: String) -> CatalogEntry? { entries.first { $0.id == id } }
}
