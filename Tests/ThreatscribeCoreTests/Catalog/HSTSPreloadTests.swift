import Testing
@testable import ThreatscribeCore

/// The HSTS preload suffixes parse, carry their source and date, and match whole labels only.
struct HSTSPreloadTests {
    @Test func tableParsesWithItsSource() throws {
        let list = try HSTSPreloadList.parse(ResourceStore.builtIn[HSTSPreloadList.path] ?? "")
        #expect(list.source.hasPrefix("https://chromium.googlesource.com/"))
        #expect(list.retrieved == "2026-12-06")
        #expect(Set(["app", "dev", "page", "new"]).isSubset(of: Set(list.suffixes)))
        #expect(HSTSPreloadList.builtIn.suffixes == list.suffixes)
    }

    @Test func matchesWholeLabels() {
        let list = HSTSPreloadList.builtIn
        #expect(list.suffix(covering: "api.betzenstein.app") == "app")
        #expect(list.suffix(covering: "API.Example.DEV.") == "dev")
        #expect(list.suffix(covering: "x.now.sh") == "now.sh")
        #expect(list.suffix(covering: "orders.example.com") == nil)
        #expect(list.suffix(covering: "example.webapp") == nil, "a suffix matches whole labels only")
        #expect(list.suffix(covering: "localhost") == nil)
    }

    @Test("HSTS is not demanded for a host on a preloaded TLD; the report says it is preloaded")
    func betzensteinProductionIsPreloaded() throws {
        let findings = try SampleReportTests.report(for: "betzenstein-booking.yaml").findings
        #expect(!findings.contains { $0.threatID == "TS-HDR-001" && $0.environments.contains("production") })
        let note = try #require(findings.first { $0.threatID == "TS-HDR-012" })
        #expect(note.title.contains(".app"))
        #expect(note.environments == ["production"])
    }
}
