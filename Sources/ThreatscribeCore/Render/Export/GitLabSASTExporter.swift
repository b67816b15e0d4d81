/// Writes `gl-sast-report.json`: GitLab's security report format (schema 15.0.7, `scan.type: sast`),
/// which a GitLab CI job publishes with `artifacts: reports: sast:`.
///
/// Each finding is one vulnerability whose `id` is derived from the finding id, so GitLab tracks it
/// across pipelines; identifiers carry the threat id and the CWE.
public struct GitLabSASTExporter: FindingsExporter {
    public init() {}

    struct Report: Encodable {
        var version = "15.0.7"
        var scan: Scan
        var vulnerabilities: [Vulnerability]
    }

    struct Scan: Encodable {
        var analyzer: Tool
        var scanner: Tool
        var type = "sast"
        var start_time: String
        var end_time: String
        var status = "success"
    }

    struct Tool: Encodable {
        var id = "threatscribe"
        var name = "threatscribe"
        var version: String
        var vendor = ["name": "threatscribe"]
    }

    struct Vulnerability: Encodable {
        var id: String
        var name: String
        var description: String
        var severity: String
        var solution: String
        var identifiers: [Identifier]
        var location: Location
    }

    struct Identifier: Encodable {
        var type: String
        var name: String
        var value: String
        var url: String?
    }

    struct Location: Encodable {
        var file: String
        var start_line: Int
    }

    public func export(_ report: AnalysisReport) throws -> RenderedFile {
        let time = "\(report.generatedAt)T00:00:00"
        let tool = Tool(version: report.toolVersion)
        let vulnerabilities = report.findings.map { finding in
            let location = finding.evidence.compactMap(\.codeLocation).first ?? finding.evidence.compactMap(\.modelLocation).first
            let cweNumber = finding.cwe.id.replacingOccurrences(of: "CWE-", with: "")
            return Vulnerability(
                id: Self.uuid(finding.id),
                name: finding.title,
                description: finding.description,
                severity: Self.severity(finding.severity),
                solution: finding.recommendation,
                identifiers: [
                    Identifier(type: "threatscribe_finding_id", name: finding.id, value: finding.id),
                    Identifier(type: "threatscribe_threat_id", name: finding.threatID, value: finding.threatID),
                    Identifier(type: "cwe", name: finding.cwe.id, value: cweNumber,
                               url: "https://cwe.mitre.org/data/definitions/\(cweNumber).html"),
                ],
                location: Location(file: location?.file ?? report.model.file, start_line: max(1, location?.line ?? 1)))
        }
        let document = Report(scan: Scan(analyzer: tool, scanner: tool, start_time: time, end_time: time), vulnerabilities: vulnerabilities)
        return RenderedFile(name: "gl-sast-report.json", contents: try ExportJSON.text(of: document))
    }

    /// GitLab's severities: Critical, High, Medium, Low, Info.
    static func severity(_ severity: Severity) -> String {
        severity == .note ? "Info" : severity.label
    }

    /// A UUID-shaped id from two FNV-1a hashes of the finding id: the same finding always gets the same id.
    static func uuid(_ text: String) -> String {
        let digits = Array(StableHash.hex(text) + StableHash.hex("threatscribe:" + text))
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(digits[$0]) }
        return groups.joined(separator: "-")
    }
}
