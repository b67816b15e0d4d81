import ThreatscribeCore

/// The built-in threat catalog, parsed at build time (see `PrecompiledCatalog`), so start-up reads no YAML.
public enum BuiltInCatalog {
    /// The built-in entries as the build parsed them from `Catalog/`.
    public static func precompiled() throws(DiagnosticList) -> PrecompiledCatalog {
        do { return try PrecompiledCatalog(json: precompiledCatalogJSON) } catch {
            throw DiagnosticList([Diagnostic(.error, "the precompiled built-in catalog is unreadable: \(error)", at: nil)])
        }
    }

    /// The built-in catalog plus the user's catalog files: the same result as
    /// `ThreatCatalog.load(builtIn: .builtIn, userFiles:vocabulary:)`, without parsing the built-in YAML.
    public static func load(userFiles: [ThreatCatalog.SourceFile] = [], vocabulary: FactVocabulary) throws(DiagnosticList) -> ThreatCatalog {
        try ThreatCatalog.load(precompiled: precompiled(), userFiles: userFiles, vocabulary: vocabulary)
    }
}
