import Foundation

/// The catalog as machine-readable JSON (`threatscribe catalog list --format json`).
public struct CatalogListing {
    public var catalog: ThreatCatalog

    public init(catalog: ThreatCatalog) { self.catalog = catalog }

    struct Row: Encodable {
        var id: String
        var title: String
        var scope: String
        var when: String
        var severity: String
        var likelihood: String
        var impact: String
        var confidence: String
        var stride: [String]
        var cwe: String
        var cweName: String
        var owaspApi2023: [String]
        var owaspTop102021: [String]
        var owaspTop102025: [String]
        var asvs50: [String]
        var asvs403: [String]
        var nist80053: [String]
        var references: [String]

        enum CodingKeys: String, CodingKey {
            case id, title, scope, when, severity, likelihood, impact, confidence, stride, cwe, references
            case cweName = "cwe_name"
            case owaspApi2023 = "owasp_api_2023"
            case owaspTop102021 = "owasp_top10_2021"
            case owaspTop102025 = "owasp_top10_2025"
            case asvs50 = "asvs_5_0"
            case asvs403 = "asvs_4_0_3"
            case nist80053 = "nist_800_53"
        }
    }

    /// A JSON array, one object per entry, sorted by id, with sorted keys.
    public func json() throws -> String {
        let rows = catalog.entries.map { entry in
            Row(id: entry.id, title: entry.title, scope: entry.scope, when: entry.whenText,
                severity: (entry.severityOverride ?? Severity(likelihood: entry.likelihood.level, impact: entry.impact.level)).rawValue,
                likelihood: entry.likelihood.level.rawValue, impact: entry.impact.level.rawValue,
                confidence: entry.confidence.rawValue, stride: entry.stride.map(\.name), cwe: entry.cwe, cweName: entry.cweName,
                owaspApi2023: entry.owaspAPI2023, owaspTop102021: entry.owasp2021, owaspTop102025: entry.owasp2025,
                asvs50: entry.asvs5, asvs403: entry.asvs4, nist80053: entry.nist80053, references: entry.references)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(rows), as: UTF8.self)
    }
}

/// One entry as readable text (`threatscribe catalog show ID`).
public struct CatalogEntryText {
    public var entry: CatalogEntry

    public init(entry: CatalogEntry) { self.entry = entry }

    /// The entry for a terminal: every catalog value passes `TerminalText` (one-line fields on one
    /// line, prose keeping its line breaks).
    public var text: String {
        let severity = entry.severityOverride ?? Severity(likelihood: entry.likelihood.level, impact: entry.impact.level)
        var lines = [
            "\(entry.id): \(entry.title)",
            "Severity:    \(severity.label) (likelihood \(entry.likelihood.level.label) \(String(format: "%.2f", entry.likelihood.average)), impact \(entry.impact.level.label) \(String(format: "%.2f", entry.impact.average)))",
            "Confidence:  \(entry.confidence.rawValue)",
            "STRIDE:      \(entry.stride.map(\.name).joined(separator: ", "))",
            "CWE:         \(entry.cwe) \(entry.cweName)",
            "OWASP API:   \(entry.owaspAPI2023.joined(separator: ", "))",
            "OWASP 2021:  \(entry.owasp2021.joined(separator: ", "))  2025: \(entry.owasp2025.joined(separator: ", "))",
            "ASVS 5.0.0:  \(entry.asvs5.joined(separator: ", "))  4.0.3: \(entry.asvs4.joined(separator: ", "))",
            "NIST 800-53: \(entry.nist80053.joined(separator: ", "))",
            "Scope:       \(entry.scope)",
            "When:        \(entry.whenText)",
            "Defined at:  \(entry.location)",
        ].map { TerminalText.escaped($0) } + [""]
        for (heading, body) in [("Description", entry.description), ("Impact", entry.impactText), ("Detection", entry.detection),
                                ("False positives", entry.falsePositives), ("Mitigation", entry.mitigation), ("Validation", entry.validation)]
            where !body.isEmpty {
            lines += ["## \(heading)", TerminalText.escapedLines(body.trimmingWhitespacesAndNewlines), ""]
        }
        lines += ["## References"] + entry.references.map { TerminalText.escaped("- \($0)") }
        return lines.joined(separator: "\n")
    }
}
