import Foundation
import Testing
@testable import ThreatscribeCore

/// `diff` and `--baseline`: findings matched by id between two versions of a model.
struct FindingsDiffTests {
    static let samplePath = "Samples/betzenstein-booking.yaml"

    /// The sample with one CORS origin added (cleartext, in production) and one endpoint made public
    /// (the router's auth dependency moved onto the other endpoint only).
    static func editedSample() throws -> String {
        var text = try String(contentsOf: SampleReportTests.root.appendingPathComponent(samplePath), encoding: .utf8)
        let origin = "          allow_origins: [\"https://betzenstein.app\"]"
        let router = "    dependencies: [signed-token]\n    endpoints:\n"
        let endpoint = "      - path: /bookings\n        methods: [GET, POST]\n"
        #expect(text.contains(origin) && text.contains(router) && text.contains(endpoint))
        text = text.replacingOccurrences(of: origin, with: "          allow_origins: [\"https://betzenstein.app\", \"http://partner.example\"]")
        text = text.replacingOccurrences(of: router, with: "    endpoints:\n")
        text = text.replacingOccurrences(of: endpoint, with: endpoint + "        auth: signed-token\n")
        return text
    }

    static func items(_ text: String, file: String) throws -> [FindingsDocument.Item] {
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let report = try ThreatAnalysis(catalog: catalog).run(on: try ModelLoader.load(text: text, file: file),
                                                              options: .init(generatedAt: "2026-01-15", toolVersion: "t"))
        return FindingsDocument(report: report).findings
    }

    @Test func addedOriginAndPublicEndpointAreExactlyTheChanges() throws {
        let original = try String(contentsOf: SampleReportTests.root.appendingPathComponent(Self.samplePath), encoding: .utf8)
        let diff = FindingsDiff(old: try Self.items(original, file: Self.samplePath), new: try Self.items(try Self.editedSample(), file: "new.yaml"))
        #expect(Set(diff.new.map(\.id)) == [
            "TS-CORS-004@middleware[0]#production",   // cleartext http:// origin trusted
            "TS-CORS-013@middleware[0]#production",   // credentialed reads granted to a weak origin
            "TS-ROUTE-001@routers[0].endpoints[1]",   // the state-changing endpoint has no authentication
        ])
        #expect(diff.resolved.isEmpty)
        #expect(diff.changed.isEmpty)
        let markdown = FindingsDiffRenderer.markdown(diff, old: Self.samplePath, new: "new.yaml")
        #expect(markdown.contains("**3 new**, 0 resolved, 0 changed."))
        #expect(markdown.contains("| High | `TS-ROUTE-001@routers[0].endpoints[1]` |"))
        let json = try JSONSerialization.jsonObject(with: Data(try FindingsDiffRenderer.json(diff, old: "a", new: "b").utf8)) as? [String: Any]
        #expect(((json?["diff"] as? [String: Any])?["new"] as? [Any])?.count == 3)
    }

    static func item(_ id: String, _ severity: Severity, status: String = "unchecked", expired: Bool? = nil, title: String = "t") -> FindingsDocument.Item {
        var item = FindingsDocument.Item(
            id: id, threatId: "TS-X-1", title: title, severity: severity, likelihood: .medium, likelihoodScore: 4, impact: .medium,
            impactScore: 4, confidence: .clearCut, stride: [.spoofing], cwe: CWEReference(id: "CWE-1", name: "n"),
            owasp: .init(api2023: [], top10_2021: [], top10_2025: []), asvs: .init(v5: [], v4: []), nist80053: [],
            environments: ["default"], component: "c", subject: .init(path: "p", name: "n"), evidence: [], description: "",
            recommendation: "", validation: "", references: [], tracking: .init(status: status, residualRisk: severity.rawValue))
        item.tracking.expired = expired
        return item
    }

    @Test func severityAndStatusChangesAreReportedAndTitleChangesAreNot() {
        let old = [Self.item("A@1", .medium), Self.item("B@1", .high), Self.item("C@1", .low, title: "old"), Self.item("D@1", .low)]
        let new = [Self.item("A@1", .high), Self.item("B@1", .high, status: "accepted"), Self.item("C@1", .low, title: "new"), Self.item("E@1", .critical)]
        let diff = FindingsDiff(old: old, new: new)
        #expect(diff.new.map(\.id) == ["E@1"])
        #expect(diff.resolved.map(\.id) == ["D@1"])
        #expect(diff.changed == [
            .init(id: "A@1", title: "t", severity: .high, previousSeverity: .medium, status: "unchecked", previousStatus: nil),
            .init(id: "B@1", title: "t", severity: .high, previousSeverity: nil, status: "accepted", previousStatus: "unchecked"),
        ])
        let markdown = FindingsDiffRenderer.markdown(diff, old: "a", new: "b")
        #expect(markdown.contains("| `A@1` | t | severity Medium → High |"))
        #expect(markdown.contains("| `B@1` | t | status unchecked → accepted |"))
    }

    @Test func failOnCountsOnlyOpenNewFindings() {
        let diff = FindingsDiff(old: [], new: [Self.item("A@1", .high, status: "accepted", expired: false),
                                               Self.item("B@1", .high, status: "accepted", expired: true),
                                               Self.item("C@1", .high, status: "mitigated"), Self.item("D@1", .high)])
        #expect(diff.newFindingsCounted(strict: false).map(\.id) == ["B@1", "D@1"])
        #expect(diff.newFindingsCounted(strict: true).count == 4)
    }

    @Test func markdownKeepsModelTextInItsCell() {
        let diff = FindingsDiff(old: [], new: [Self.item("A@1", .high, title: "x | <img src=x onerror=alert(1)> `y` *z*\n# h")])
        let markdown = FindingsDiffRenderer.markdown(diff, old: "a", new: "b")
        let row = markdown.split(separator: "\n").first { $0.contains("A@1") } ?? ""
        #expect(row.hasSuffix("| unchecked |"))
        let scalars = Array(row.unicodeScalars)
        #expect(scalars.indices.allSatisfy { scalars[$0] != "<" || ($0 > 0 && scalars[$0 - 1] == "\\") }, "every < escaped: \(row)")
        #expect(row.contains("x \\| \\<img"))
        #expect(!markdown.contains("\n# h"))
    }

    @Test func baselineOfAnotherMajorVersionIsAnError() throws {
        let file = try FindingsJSONExporter().export(SampleReportTests.report(for: "minimal.yaml")).contents
        #expect(throws: Never.self) { try FindingsDocument.read(Data(file.utf8), file: "b.json") }
        let future = file.replacingOccurrences(of: "\"formatVersion\" : \"1.0\"", with: "\"formatVersion\" : \"2.0\"")
        #expect { try FindingsDocument.read(Data(future.utf8), file: "b.json") } throws: { error in
            (error as? DiagnosticList)?.description == "b.json:1:1: error: b.json has findings format version 2.0; this threatscribe reads 1.x"
        }
        #expect { try FindingsDocument.read(Data("{\"a\": 1}".utf8), file: "b.json") } throws: { error in
            (error as? DiagnosticList)?.description.contains("not a threatscribe findings file") == true
        }
    }
}
