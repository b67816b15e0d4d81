/// Text files the pipeline reads (templates, catalog entries), keyed by repository-style paths
/// such as `Templates/threat-model.md.mustache` or `Catalog/entries/cors-wildcard.yaml`.
///
/// The built-in set is compiled into the binary; the CLI layers user directories over it.
public struct ResourceStore: Sendable, Equatable {
    public var files: [String: String]

    public init(files: [String: String]) { self.files = files }

    /// The templates and catalog shipped with threatscribe.
    public static let builtIn = ResourceStore(files: EmbeddedResources.files)

    /// The text at `path`, if present.
    public subscript(path: String) -> String? { files[path] }

    /// Paths below `folder` (e.g. `Catalog/entries/`), sorted.
    public func paths(under folder: String) -> [String] {
        files.keys.filter { $0.hasPrefix(folder) }.sorted()
    }

    /// A copy in which `overrides` replace or add files.
    public func overlaid(with overrides: [String: String]) -> ResourceStore {
        ResourceStore(files: files.merging(overrides) { _, new in new })
    }
}
