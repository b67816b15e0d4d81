import Testing
@testable import ThreatscribeCore

/// Judgment across findings on the Samples: a CSP that blocks the docs UI is said on the docs
/// finding (and the CDN finding, moot under that CSP, stays silent); a JSON-only API gets one
/// low item for the browser-document headers instead of one finding per header.
struct CrossFindingJudgmentTests {
    @Test("the docs finding says the model's CSP blanks the Swagger UI page")
    func cspBlocksDocs() throws {
        let findings = try SampleReportTests.report(for: "home-security-intelligence.yaml").findings
        let docs = try #require(findings.first { $0.threatID == "TS-DOCS-001" })
        #expect(docs.description.contains("refuses the page's script from cdn.jsdelivr.net and its inline start-up script"))
        #expect(!findings.contains { $0.threatID == "TS-DOCS-005" })
        #expect(SecurityHeadersAnalyzer.docsUIBlock(CSP(text: "script-src 'self' https://cdn.jsdelivr.net 'unsafe-inline'")) == nil)
        #expect(SecurityHeadersAnalyzer.docsUIBlock(CSP(text: "img-src 'self'")) == nil, "no script policy, nothing refused")
        #expect(SecurityHeadersAnalyzer.docsUIBlock(CSP(text: "default-src 'self' https://cdn.jsdelivr.net"))?.refused == "its inline start-up script")
    }

    @Test("a JSON-only API gets one document-header item, not one finding per header")
    func jsonOnlyHeaders() throws {
        let findings = try SampleReportTests.report(for: "home-security-intelligence.yaml").findings
        let documentEntries: Set<String> = ["TS-HDR-003", "TS-HDR-004", "TS-HDR-005", "TS-HDR-006", "TS-HDR-007", "TS-HDR-009", "TS-HDR-010", "TS-HDR-011"]
        #expect(!findings.contains { documentEntries.contains($0.threatID) })
        let collected = findings.filter { $0.threatID == "TS-HDR-013" }
        #expect(collected.count == 1)
        #expect(collected.first?.severity == .low)
        #expect(collected.first?.description.contains("X-XSS-Protection turns on the retired XSS auditor") == true)
    }
}
