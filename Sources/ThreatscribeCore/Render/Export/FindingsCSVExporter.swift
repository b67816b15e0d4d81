/// Writes `threat-model.csv` for spreadsheets: one row per finding, the columns of `threat-model.json`
/// flattened (lists joined with `; `), RFC 4180 quoting, CRLF line ends.
///
/// A cell that a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is
/// prefixed with `'`, so a model value can never run as one.
public struct FindingsCSVExporter: FindingsExporter {
    public init() {}

    static let header = [
        "id", "threat_id", "title", "severity", "likelihood", "impact", "confidence", "stride", "cwe", "cwe_name",
        "owasp_api_2023", "owasp_2021", "owasp_2025", "asvs_5", "asvs_4", "environments", "component", "subject",
        "locations", "recommendation", "tracking_status", "residual_risk", "tracking_expires", "tracking_expired", "ticket",
    ]

    public func export(_ report: AnalysisReport) throws -> RenderedFile {
        let document = FindingsDocument(report: report)
        var rows = [Self.header]
        for item in document.findings {
            let locations = item.evidence.flatMap { [$0.modelLocation, $0.codeLocation].compactMap { $0?.description } }
            var uniqueLocations: [String] = []
            for location in locations where !uniqueLocations.contains(location) { uniqueLocations.append(location) }
            rows.append([
                item.id, item.threatId, item.title, item.severity.rawValue, item.likelihood.rawValue, item.impact.rawValue,
                item.confidence.rawValue, item.stride.map(\.rawValue).joined(separator: "; "), item.cwe.id, item.cwe.name,
                item.owasp.api2023.joined(separator: "; "), item.owasp.top10_2021.joined(separator: "; "),
                item.owasp.top10_2025.joined(separator: "; "), item.asvs.v5.joined(separator: "; "),
                item.asvs.v4.joined(separator: "; "), item.environments.joined(separator: "; "), item.component,
                "\(item.subject.name) (\(item.subject.path))", uniqueLocations.joined(separator: "; "), item.recommendation,
                item.tracking.status, item.tracking.residualRisk, item.tracking.expires ?? "",
                item.tracking.expired.map { $0 ? "yes" : "no" } ?? "", item.tracking.ticket ?? "",
            ])
        }
        return RenderedFile(name: "threat-model.csv", contents: rows.map { $0.map(Self.cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n")
    }

    /// One RFC 4180 field, defused against formula injection.
    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + text }
        guard text.unicodeScalars.contains(where: { [",", "\"", "\n", "\r"].contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
