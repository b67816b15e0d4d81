import Foundation
import Yams

/// The standards' ids and names a catalog entry may cite (OWASP, ASVS, CWE, NIST), from
/// `Catalog/reference/standards.json` plus `Catalog/reference/cwe-supplement.yaml`.
public struct StandardsReference: Sendable {
    public var cweNames: [String: String]
    public var owaspAPI2023: [String: String]
    public var owasp2021: [String: String]
    public var owasp2025: [String: String]
    /// Keyed `v5.0.0-1.2.3`.
    public var asvs5: [String: String]
    /// Keyed `v4.0.3-1.2.3`.
    public var asvs4: [String: String]
    public var nist80053: [String: String]
    /// CWE ids that must not be used for mapping (categories, discouraged), with why.
    public var forbiddenCWEs: [String: String]

    /// Reads the reference files from a resource store.
    public static func load(from store: ResourceStore) throws -> StandardsReference {
        guard let json = store["Catalog/reference/standards.json"]?.data(using: .utf8),
              let root = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw Diagnostic(.error, "Catalog/reference/standards.json is missing or not JSON", at: nil)
        }
        func table(_ key: String) -> [String: String] {
            guard let object = root[key] as? [String: Any] else { return [:] }
            var result: [String: String] = [:]
            for (id, value) in object {
                if let text = value as? String { result[id] = text }
                else if let record = value as? [String: Any], let text = record["text"] as? String { result[id] = text }
                else if let record = value as? [String: Any], let text = record["name"] as? String { result[id] = text }
                else { result[id] = "" }
            }
            return result
        }
        func prefixed(_ table: [String: String], _ prefix: String) -> [String: String] {
            Dictionary(uniqueKeysWithValues: table.map { (prefix + $0.key.dropFirst(), $0.value) })
        }
        var cwe = table("cwe_names")
        if let text = store["Catalog/reference/cwe-supplement.yaml"],
           let supplement = try Yams.load(yaml: text) as? [String: Any],
           let entries = supplement["entries"] as? [String: Any] {
            for (id, value) in entries {
                if let record = value as? [String: Any], let name = record["name"] as? String { cwe[id] = name }
            }
        }
        let forbidden = [
            "CWE-16": "a category, not for mapping",
            "CWE-937": "a category (OWASP Top 10 2013 view); use CWE-1395",
            "CWE-1035": "a category (OWASP Top 10 2017 view); use CWE-1395",
            "CWE-400": "discouraged for mapping by MITRE; use CWE-770",
        ]
        return StandardsReference(
            cweNames: cwe,
            owaspAPI2023: table("owasp_api_top10_2023"),
            owasp2021: table("owasp_top10_2021"),
            owasp2025: table("owasp_top10_2025"),
            asvs5: prefixed(table("asvs_5_0_0"), "v5.0.0-"),
            asvs4: prefixed(table("asvs_4_0_3"), "v4.0.3-"),
            nist80053: table("nist_800_53r5_names"),
            forbiddenCWEs: forbidden)
    }
}
