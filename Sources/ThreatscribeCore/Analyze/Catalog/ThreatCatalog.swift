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
        let parser = try CatalogEntryParser(vocabulary: vocabulary, store: store)
        return try merged(parser.parseConcurrently(builtInFiles(of: store) + userFiles))
    }

    /// Loads a precompiled built-in catalog (parsed at build time by the same parser) and then the
    /// user's files, exactly as `load(builtIn:userFiles:vocabulary:)` does with the files it came from.
    /// User files are read against the standards reference of `store`.
    public static func load(precompiled: PrecompiledCatalog, userFiles: [SourceFile] = [],
                            vocabulary: FactVocabulary, store: ResourceStore = .builtIn) throws(DiagnosticList) -> ThreatCatalog {
        var parsed = parsedFiles(of: precompiled)
        if !userFiles.isEmpty {
            parsed += try CatalogEntryParser(vocabulary: vocabulary, store: store).parseConcurrently(userFiles)
        }
        return try merged(parsed)
    }

    /// A precompiled built-in catalog alone: no user file, so no vocabulary to check one against.
    static func load(precompiled: PrecompiledCatalog) throws(DiagnosticList) -> ThreatCatalog {
        try merged(parsedFiles(of: precompiled))
    }

    private static func parsedFiles(of precompiled: PrecompiledCatalog) -> [(CatalogEntryParser.Parsed?, [Diagnostic])] {
        precompiled.entries.map { (.entry($0), []) } + precompiled.overrides.map { (.override($0), []) }
    }

    /// The `Catalog/entries/` files of a resource store, in path order.
    static func builtInFiles(of store: ResourceStore) -> [SourceFile] {
        store.paths(under: "Catalog/entries/").filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { SourceFile(name: $0, text: store[$0] ?? "") }
    }

    /// The catalog from parsed files taken in order: duplicates and unknown overrides are errors, then
    /// overrides disable entries or fix their severity.
    private static func merged(_ parsedFiles: [(CatalogEntryParser.Parsed?, [Diagnostic])]) throws(DiagnosticList) -> ThreatCatalog {
        var diagnostics: [Diagnostic] = []
        var entries: [String: CatalogEntry] = [:]
        var overrides: [CatalogOverride] = []
        for (parsed, problems) in parsedFiles {
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
