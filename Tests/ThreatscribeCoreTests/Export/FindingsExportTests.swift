import Foundation
import Testing
@testable import ThreatscribeCore

/// `--format json` (checked against `docs/findings.schema.json`) and `--format csv`.
struct FindingsExportTests {
    static let schema = SampleReportTests.root.appendingPathComponent("docs/findings.schema.json")

    @Test func everySampleIsValidAgainstTheDocumentedSchema() throws {
        var documents: [String: String] = [:]
        for sample in SampleReportTests.samples {
            documents[sample + ".json"] = try FindingsJSONExporter().export(SampleReportTests.report(for: sample)).contents
        }
        let errors = try SchemaValidator.errors(schema: Self.schema, documents: documents)
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func theSchemaRejectsAnUnknownSeverity() throws {
        let text = try FindingsJSONExporter().export(SampleReportTests.report(for: "betzenstein-booking.yaml")).contents
            .replacingOccurrences(of: "\"severity\" : \"high\"", with: "\"severity\" : \"severe\"")
        #expect(try SchemaValidator.errors(schema: Self.schema, documents: ["broken.json": text]).contains("severe"))
    }

    @Test func documentReadsBackAsWritten() throws {
        let report = try SampleReportTests.report(for: "home-security-intelligence.yaml")
        let file = try FindingsJSONExporter().export(report)
        #expect(file.name == "threat-model.json")
        let decoded = try JSONDecoder().decode(FindingsDocument.self, from: Data(file.contents.utf8))
        #expect(decoded == FindingsDocument(report: report))
        #expect(decoded.findings.map(\.id) == report.findings.map(\.id))
        #expect(decoded.findings.contains { $0.evidence.contains { $0.codeLocation != nil } })
        #expect(decoded.findings.allSatisfy { $0.tracking.status == "unchecked" })
    }

    @Test func csvHasOneRowPerFindingWithTheJSONColumns() throws {
        let report = try SampleReportTests.report(for: "betzenstein-booking.yaml")
        let csv = try FindingsCSVExporter().export(report)
        #expect(csv.name == "threat-model.csv")
        let rows = try Self.parseCSV(csv.contents)
        #expect(rows.first == FindingsCSVExporter.header)
        #expect(rows.count == report.findings.count + 1)
        #expect(rows.allSatisfy { $0.count == FindingsCSVExporter.header.count })
        #expect(rows.dropFirst().map { $0[0] } == report.findings.map(\.id))
        #expect(rows.dropFirst().map { $0[3] } == report.findings.map(\.severity.rawValue))
    }

    @Test func csvQuotesAndDefusesFormulas() throws {
        #expect(FindingsCSVExporter.cell("plain") == "plain")
        #expect(FindingsCSVExporter.cell("a,b") == "\"a,b\"")
        #expect(FindingsCSVExporter.cell("say \"hi\"\nthere") == "\"say \"\"hi\"\"\nthere\"")
        #expect(FindingsCSVExporter.cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        for lead in ["+", "-", "@", "\t", "\r"] {
            #expect(FindingsCSVExporter.cell(lead + "1").hasPrefix("'") || FindingsCSVExporter.cell(lead + "1").hasPrefix("\"'"))
        }
    }

    /// RFC 4180, enough to read back what the exporter writes.
    static func parseCSV(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(scalar) }
            } else if scalar == "\"" { quoted = true }
            else if scalar == "," { row.append(field); field = "" }
            else if scalar == "\r", scalars.first == "\n" { scalars.removeFirst(); row.append(field); rows.append(row); row = []; field = "" }
            else { field.unicodeScalars.append(scalar) }
        }
        #expect(row.isEmpty && field.isEmpty && !quoted, "CSV must end with CRLF")
        return rows
    }
}

extension FindingsExportTests {
    /// The fields GitLab's SAST report schema (15.0.x) requires, and ids stable per finding.
    @Test func gitLabSASTReportHasTheRequiredFields() throws {
        let report = try SampleReportTests.report(for: "home-security-intelligence.yaml")
        let file = try GitLabSASTExporter().export(report)
        #expect(file.name == "gl-sast-report.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(file.contents.utf8)) as? [String: Any])
        #expect(root["version"] as? String == "15.0.7")
        let scan = try #require(root["scan"] as? [String: Any])
        #expect(scan["type"] as? String == "sast" && scan["status"] as? String == "success")
        #expect((scan["start_time"] as? String)?.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$"#, options: .regularExpression) != nil)
        for key in ["analyzer", "scanner"] {
            let tool = try #require(scan[key] as? [String: Any])
            #expect(tool["id"] != nil && tool["name"] != nil && tool["version"] != nil && (tool["vendor"] as? [String: String])?["name"] != nil)
        }
        let vulnerabilities = try #require(root["vulnerabilities"] as? [[String: Any]])
        #expect(vulnerabilities.count == report.findings.count)
        let ids = vulnerabilities.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == report.findings.count)
        #expect(ids.allSatisfy { $0.range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", options: .regularExpression) != nil })
        for vulnerability in vulnerabilities {
            #expect(["Critical", "High", "Medium", "Low", "Info"].contains(vulnerability["severity"] as? String ?? ""))
            #expect(((vulnerability["identifiers"] as? [[String: Any]])?.count ?? 0) >= 1)
            let location = try #require(vulnerability["location"] as? [String: Any])
            #expect(location["file"] is String && (location["start_line"] as? Int ?? 0) >= 1)
        }
    }
}
