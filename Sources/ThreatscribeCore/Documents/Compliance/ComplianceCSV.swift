/// The compliance matrix as CSV for auditors' spreadsheets: one row per item, RFC 4180 quoting, CRLF
/// line ends, and every cell defused against formula injection (`FindingsCSVExporter.cell`).
enum ComplianceCSV {
    static let header = [
        "standard", "id", "chapter", "text", "status", "needs_resolution", "reason", "evidence", "findings", "catalog_checks",
        "reviewer_resolution",
    ]

    static func text(of matrix: ComplianceMatrix) -> String {
        var lines = [header]
        for row in matrix.rows {
            let evidence = row.evidence.map { item in
                var text = item.path.description
                if let location = item.modelLocation { text += " (\(location))" }
                if let location = item.codeLocation { text += " code \(location)" }
                return text
            }
            var unique: [String] = []
            for item in evidence where !unique.contains(item) { unique.append(item) }
            lines.append([
                matrix.standard.title, row.id, row.chapter, row.text, row.status.rawValue, row.needsResolution ? "yes" : "no",
                row.reason, unique.joined(separator: "; "), row.findings.map(\.id).joined(separator: "; "),
                row.checks.joined(separator: "; "), "",
            ])
        }
        return lines.map { $0.map(FindingsCSVExporter.cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
