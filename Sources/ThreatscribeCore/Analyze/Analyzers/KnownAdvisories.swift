import Foundation

/// A published advisory for a Python package, read from `Catalog/reference/advisories.yaml`.
struct KnownAdvisory: Sendable, Equatable {
    /// One affected range, OSV-style: `introduced` inclusive, `fixed` exclusive, `last_affected` inclusive.
    struct AffectedRange: Sendable, Equatable {
        var introduced: PackageVersion?
        var fixed: PackageVersion?
        var lastAffected: PackageVersion?

        func contains(_ version: PackageVersion) -> Bool {
            if let introduced, version < introduced { return false }
            if let fixed, !(version < fixed) { return false }
            if let lastAffected, lastAffected < version { return false }
            return true
        }

        var text: String {
            var parts: [String] = []
            if let introduced, introduced != PackageVersion([0]) { parts.append(">=\(introduced)") }
            if let fixed { parts.append("<\(fixed)") }
            if let lastAffected { parts.append("<=\(lastAffected)") }
            return parts.isEmpty ? "all versions" : parts.joined(separator: ",")
        }
    }

    var id: String
    var aliases: [String]
    var package: String
    var summary: String
    var cwe: String?
    /// `high`, `medium` or `low`: the consequence when the advisory applies.
    var severity: String
    /// The id, range and fix were seen in a primary source.
    var verified: Bool
    /// What a reviewer must confirm before the advisory matters (a non-default setting, a feature in use).
    var review: String?
    /// A model feature the advisory needs: `static_files`, `windows_static_files`, `cookie_auth`, `templates`.
    var requires: String?
    /// A dedicated catalog entry reports it; the generic advisory entries skip it.
    var dedicated: Bool
    /// A model signal that shows the review condition holds: `uploads`.
    var shownBy: String? = nil
    var url: String
    var ranges: [AffectedRange]

    func range(containing version: PackageVersion) -> AffectedRange? { ranges.first { $0.contains(version) } }
}

/// The advisory table, parsed once from the built-in resources.
enum KnownAdvisories {
    static let path = "Catalog/reference/advisories.yaml"
    static let requirements: Set<String> = ["static_files", "windows_static_files", "cookie_auth", "templates"]

    /// The built-in table, from its precompiled JSON; empty when that is unreadable (a test holds it to the YAML).
    static let all: [KnownAdvisory] = (try? parse(root: PrecompiledReference.object(fromJSON: PrecompiledReferenceJSON.advisories))) ?? []

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses the table; every problem is an error, so a test can hold the file to its format.
    static func parse(_ text: String) throws -> [KnownAdvisory] {
        try parse(root: PrecompiledReference.object(fromYAML: text))
    }

    /// Parses the table's data (from the YAML, or its precompiled JSON).
    static func parse(root: Any) throws -> [KnownAdvisory] {
        guard let root = root as? [String: Any], let items = root["advisories"] as? [[String: Any]] else {
            throw ParseError(description: "\(path) must have an `advisories:` list")
        }
        return try items.map { item in
            func string(_ key: String) -> String? {
                if let text = item[key] as? String { return text }
                if let number = item[key] as? Double { return String(number) }
                return nil
            }
            guard let id = string("id"), let package = string("package"), let summary = string("summary"),
                  let severity = string("severity"), let url = string("url") else {
                throw ParseError(description: "advisory \(item["id"] ?? "?") lacks id, package, summary, severity or url")
            }
            guard ["high", "medium", "low"].contains(severity) else { throw ParseError(description: "\(id): bad severity \(severity)") }
            let requires = string("requires")
            if let requires, !requirements.contains(requires) { throw ParseError(description: "\(id): unknown requirement \(requires)") }
            let shownBy = string("shown_by")
            if let shownBy, shownBy != "uploads" { throw ParseError(description: "\(id): unknown shown_by \(shownBy)") }
            guard let rangeItems = item["ranges"] as? [[String: Any]], !rangeItems.isEmpty else {
                throw ParseError(description: "\(id): needs `ranges`")
            }
            let ranges = try rangeItems.map { range -> KnownAdvisory.AffectedRange in
                func version(_ key: String) throws -> PackageVersion? {
                    guard let value = range[key] else { return nil }
                    guard let text = value as? String, let parsed = PackageVersion(text) else {
                        throw ParseError(description: "\(id): `\(key)` must be a quoted version")
                    }
                    return parsed
                }
                let parsed = KnownAdvisory.AffectedRange(introduced: try version("introduced"), fixed: try version("fixed"),
                                                         lastAffected: try version("last_affected"))
                if parsed.fixed != nil && parsed.lastAffected != nil { throw ParseError(description: "\(id): fixed and last_affected both set") }
                return parsed
            }
            return KnownAdvisory(
                id: id, aliases: item["aliases"] as? [String] ?? [], package: InstalledPackages.normalize(package), summary: summary,
                cwe: string("cwe"), severity: severity, verified: item["verified"] as? Bool ?? false, review: string("review"),
                requires: requires, dedicated: item["dedicated"] as? Bool ?? false, shownBy: shownBy, url: url, ranges: ranges)
        }
    }
}
