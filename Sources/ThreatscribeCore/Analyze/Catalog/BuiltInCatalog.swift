/// The built-in threat catalog, parsed when the generated files were last regenerated (see
/// `PrecompiledCatalog`), so start-up reads no YAML.
public enum BuiltInCatalog {
    /// The built-in entries as `threatscribe catalog precompile` parsed them from `Catalog/`
    /// (committed in `Generated/PrecompiledCatalogJSON.swift`).
    public static func precompiled() throws(DiagnosticList) -> PrecompiledCatalog {
        do { return try PrecompiledCatalog(json: PrecompiledCatalogJSON.text) } catch {
            throw DiagnosticList([Diagnostic(.error, "the precompiled built-in catalog is unreadable (run bash scripts/regenerate.sh): \(error)", at: nil)])
        }
    }

    /// The built-in catalog plus the user's catalog files: the same result as
    /// `ThreatCatalog.load(builtIn: .builtIn, userFiles:vocabulary:)`, without parsing the built-in YAML.
    /// `vocabulary` is worked out only when there are user files to check against it.
    public static func load(userFiles: [ThreatCatalog.SourceFile] = [], vocabulary: @autoclosure () -> FactVocabulary) throws(DiagnosticList) -> ThreatCatalog {
        let catalog = try precompiled()
        guard !userFiles.isEmpty else { return try ThreatCatalog.load(precompiled: catalog) }
        return try ThreatCatalog.load(precompiled: catalog, userFiles: userFiles, vocabulary: vocabulary())
    }
}
