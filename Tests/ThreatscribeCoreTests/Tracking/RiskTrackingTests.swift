import Foundation
import Testing
@testable import ThreatscribeCore

/// Tracking files: loading with located errors, wildcard matching, expiry, residual risk, `--fail-on` counting.
struct RiskTrackingTests {
    static func load(_ text: String) throws(DiagnosticList) -> RiskTracking {
        try RiskTracking.load(text: text, file: "tracking.yaml")
    }

    @Test func loadsEveryField() throws {
        let tracking = try Self.load("""
            TS-CORS-002@middleware[0]:
              status: accepted
              justification: reviewed
              ticket: SEC-1
              owner: alice
              date: 2026-01-10
              expires: 2026-04-01
            "TS-DEP-*":
              status: in-progress
            """)
        #expect(tracking.entries.count == 2)
        #expect(tracking.entries[0] == RiskTrackingEntry(pattern: "TS-CORS-002@middleware[0]", status: .accepted, justification: "reviewed",
                                                         ticket: "SEC-1", owner: "alice", date: "2026-01-10", expires: "2026-04-01",
                                                         location: SourceLocation(file: "tracking.yaml", line: 1, column: 1)))
        #expect(tracking.entries[1].status == .inProgress && tracking.entries[1].location.line == 8)
    }

    @Test func everyProblemIsReportedAtItsPlace() {
        do {
            _ = try Self.load("""
                A@x:
                  status: acepted
                B@y:
                  staus: accepted
                C@z:
                  status: mitigated
                  expires: 2026-13-01
                D@w: accepted
                """)
            Issue.record("must fail")
        } catch {
            let text = error.description
            #expect(text.contains("tracking.yaml:2:11: error: unknown status `acepted`; use unchecked, in-discussion, accepted, in-progress, mitigated, false-positive"), "\(text)")
            #expect(text.contains("tracking.yaml:4:3: error: unknown key `staus` in tracking entry `B@y`; did you mean `status`?"), "\(text)")
            #expect(text.contains("tracking.yaml:3:1: error: tracking entry `B@y` has no `status`"), "\(text)")
            #expect(text.contains("tracking.yaml:7:12: error: `expires` must be a date YYYY-MM-DD"), "\(text)")
            #expect(text.contains("tracking.yaml:8:6: error: `D@w` must map to"), "\(text)")
        }
    }

    @Test func wildcards() {
        #expect(Wildcard.matches("TS-CORS-*@middleware[0]", "TS-CORS-002@middleware[0]"))
        #expect(Wildcard.matches("*", "anything"))
        #expect(Wildcard.matches("*#production", "TS-X-1@a.b#production"))
        #expect(!Wildcard.matches("*#production", "TS-X-1@a.b#staging"))
        #expect(Wildcard.matches("TS-*-001@*", "TS-AUTH-001@auth[0]"))
        #expect(!Wildcard.matches("TS-AUTH-001", "TS-AUTH-0011"))
        #expect(Wildcard.matches("a*b*c", "aXbYbZc") && !Wildcard.matches("a*b*c", "aXbYbZ"))
        let hostile = withoutHanging { Wildcard.matches(String(repeating: "*a", count: 2_000) + "b", String(repeating: "a", count: 10_000)) }
        #expect(!hostile)
    }

    static func report() throws -> AnalysisReport { try SampleReportTests.report(for: "betzenstein-booking.yaml") }

    @Test func exactKeyWinsOverWildcardAndUnmatchedEntriesWarn() throws {
        let report = try Self.report()
        let target = try #require(report.findings.first)
        let tracking = try Self.load("""
            "*":
              status: in-discussion
            "\(target.id)":
              status: mitigated
            NOPE@nowhere:
              status: accepted
            """)
        let (tracked, warnings) = report.tracked(by: tracking, today: "2026-01-15")
        #expect(tracked.findings[0].tracking?.status == .mitigated)
        #expect(tracked.findings[0].tracking?.residualRisk(of: target.severity) == nil)
        #expect(tracked.findings.dropFirst().allSatisfy { $0.tracking?.status == .inDiscussion })
        #expect(warnings.map(\.description) == ["tracking.yaml:5:1: warning: tracking entry `NOPE@nowhere` matches no finding"])
    }

    @Test func acceptanceHoldsUntilItsExpiryDay() throws {
        let report = try Self.report()
        func counted(expires: String, strict: Bool = false) throws -> Int {
            let tracking = try Self.load("\"*\":\n  status: accepted\n  expires: \(expires)\n")
            return report.tracked(by: tracking, today: "2026-01-15").report.findingsCounted(strict: strict).count
        }
        #expect(try counted(expires: "2026-01-16") == 0)
        #expect(try counted(expires: "2026-01-14") == report.findings.count)
        #expect(try counted(expires: "2026-01-15") == report.findings.count, "the expiry day itself is no longer covered")
        #expect(try counted(expires: "2026-01-16", strict: true) == report.findings.count)
        let expired = report.tracked(by: try Self.load("\"*\":\n  status: accepted\n  expires: 2026-01-14\n"), today: "2026-01-15").report
        #expect(expired.findings.allSatisfy { $0.tracking?.isExpired == true && $0.tracking?.isOpen == true })
    }

    @Test func everyFormatShowsTheTrackedStatus() throws {
        let report = try Self.report()
        let target = try #require(report.findings.first)
        let tracking = try Self.load("\"\(target.id)\":\n  status: accepted\n  justification: low exposure\n  ticket: SEC-9\n  expires: 2026-01-14\n")
        let tracked = report.tracked(by: tracking, today: "2026-01-15").report
        let files = try renderReport(tracked, formats: [.markdown, .html, .json, .csv, .sarif])
        func file(_ suffix: String) throws -> String { try #require(files.first { $0.name.hasSuffix(suffix) }).contents }
        // One item may merge several environments' findings: the decision is on the item, or in its
        // per-environment table when only some of them carry it.
        #expect(try file(".md").contains("Tracking: accepted — EXPIRED on 2026-01-14: the finding is open again (low exposure; ticket SEC-9)"))
        #expect(try file(".md").contains("Residual risk: \(target.severity.label)"))
        #expect(try file(".html").contains("EXPIRED on 2026-01-14"))
        let document = try JSONDecoder().decode(FindingsDocument.self, from: Data(try file(".json").utf8))
        #expect(document.findings[0].tracking == FindingsDocument.Tracking(status: "accepted", residualRisk: target.severity.rawValue,
                                                                          justification: "low exposure", ticket: "SEC-9", expires: "2026-01-14", expired: true))
        #expect(document.findings[1].tracking.status == "unchecked")
        #expect(try file(".csv").contains(",accepted,\(target.severity.rawValue),2026-01-14,yes,SEC-9\r\n"))
        #expect(try !file(".sarif").contains("suppressions"), "an expired acceptance suppresses nothing")
        let mitigated = report.tracked(by: try Self.load("\"\(target.id)\":\n  status: mitigated\n"), today: "2026-01-15").report
        let sarif = try SARIFExporter().export(mitigated).contents
        #expect(sarif.contains("\"suppressions\"") && sarif.contains("\"justification\" : \"mitigated\""))
        #expect(try SchemaValidator.errors(schema: SARIFExportTests.schema, documents: ["m.sarif": sarif]).isEmpty)
        #expect(try SchemaValidator.errors(schema: FindingsExportTests.schema, documents: ["t.json": try file(".json")]).isEmpty)
    }
}
