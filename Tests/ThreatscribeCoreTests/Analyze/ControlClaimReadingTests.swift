import Foundation
import Testing
@testable import ThreatscribeCore

/// A claim is judged on what it says and where, and each Supported or Contradicted verdict names the
/// model fact that decides it.
struct ControlClaimReadingTests {
    static func model(checksOrigin: String, origins: String = #"["https://app.example.com"]"#, credentials: Bool = true, extraEnvironment: String = "") -> String {
        """
        system: {name: S}
        middleware:
          - {id: cors, type: cors, allow_origins: \(origins), allow_credentials: \(credentials)}
        websockets:
          - {path: /ws\(checksOrigin)}
        controls:
          - {id: W1, name: WebSocket origin check, kind: cors, claim: The WebSocket handshake validates the Origin header.}
          - {id: C1, name: Explicit origins, kind: cors, claim: No wildcards in production.}
          - {id: C2, name: Credentials, kind: cors, claim: allow_credentials is disabled automatically when "*" is in the origins.}
        environments:
          - {name: production, kind: production}
        \(extraEnvironment)
        """
    }

    static func review(_ id: String, _ text: String) throws -> ControlReview {
        try #require(try ControlReviewerTests.review(text).first { $0.control.hasPrefix(id) })
    }

    /// CORSMiddleware passes WebSockets through: it never supports a WebSocket origin check. The route's
    /// own `checks_origin` decides, and the reason names it.
    @Test func webSocketOriginCheckIsDecidedByTheRouteNotByCORS() throws {
        let unknown = try Self.review("W1", Self.model(checksOrigin: ""))
        #expect(unknown.verdict == .unverifiable, "\(unknown.reason)")
        #expect(unknown.reason.contains("passes WebSocket connections through"))
        let checked = try Self.review("W1", Self.model(checksOrigin: ", checks_origin: true"))
        #expect(checked.verdict == .supported)
        #expect(checked.reason.contains("`websockets[0].checks_origin` of `/ws` is `true`"), "\(checked.reason)")
        #expect(!checked.reason.contains("CORSMiddleware is registered"))
        let open = try Self.review("W1", Self.model(checksOrigin: ", checks_origin: false"))
        #expect(open.verdict == .contradicted)
        #expect(open.reason.contains("`websockets[0].checks_origin` of `/ws` is `false`"), "\(open.reason)")
    }

    /// "No wildcards" is decided by the origins of the claim's environments, named in the reason.
    @Test func noWildcardClaimNamesTheOrigins() throws {
        let explicit = try Self.review("C1", Self.model(checksOrigin: ""))
        #expect(explicit.verdict == .supported)
        #expect(explicit.reason.contains(#"`allow_origins=["https://app.example.com"]`"#), "\(explicit.reason)")
        let wildcard = try Self.review("C1", Self.model(checksOrigin: "", origins: #"["*"]"#, credentials: false))
        #expect(wildcard.verdict == .contradicted)
        #expect(wildcard.reason.contains(#"`allow_origins=["*"]`"#), "\(wildcard.reason)")
    }

    /// "Credentials are off when `*` is set" is shown where the model sets `*` (any environment), and
    /// cannot be checked when no environment does.
    @Test func credentialsClaimIsDecidedWhereTheModelSetsAWildcard() throws {
        let none = try Self.review("C2", Self.model(checksOrigin: ""))
        #expect(none.verdict == .unverifiable, "\(none.reason)")
        let wildcard = """
              - name: wildcard
                kind: development
                overrides:
                  middleware:
                    - {id: cors, allow_origins: ["*"], allow_credentials: CREDENTIALS}
            """
        let off = try Self.review("C2", Self.model(checksOrigin: "", extraEnvironment: wildcard.replacingOccurrences(of: "CREDENTIALS", with: "false")))
        #expect(off.verdict == .supported, "\(off.reason)")
        #expect(off.reason.contains(#"wildcard: `allow_origins=["*"]`, `allow_credentials=False`"#), "\(off.reason)")
        let on = try Self.review("C2", Self.model(checksOrigin: "", extraEnvironment: wildcard.replacingOccurrences(of: "CREDENTIALS", with: "true")))
        #expect(on.verdict == .contradicted, "\(on.reason)")
    }

    /// Every Supported or Contradicted verdict in the Samples names a fact: a model path or value in
    /// code, or a finding id.
    @Test("verdicts name their deciding fact", arguments: SampleReportTests.samples)
    func sampleVerdictsNameTheirFact(_ sample: String) throws {
        let report = try SampleReportTests.report(for: sample)
        for review in report.controlReviews where review.verdict != .unverifiable {
            let namesFinding = report.findings.contains { review.reason.contains($0.id) }
            // The scope note ("Findings considered: kind `cors`, …") names no fact.
            let reason = review.reason.components(separatedBy: "Findings considered:")[0]
            let namesModelValue = reason.contains("`") || reason.contains("The model shows it (")
            #expect(namesFinding || namesModelValue, "\(sample): \(review.control): \(review.reason)")
            #expect(!review.reason.contains("CORSMiddleware is registered") || !review.control.lowercased().contains("websocket"))
        }
    }

    /// The summary never says that every part was assessed beside a part the report says the model
    /// leaves out, and its count covers every such part the report names.
    @Test("summary counts what the report says is not assessed", arguments: SampleReportTests.samples)
    func summaryAgreesWithNotAssessed(_ sample: String) throws {
        let markdown = try #require(try SampleReportTests.rendered(sample).first { $0.name.hasSuffix(".md") }).contents
        let report = try SampleReportTests.report(for: sample)
        let view = ThreatModelView(report: report, catalogEntryCount: 0)
        let parts = view.notAssessedParts(report)
        #expect(!markdown.contains("Every part of the model was assessed"), "\(sample)")
        if markdown.contains("Not assessed") || markdown.contains("Not in the model") || view.executive.hasQuestions {
            #expect(view.executive.verdict.contains(" \(parts.count) part(s) not assessed"), "\(sample): \(view.executive.verdict)")
        }
        // Each distinct "Not assessed" sentence and each aspect a "Not in the model" line names is counted.
        var sentences = Set<String>()
        var aspects = 0
        var inAppendixB = false
        for line in markdown.components(separatedBy: "\n") {
            if line.hasPrefix("## ") { inAppendixB = line.hasPrefix("## Appendix B") }
            if let range = line.range(of: "Not assessed: ") {
                sentences.insert(String(line[range.lowerBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " |*_")))
            }
            if let range = line.range(of: "Not in the model: ") {
                aspects += line[range.upperBound...].components(separatedBy: ", ").count
            }
            // The appendix's table: | Part | (Differs by environment or left open |) Not in the model |.
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if inAppendixB, cells.count == 4 || cells.count == 5, line.hasPrefix("| "),
               case let missing = cells[cells.count - 2], !missing.isEmpty, missing != "---", missing != "Not in the model" {
                aspects += missing.components(separatedBy: ", ").count
            }
        }
        #expect(sentences.count + aspects <= parts.count, "\(sample): \(sentences.count + aspects) shown, \(parts.count) counted")
    }
}
