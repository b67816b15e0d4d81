import Foundation
import Testing
@testable import ThreatscribeCore

/// Issue 9, "Findings that one action fixes are one item": the header findings on one middleware, one threat
/// on sibling data stores, and a finding whose fix is part of a broader one each read as one item, while the
/// exports keep one result per finding.
struct OneActionItemsTests {
    static func markdown() throws -> String { try ReportLengthAndRootCauseTests.markdown("fastapi-kubernetes") }

    /// The item whose heading contains `heading`, from after `### ` to the next item.
    static func item(_ heading: String, in text: String) throws -> String {
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("### ") && $0.contains(heading) })
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("### ") } ?? lines.endIndex
        return String(lines[start..<end].joined(separator: "\n").dropFirst(4))
    }

    @Test func headerFindingsOnOneMiddlewareAreOneItemWithEachSeverity() throws {
        let text = try Self.markdown()
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("### ") }
        #expect(headings.filter { $0.contains("Security response headers") }.count == 1)
        #expect(!headings.contains { $0.contains("No Strict-Transport-Security") || $0.contains("No Referrer-Policy") })
        let item = try Self.item("Security response headers", in: text)
        #expect(item.hasPrefix("Medium: "))
        for (id, severity) in [("TS-HDR-001", "Medium"), ("TS-HDR-003", "Low"), ("TS-HDR-009", "Low"), ("TS-HDR-011", "Low")] {
            #expect(item.contains("| `\(id)@middleware` ") && item.split(separator: "\n").contains { $0.contains(id) && $0.contains("| \(severity) |") },
                    "\(id) row with \(severity)")
        }
        for header in ["Strict-Transport-Security", "Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
                       "Referrer-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy"] {
            #expect(item.contains("\"\(header)\":"), "the one fix sets \(header)")
        }
    }

    @Test func aFixInsideABroaderFixIsOneItem() throws {
        let text = try Self.markdown()
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("### ") }
        #expect(!headings.contains { $0.contains("Credentials for data store") || $0.contains("listens on all interfaces") })
        let secrets = try Self.item("Runtime secrets are plain environment variables", in: text)
        #expect(secrets.contains("`TS-FLOW-006@data_stores[0]`") && secrets.contains("`TS-FLOW-006@data_stores[1]`"))
        let policy = try Self.item("No NetworkPolicy restricts", in: text)
        #expect(policy.contains("`TS-SRV-009@server`"))
    }

    @Test func exportsKeepOneResultPerFinding() throws {
        let report = try SampleReportTests.report(for: "fastapi-kubernetes.yaml")
        let sarif = try SARIFExporter().export(report).contents
        let json = try FindingsJSONExporter().export(report).contents
        for finding in report.findings where finding.threatID.hasPrefix("TS-HDR-") || finding.threatID == "TS-FLOW-006" {
            #expect(sarif.contains(finding.id) && json.contains(finding.id), "\(finding.id) exported")
        }
        #expect(report.findings.filter { $0.threatID.hasPrefix("TS-HDR-") }.count >= 6)
    }
}
