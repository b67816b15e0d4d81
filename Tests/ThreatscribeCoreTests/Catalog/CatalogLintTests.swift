import Foundation
import Testing
@testable import ThreatscribeCore

/// The catalog's knowledge is exact: ids, standards mappings and samples are checked for every entry.
struct CatalogLintTests {
    static let catalog = CatalogSampleTests.catalog
    static let reference = try! StandardsReference.load(from: .builtIn)

    @Test func catalogHasAtLeastSeventyEntries() {
        #expect(Self.catalog.entries.count >= 70, "the catalog has \(Self.catalog.entries.count) entries")
    }

    @Test func idsAreUniqueAndWellFormed() {
        let ids = Self.catalog.entries.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.range(of: #"^TS-[A-Z]+-\d{3}$"#, options: .regularExpression) != nil, "\(id) is not TS-AREA-NNN")
        }
    }

    @Test func cweIDsAndNamesMatchTheReferenceData() {
        for entry in Self.catalog.entries {
            #expect(Self.reference.forbiddenCWEs[entry.cwe] == nil, "\(entry.id) uses \(entry.cwe)")
            #expect(entry.cweName == Self.reference.cweNames[entry.cwe] && !entry.cweName.isEmpty, "\(entry.id): \(entry.cwe) has no reference name")
        }
    }

    /// Names from the shared reference data must be copied exactly; supplements must cite cwe.mitre.org.
    @Test func cweSupplementCitesMitreAndDoesNotContradictTheReference() throws {
        let text = try #require(ResourceStore.builtIn["Catalog/reference/cwe-supplement.yaml"])
        let json = try #require(ResourceStore.builtIn["Catalog/reference/standards.json"]?.data(using: .utf8))
        let root = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let referenceNames = try #require(root["cwe_names"] as? [String: String])
        var currentID: String?
        for line in text.split(separator: "\n").map(String.init) {
            if let match = line.range(of: #"^\s+(CWE-\d+):"#, options: .regularExpression) {
                currentID = String(line[match]).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ":", with: "")
                #expect(referenceNames[currentID!] == nil, "\(currentID!) is in standards.json; do not redefine it")
                #expect(line.contains("cwe.mitre.org/data/definitions/\(currentID!.dropFirst(4)).html"),
                        "\(currentID!) must cite its cwe.mitre.org page on the same line")
            }
        }
    }

    @Test func everyMappingIDExistsInTheReferenceData() {
        for entry in Self.catalog.entries {
            for id in entry.owaspAPI2023 { #expect(Self.reference.owaspAPI2023[id] != nil, "\(entry.id): \(id)") }
            for id in entry.owasp2021 { #expect(Self.reference.owasp2021[id] != nil, "\(entry.id): \(id)") }
            for id in entry.owasp2025 { #expect(Self.reference.owasp2025[id] != nil, "\(entry.id): \(id)") }
            for id in entry.asvs5 { #expect(Self.reference.asvs5[id] != nil, "\(entry.id): \(id)") }
            for id in entry.asvs4 { #expect(Self.reference.asvs4[id] != nil, "\(entry.id): \(id)") }
            for id in entry.nist80053 { #expect(Self.reference.nist80053[id] != nil, "\(entry.id): \(id)") }
            #expect(!entry.owaspAPI2023.isEmpty && !entry.asvs5.isEmpty && !entry.stride.isEmpty, "\(entry.id) lacks a mapping")
        }
    }

    @Test func everyEntryCarriesTheFullProse() {
        for entry in Self.catalog.entries {
            for (name, text) in [("description", entry.description), ("impact_description", entry.impactText),
                                 ("detection", entry.detection), ("false_positives", entry.falsePositives),
                                 ("mitigation", entry.mitigation), ("validation", entry.validation)] {
                #expect(text.trimmingCharacters(in: .whitespacesAndNewlines).count >= 20, "\(entry.id): \(name) is too thin")
            }
            #expect(entry.references.allSatisfy { $0.hasPrefix("https://") }, "\(entry.id): references must be https URLs")
            #expect(entry.likelihood.scores.count == 8 && entry.impact.scores.count == 4, "\(entry.id): incomplete risk factors")
        }
    }
}
