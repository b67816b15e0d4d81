import Foundation
@testable import ThreatscribeCore

/// The fixture report with every string a renderer could show replaced by `payload`.
enum HostileReport {
    /// Keys whose values are enumerations the model decoder checks; they keep their fixture values.
    private static let enumeratedKeys: Set<String> = [
        "type", "exposure", "data_classification", "framework", "middleware_style", "transport",
        "secret_source", "credentials_source", "kind", "docs_assets", "secrets",
        "purpose", "verifies", "docs_auth", "status", "authentication", "holds",
    ]

    static func make(_ payload: String) -> AnalysisReport {
        let json = try! JSONSerialization.jsonObject(with: Data(ReportFixture.modelJSON.utf8))
        let hostile = replacingStrings(in: json, key: nil, with: payload)
        let data = try! JSONSerialization.data(withJSONObject: hostile, options: [.sortedKeys])
        let model = ReportFixture.model(String(decoding: data, as: UTF8.self))
        var report = ReportFixture.report(model: model, text: { _ in payload })
        let path = ModelPath([.key(payload)])
        let location = SourceLocation(file: payload, line: 1, column: 1)
        report.findings = report.findings.map { original in
            var finding = original
            finding.id = payload
            finding.threatID = payload
            finding.subjectName = payload
            finding.subjectPath = path
            finding.component = payload
            finding.cwe = CWEReference(id: payload, name: payload)
            finding.owaspAPI2023 = [payload]
            finding.owasp2021 = [payload]
            finding.owasp2025 = [payload]
            finding.asvs5 = [payload]
            finding.asvs4 = [payload]
            finding.nist80053 = [payload]
            finding.environments = [payload]
            finding.references = [payload, "javascript:alert(1)", "https://example.com/\"onmouseover=\"alert(1)"]
            finding.falsePositives = payload
            finding.evidence = finding.evidence.map { _ in
                Evidence(path: path, modelLocation: location, codeLocation: location, value: payload, detail: payload)
            }
            return finding
        }
        report.environments = [payload]
        report.model.file = payload
        report.notAssessed = [payload]
        report.generatedAt = payload
        report.toolVersion = payload
        report.controlReviews = report.controlReviews.map { original in
            var review = original
            review.control = payload
            review.claim = payload
            review.reason = payload
            review.relatedFindings = [payload]
            return review
        }
        return report
    }

    private static func replacingStrings(in value: Any, key: String?, with payload: String) -> Any {
        switch value {
        case let object as [String: Any]:
            var result: [String: Any] = [:]
            for (name, child) in object {
                // Free-form maps (framework versions) get hostile keys too.
                let newName = key == "frameworks" ? payload + name : name
                result[newName] = replacingStrings(in: child, key: name, with: payload)
            }
            return result
        case let array as [Any]:
            return array.map { replacingStrings(in: $0, key: key, with: payload) }
        case is String:
            return enumeratedKeys.contains(key ?? "") ? value : payload
        default:
            return value
        }
    }
}
