import Foundation

/// The public suffixes Chromium preloads as HSTS with subdomains (`Catalog/reference/hsts-preload-tlds.yaml`):
/// a host under one of them is reached over HTTPS by preload-aware browsers whatever its own header says.
struct HSTSPreloadList: Sendable, Equatable {
    static let path = "Catalog/reference/hsts-preload-tlds.yaml"

    var suffixes: [String]
    var source: String
    var retrieved: String

    /// The built-in list, from its precompiled JSON; empty when that is unreadable (a test holds it to the YAML).
    static let builtIn: HSTSPreloadList = (try? parse(root: PrecompiledReference.object(fromJSON: PrecompiledReferenceJSON.hstsPreload)))
        ?? HSTSPreloadList(suffixes: [], source: "", retrieved: "")

    struct ParseError: Error {}

    static func parse(_ text: String) throws -> HSTSPreloadList {
        try parse(root: PrecompiledReference.object(fromYAML: text))
    }

    /// Parses the list's data (from the YAML, or its precompiled JSON).
    static func parse(root: Any) throws -> HSTSPreloadList {
        guard let root = root as? [String: Any], let suffixes = root["suffixes"] as? [String],
              let source = root["source"] as? String, let retrieved = root["retrieved"] as? String, !suffixes.isEmpty else { throw ParseError() }
        return HSTSPreloadList(suffixes: suffixes.map { $0.lowercased() }, source: source, retrieved: retrieved)
    }

    /// The preloaded suffix `host` lies under (`api.betzenstein.app` → `app`), if any.
    func suffix(covering host: String) -> String? {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return suffixes.filter { name == $0 || name.hasSuffix("." + $0) }.max { $0.count < $1.count }
    }
}
