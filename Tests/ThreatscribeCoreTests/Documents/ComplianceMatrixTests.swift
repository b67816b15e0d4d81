import Foundation
import Testing
@testable import ThreatscribeCore

/// The compliance matrix quotes only the standards reference, and its statuses say what the model shows.
struct ComplianceMatrixTests {
    static let catalog = Result { try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary) }

    static func report(_ yaml: String) throws -> AnalysisReport {
        let model = try ModelLoader.load(text: yaml, file: "model.yaml")
        return try ThreatAnalysis(catalog: try catalog.get()).run(on: model, options: .init(generatedAt: "2026-01-15", toolVersion: "test"))
    }

    static func matrix(_ report: AnalysisReport, _ standard: ComplianceStandard = .asvs5) throws -> ComplianceMatrix {
        try ComplianceDocument(standard: standard).matrix(of: report, catalog: try catalog.get())
    }

    /// The reference as the project received it (`Catalog/reference/standards.json`), read here
    /// independently of `StandardsReference`: id → text, keyed as the standard writes ids.
    static let reference: [String: [String: String]] = {
        let url = SampleReportTests.root.appendingPathComponent("Catalog/reference/standards.json")
        guard let data = try? Data(contentsOf: url), let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        func table(_ key: String, prefix: String?) -> [String: String] {
            var result: [String: String] = [:]
            for (id, value) in root[key] as? [String: Any] ?? [:] {
                let text = (value as? String) ?? ((value as? [String: Any])?["text"] as? String) ?? ""
                result[prefix.map { $0 + id.dropFirst() } ?? id] = text
            }
            return result
        }
        return [
            "asvs-5.0": table("asvs_5_0_0", prefix: "v5.0.0-"), "asvs-4.0.3": table("asvs_4_0_3", prefix: "v4.0.3-"),
            "owasp-api-2023": table("owasp_api_top10_2023", prefix: nil), "nist-800-53": table("nist_800_53r5_names", prefix: nil),
        ]
    }()

    @Test("every printed id and text exists in the reference", arguments: SampleReportTests.samples)
    func idsAndTextsComeFromTheReference(_ sample: String) throws {
        let report = try SampleReportTests.report(for: sample)
        for standard in ComplianceStandard.allCases {
            let known = try #require(Self.reference[standard.rawValue])
            let files = try ComplianceDocument(standard: standard).render(report, catalog: try Self.catalog.get())
            let csv = try #require(files.first { $0.name.hasSuffix(".csv") }).contents
            let records = RFC4180.records(in: csv)
            #expect(records.count > 1, "\(standard.rawValue): rows")
            for record in records.dropFirst() {
                #expect(record.count == ComplianceCSV.header.count)
                guard record.count > 3 else { continue }
                #expect(known[record[1]] != nil, "\(standard.rawValue): \(record[1]) is not in the reference")
                #expect(known[record[1]] == record[3], "\(standard.rawValue): the text of \(record[1]) differs from the reference")
            }
            // Headings of the details name the same ids, and nothing else.
            let markdown = try #require(files.first { $0.name.hasSuffix(".md") }).contents
            let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("### `") }
            #expect(headings.count == records.count - 1)
            for heading in headings {
                let id = heading.dropFirst(5).prefix { $0 != "`" }
                #expect(known[String(id)] != nil, "\(standard.rawValue): heading \(heading)")
            }
        }
    }

    @Test func aWildcardOriginInProductionIsNotMetWithItsFinding() throws {
        let report = try Self.report("""
            system: {name: S}
            middleware:
              - {type: cors, allow_origins: ["*"]}
            environments:
              - {name: production, kind: production, base_url: "https://api.example.com"}
            """)
        let row = try #require(try Self.matrix(report).rows.first { $0.id == "v5.0.0-3.4.2" })
        #expect(row.status == .notMet)
        #expect(row.findings.contains { $0.threatID == "TS-CORS-001" })
        #expect(row.evidence.contains { $0.path.description.hasPrefix("middleware[0]") && $0.modelLocation?.line == 3 })
        #expect(!row.needsResolution)
    }

    @Test func withoutCORSMiddlewareTheCORSRequirementIsNotAssessed() throws {
        let report = try Self.report("""
            system: {name: S}
            middleware:
              - {type: gzip}
            environments:
              - {name: production, kind: production, base_url: "https://api.example.com"}
            """)
        let row = try #require(try Self.matrix(report).rows.first { $0.id == "v5.0.0-3.4.2" })
        #expect(row.status == .notAssessed)
        #expect(row.reason.contains("the model describes no CORSMiddleware"))
        #expect(row.needsResolution)
    }

    @Test func aClaimedControlIsNotEvidence() throws {
        // TS-MW-007 stands down while the team claims rate limiting; the requirement stays with the reviewer.
        let report = try Self.report("""
            system: {name: S}
            middleware:
              - {type: gzip}
            routers:
              - endpoints:
                  - {path: /items, methods: [GET]}
            controls:
              - {id: RL, name: Rate limiting, kind: rate_limiting, claim: Requests are rate limited.}
            environments:
              - {name: production, kind: production, base_url: "https://api.example.com"}
            """)
        let row = try #require(try Self.matrix(report).rows.first { $0.id == "v5.0.0-2.4.1" })
        #expect(row.status == .notAssessed)
        #expect(row.reason.contains("silenced by the claimed control RL, Rate limiting"))
    }

    @Test func aCheckThatNeedsAnExplicitFalseProvesNothingWhenTheModelIsSilent() throws {
        // TS-ROUTE-005 fires on `checks_object_ownership: false` only; unset, BOLA cannot be called met.
        func row(_ ownership: String) throws -> ComplianceMatrix.Row {
            let report = try Self.report("""
                system: {name: S}
                auth:
                  - {id: jwt, type: jwt, transport: header}
                routers:
                  - dependencies: [jwt]
                    endpoints:
                      - {path: "/orders/{order_id}", methods: [GET]\(ownership)}
                environments:
                  - {name: production, kind: production, base_url: "https://api.example.com"}
                """)
            return try #require(try Self.matrix(report, .owaspAPI2023).rows.first { $0.id == "API1:2023" })
        }
        let silent = try row("")
        #expect(silent.status == .notAssessed)
        #expect(silent.reason.contains("TS-ROUTE-005 (the model does not state checks_object_ownership"))
        #expect(try row(", checks_object_ownership: true").status == .met)
        #expect(try row(", checks_object_ownership: false").status == .notMet)
    }

    @Test func withoutProductionProductionChecksAreNotClaimedMet() throws {
        let report = try Self.report("""
            system: {name: S}
            middleware:
              - {type: cors, allow_origins: ["https://app.example.com"]}
            environments:
              - {name: dev, kind: development, base_url: "http://localhost:8000"}
            """)
        let matrix = try Self.matrix(report)
        let row = try #require(matrix.rows.first { $0.id == "v5.0.0-3.4.2" })
        #expect(row.reason.contains("(the model describes no production environment)"))
        let markdown = try #require(try ComplianceDocument(standard: .asvs5).render(report, catalog: try Self.catalog.get()).first { $0.name.hasSuffix(".md") }).contents
        #expect(markdown.contains("The model has no production environment"))
    }

    @Test func chapterCountsAddUp() throws {
        let matrix = try Self.matrix(try SampleReportTests.report(for: "betzenstein-booking.yaml"))
        #expect(matrix.chapters.reduce(0) { $0 + $1.total } == matrix.rows.count)
        for chapter in matrix.chapters {
            #expect(chapter.counts.values.reduce(0, +) == chapter.total)
        }
        #expect(matrix.chapters.first { $0.id == "V3" }?.name == "Web Frontend Security")
        // The signed token in the query string (CWE-598) fails V14.2.1.
        let row = try #require(matrix.rows.first { $0.id == "v5.0.0-14.2.1" })
        #expect(row.status == .notMet && row.findings.contains { $0.threatID == "TS-AUTH-007" })
    }

    @Test func csvQuotesAndDefusesCells() {
        #expect(RFC4180.records(in: "a,\"b,\"\"c\"\"\"\r\nd,e\r\n") == [["a", "b,\"c\""], ["d", "e"]])
        #expect(FindingsCSVExporter.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
    }
}
