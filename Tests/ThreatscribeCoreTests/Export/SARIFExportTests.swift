import Foundation
import Testing
@testable import ThreatscribeCore

/// `--format sarif`: valid SARIF 2.1.0 with what GitHub code scanning requires, and stable fingerprints.
struct SARIFExportTests {
    static let schema = SampleReportTests.root.appendingPathComponent("Tests/ThreatscribeCoreTests/Export/Schemas/sarif-schema-2.1.0.json")

    static func sarif(_ report: AnalysisReport) throws -> String {
        try SARIFExporter().export(report).contents
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func everySampleIsValidAgainstTheOfficialSchema() throws {
        var documents: [String: String] = [:]
        for sample in SampleReportTests.samples {
            documents[sample + ".sarif"] = try Self.sarif(SampleReportTests.report(for: sample))
        }
        let errors = try SchemaValidator.errors(schema: Self.schema, documents: documents)
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func theSchemaCheckRejectsAnInvalidLog() throws {
        let text = try Self.sarif(SampleReportTests.report(for: "betzenstein-booking.yaml"))
            .replacingOccurrences(of: "\"level\" : \"error\"", with: "\"level\" : \"fatal\"")
        let errors = try SchemaValidator.errors(schema: Self.schema, documents: ["broken.sarif": text])
        #expect(errors.contains("fatal"), "the validator must notice an unknown level: \(errors)")
    }

    @Test("GitHub code scanning's required fields are present", arguments: SampleReportTests.samples)
    func gitHubRequirements(_ sample: String) throws {
        let report = try SampleReportTests.report(for: sample)
        let log = try Self.object(try Self.sarif(report))
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "threatscribe")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(Set(rules.compactMap { $0["id"] as? String }) == Set(report.findings.map(\.threatID)))
        for rule in rules {
            let id = rule["id"] as? String ?? "?"
            for key in ["shortDescription", "fullDescription"] {
                #expect(((rule[key] as? [String: Any])?["text"] as? String)?.isEmpty == false, "\(id) \(key)")
            }
            let help = try #require(rule["help"] as? [String: Any])
            #expect((help["text"] as? String)?.isEmpty == false && (help["markdown"] as? String)?.isEmpty == false, "\(id) help")
            let properties = try #require(rule["properties"] as? [String: Any])
            let tags = try #require(properties["tags"] as? [String])
            let cwe = try #require(report.findings.first { $0.threatID == id }?.cwe.id)
            #expect(tags.contains("security") && tags.contains(cwe), "\(id) tags \(tags)")
            let score = try #require(Double(properties["security-severity"] as? String ?? ""), "\(id) security-severity")
            #expect(score > 0 && score <= 10)
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        for (result, finding) in zip(results, report.findings) {
            #expect(result["ruleId"] as? String == finding.threatID)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let uri = try #require((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
            let line = try #require((location["region"] as? [String: Any])?["startLine"] as? Int)
            #expect(!uri.isEmpty && line >= 1)
            let fingerprint = try #require((result["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"])
            #expect(fingerprint.range(of: "^[0-9a-f]{16}:1$", options: .regularExpression) != nil)
        }
        let fingerprints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"] }
        #expect(Set(fingerprints).count == fingerprints.count, "fingerprints must be unique within a run")
    }

    /// A finding whose value came from the service's code is located there; the model line is a related location.
    @Test func resultFromCodeIsLocatedInTheCode() throws {
        let report = try SampleReportTests.report(for: "home-security-intelligence.yaml")
        let finding = try #require(report.findings.first { $0.evidence.contains { $0.codeLocation != nil } })
        let code = try #require(finding.evidence.compactMap(\.codeLocation).first)
        let result = SARIFExporter.result(for: finding, ruleIndex: 0, modelFile: report.model.file)
        #expect(result.locations[0].physicalLocation.artifactLocation.uri == code.file)
        #expect(result.locations[0].physicalLocation.region?.startLine == code.line)
        #expect(result.relatedLocations?.contains { $0.physicalLocation.artifactLocation.uri == report.model.file } == true)
    }

    @Test func pathsBecomeURIReferences() {
        #expect(SARIFURI.reference(for: "Samples/a b.yaml") == "Samples/a%20b.yaml")
        #expect(SARIFURI.reference(for: "/srv/x#y.yaml") == "file:///srv/x%23y.yaml")
        #expect(SARIFURI.reference(for: "über.yaml") == "%C3%BCber.yaml")
    }

    /// Ids and fingerprints depend on the threat and the model path only: shifting every line, renaming
    /// the system and changing an unrelated setting leaves them as they were.
    @Test func fingerprintsSurviveUnrelatedChanges() throws {
        let path = "Samples/betzenstein-booking.yaml"
        let original = try String(contentsOf: SampleReportTests.root.appendingPathComponent(path), encoding: .utf8)
        #expect(original.contains("name: Betzenstein"))
        let edited = "# a comment that moves every line down\n\n" + original.replacingOccurrences(of: "name: Betzenstein", with: "name: Renamed Betzenstein")
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        func fingerprints(_ text: String) throws -> [String: String] {
            let report = try ThreatAnalysis(catalog: catalog).run(on: try ModelLoader.load(text: text, file: path),
                                                                  options: .init(generatedAt: "2026-01-15", toolVersion: "t"))
            let log = try Self.object(try Self.sarif(report))
            let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
            var map: [String: String] = [:]
            for result in results {
                let properties = try #require(result["properties"] as? [String: Any])
                map[properties["findingId"] as? String ?? ""] = (result["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"]
            }
            return map
        }
        let before = try fingerprints(original), after = try fingerprints(edited)
        #expect(!before.isEmpty)
        #expect(before == after)
        #expect(try SampleReportTests.report(for: "betzenstein-booking.yaml").findings.map(\.id).sorted() == before.keys.sorted())
    }

    @Test func twoRunsAreByteIdentical() throws {
        let report = try SampleReportTests.report(for: "fastapi-kubernetes.yaml")
        #expect(try Self.sarif(report) == Self.sarif(report))
    }
}
