import Foundation

/// Writes `threat-model.sarif`: SARIF 2.1.0 as GitHub code scanning reads it.
///
/// One rule per catalog threat that has findings; one result per finding, located at the service's
/// code when the model says where the value came from, else at the model file. Each result's
/// `primaryLocationLineHash` is a hash of the finding id (`THREAT-ID@model.path`), so it is the same
/// in every run and does not move when unrelated parts of the model change.
public struct SARIFExporter: FindingsExporter {
    public init() {}

    public func export(_ report: AnalysisReport) throws -> RenderedFile {
        var rules: [SARIFLog.Rule] = []
        var ruleIndex: [String: Int] = [:]
        for finding in report.findings.sorted(by: { $0.threatID < $1.threatID }) where ruleIndex[finding.threatID] == nil {
            ruleIndex[finding.threatID] = rules.count
            let highest = report.findings.filter { $0.threatID == finding.threatID }.map(\.severity).max() ?? finding.severity
            rules.append(Self.rule(for: finding, severity: highest))
        }
        let results = report.findings.map { Self.result(for: $0, ruleIndex: ruleIndex[$0.threatID] ?? 0, modelFile: report.model.file) }
        var artifacts = [SARIFURI.reference(for: report.model.file)]
        for location in results.flatMap({ $0.locations + ($0.relatedLocations ?? []) }) {
            let uri = location.physicalLocation.artifactLocation.uri
            if !artifacts.contains(uri) { artifacts.append(uri) }
        }
        let log = SARIFLog(runs: [SARIFLog.Run(
            tool: SARIFLog.Tool(driver: SARIFLog.Driver(
                name: "threatscribe", version: report.toolVersion,
                semanticVersion: Self.isSemanticVersion(report.toolVersion) ? report.toolVersion : nil,
                informationUri: nil, rules: rules)),
            artifacts: artifacts.enumerated().map { index, uri in
                SARIFLog.Artifact(location: SARIFLog.ArtifactLocation(uri: uri), roles: index == 0 ? ["analysisTarget"] : nil)
            },
            results: results)])
        return RenderedFile(name: "threat-model.sarif", contents: try ExportJSON.text(of: log))
    }

    static func rule(for finding: Finding, severity: Severity) -> SARIFLog.Rule {
        var help = "## Recommendation\n\n\(finding.recommendation)\n\n## Validation\n\n\(finding.validation)"
        if !finding.references.isEmpty {
            help += "\n\n## References\n\n" + finding.references.map { "- <\($0)>" }.joined(separator: "\n")
        }
        let cweNumber = finding.cwe.id.lowercased().replacingOccurrences(of: "cwe-", with: "")
        var tags = ["security", finding.cwe.id, "external/cwe/cwe-\(cweNumber)"]
        tags += finding.stride.map { "stride/\($0.name.lowercased().replacingOccurrences(of: " ", with: "-"))" }
        tags += finding.owasp2021.map { "owasp-2021/\($0)" } + finding.owaspAPI2023.map { "owasp-api-2023/\($0)" }
        return SARIFLog.Rule(
            id: finding.threatID,
            name: finding.threatID.replacingOccurrences(of: "-", with: ""),
            shortDescription: SARIFLog.Message(text: finding.title),
            fullDescription: SARIFLog.Message(text: finding.description, markdown: finding.description),
            help: SARIFLog.Message(text: help, markdown: help),
            helpUri: finding.references.first,
            defaultConfiguration: SARIFLog.Configuration(level: level(severity)),
            properties: SARIFLog.RuleProperties(
                tags: tags, securitySeverity: securitySeverity(severity),
                precision: finding.confidence == .clearCut ? "high" : "medium",
                problemSeverity: level(severity) == "note" ? "recommendation" : level(severity)))
    }

    static func result(for finding: Finding, ruleIndex: Int, modelFile: String) -> SARIFLog.Result {
        let modelEvidence = finding.evidence.first { $0.modelLocation != nil }
        let codeEvidence = finding.evidence.first { $0.codeLocation != nil }
        let primary: SARIFLog.PhysicalLocation
        var related: [SARIFLog.Location] = []
        if let code = codeEvidence?.codeLocation {
            primary = physical(code)
        } else if let model = modelEvidence?.modelLocation {
            primary = physical(model)
        } else {
            primary = SARIFLog.PhysicalLocation(artifactLocation: SARIFLog.ArtifactLocation(uri: SARIFURI.reference(for: modelFile)),
                                                region: SARIFLog.Region(startLine: 1, startColumn: 1))
        }
        var seen: Set<SourceLocation> = []
        if let code = codeEvidence?.codeLocation { seen.insert(code) } else if let model = modelEvidence?.modelLocation { seen.insert(model) }
        for evidence in finding.evidence {
            for location in [evidence.modelLocation, evidence.codeLocation].compactMap({ $0 }) where seen.insert(location).inserted {
                related.append(SARIFLog.Location(id: related.count + 1, physicalLocation: physical(location), logicalLocations: nil,
                                                 message: SARIFLog.Message(text: "\(evidence.path) = \(evidence.value)")))
            }
        }
        let scope = finding.environments.isEmpty ? "" : " [\(finding.environments.joined(separator: ", "))]"
        return SARIFLog.Result(
            ruleId: finding.threatID,
            ruleIndex: ruleIndex,
            level: level(finding.severity),
            message: SARIFLog.Message(text: "\(finding.severity.label): \(finding.title) (\(finding.subjectName))\(scope)"),
            locations: [SARIFLog.Location(id: nil, physicalLocation: primary,
                                          logicalLocations: [SARIFLog.LogicalLocation(fullyQualifiedName: finding.subjectPath.description)],
                                          message: nil)],
            relatedLocations: related.isEmpty ? nil : related,
            partialFingerprints: [
                "primaryLocationLineHash": "\(StableHash.hex(finding.id)):1",
                "threatscribeFindingId/v1": finding.id,
            ],
            suppressions: finding.tracking.flatMap { $0.isOpen ? nil : [SARIFLog.Suppression(justification: Self.justification($0))] },
            properties: SARIFLog.ResultProperties(
                findingId: finding.id, severity: finding.severity.rawValue, environments: finding.environments,
                trackingStatus: finding.tracking?.status.rawValue ?? TrackingStatus.unchecked.rawValue,
                trackingExpired: finding.tracking?.expires == nil ? nil : finding.tracking?.isExpired,
                residualRisk: (finding.tracking.map { $0.residualRisk(of: finding.severity) } ?? finding.severity)?.rawValue ?? "none"))
    }

    /// "accepted: <justification> (SEC-123, alice, until 2026-04-01)".
    static func justification(_ tracking: FindingTracking) -> String {
        let details = [tracking.ticket, tracking.owner, tracking.expires.map { "until \($0)" }].compactMap { $0 }
        return "\(tracking.status.rawValue)" + (tracking.justification.map { ": \($0)" } ?? "")
            + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
    }

    static func physical(_ location: SourceLocation) -> SARIFLog.PhysicalLocation {
        SARIFLog.PhysicalLocation(artifactLocation: SARIFLog.ArtifactLocation(uri: SARIFURI.reference(for: location.file)),
                                  region: SARIFLog.Region(startLine: max(1, location.line), startColumn: max(1, location.column)))
    }

    /// `error` for critical and high, `warning` for medium, `note` below.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .note: "note"
        }
    }

    /// GitHub's bands: ≥ 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low.
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .note: "1.0"
        }
    }

    private static func isSemanticVersion(_ text: String) -> Bool {
        text.range(of: #"^\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]*)?$"#, options: .regularExpression) != nil
    }
}

/// File paths as SARIF URI references: relative paths stay relative, absolute ones become `file://` URIs;
/// every byte outside RFC 3986's unreserved set and `/` is percent-encoded.
enum SARIFURI {
    static func reference(for path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
