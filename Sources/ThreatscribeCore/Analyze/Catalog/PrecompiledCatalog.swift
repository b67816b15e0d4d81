import Foundation

/// The built-in catalog files as parsed at build time, so start-up does not parse YAML.
///
/// The build-tool plugin `PrecompiledCatalogPlugin` runs `CatalogCompiler`, which parses `Catalog/` with the
/// same `CatalogEntryParser` as user catalogs and writes this value as JSON into the binary;
/// `ThreatCatalog.load(precompiled:userFiles:vocabulary:)` merges user files into it.
public struct PrecompiledCatalog: Sendable, Equatable, Codable {
    /// Entries in the order of their files' paths, as parsed (before overrides).
    public var entries: [CatalogEntry]
    /// Overrides among the files, in path order.
    public var overrides: [CatalogOverride]

    public init(entries: [CatalogEntry], overrides: [CatalogOverride]) {
        self.entries = entries
        self.overrides = overrides
    }

    /// Parses the `Catalog/entries/` files of `store`; any problem at all is an error, as is anything
    /// `ThreatCatalog.load` would reject (a duplicate id, an override of an unknown entry).
    public static func compiling(_ store: ResourceStore, vocabulary: FactVocabulary) throws(DiagnosticList) -> PrecompiledCatalog {
        let parsed = try CatalogEntryParser(vocabulary: vocabulary, store: store).parseConcurrently(ThreatCatalog.builtInFiles(of: store))
        let problems = parsed.flatMap(\.1)
        if !problems.isEmpty { throw DiagnosticList(problems) }
        var catalog = PrecompiledCatalog(entries: [], overrides: [])
        for case let (file?, _) in parsed {
            switch file {
            case .entry(let entry): catalog.entries.append(entry)
            case .override(let override): catalog.overrides.append(override)
            }
        }
        _ = try ThreatCatalog.load(precompiled: catalog, vocabulary: vocabulary, store: store)
        return catalog
    }

    /// The catalog as JSON (keys sorted, so the same catalog always gives the same text).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads the JSON written by `json()`.
    public init(json: String) throws {
        self = try JSONDecoder().decode(PrecompiledCatalog.self, from: Data(json.utf8))
    }
}

extension ThreatReach: Codable {}
