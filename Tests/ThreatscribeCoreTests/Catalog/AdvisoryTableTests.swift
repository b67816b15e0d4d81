import Testing
@testable import ThreatscribeCore

/// The advisory table parses, and its ranges match versions exactly (inclusive, exclusive, pre-releases).
struct AdvisoryTableTests {
    @Test func tableParses() throws {
        let table = try KnownAdvisories.parse(ResourceStore.builtIn[KnownAdvisories.path] ?? "")
        #expect(table.count >= 30)
        #expect(KnownAdvisories.all.count == table.count)
        #expect(Set(table.map(\.id)).count == table.count, "duplicate advisory ids")
    }

    private func advisory(_ id: String) throws -> KnownAdvisory {
        try #require(KnownAdvisories.all.first { $0.id == id })
    }

    private func affects(_ id: String, _ version: String) throws -> Bool {
        try advisory(id).range(containing: try #require(PackageVersion(version))) != nil
    }

    @Test func staticFilesTraversalRange() throws {
        #expect(try !affects("GHSA-v5gw-mw7f-84px", "0.13.4"))
        #expect(try affects("GHSA-v5gw-mw7f-84px", "0.13.5"))
        #expect(try affects("GHSA-v5gw-mw7f-84px", "0.26.1"))
        #expect(try affects("GHSA-v5gw-mw7f-84px", "0.27.0rc1"))
        #expect(try !affects("GHSA-v5gw-mw7f-84px", "0.27.0"))
    }

    @Test func fixedBoundsAreExclusive() throws {
        #expect(try affects("GHSA-2c2j-9gv5-cj73", "0.47.1"))
        #expect(try !affects("GHSA-2c2j-9gv5-cj73", "0.47.2"))
        #expect(try affects("GHSA-6c5p-j8vq-pqhj", "3.3.0"))
        #expect(try !affects("GHSA-6c5p-j8vq-pqhj", "3.4.0"))
    }

    /// CVE-2026-85394 names no fix: every release up to 3.5.0 inclusive is affected.
    @Test func lastAffectedIsInclusive() throws {
        #expect(try affects("CVE-2026-85394", "3.5.0"))
        #expect(try !affects("CVE-2026-85394", "3.5.1"))
    }

    @Test func pydanticHasThreeRanges() throws {
        #expect(try affects("GHSA-5jqp-qgf6-3pvh", "1.6.1"))
        #expect(try !affects("GHSA-5jqp-qgf6-3pvh", "1.6.2"))
        #expect(try affects("GHSA-5jqp-qgf6-3pvh", "1.7.3"))
        #expect(try !affects("GHSA-5jqp-qgf6-3pvh", "1.7.4"))
        #expect(try affects("GHSA-5jqp-qgf6-3pvh", "1.8.1"))
        #expect(try !affects("GHSA-5jqp-qgf6-3pvh", "1.8.2"))
        #expect(try !affects("GHSA-mr82-8j83-vxmv", "1.10.13"))
        #expect(try affects("GHSA-mr82-8j83-vxmv", "2.3.0"))
        #expect(try !affects("GHSA-mr82-8j83-vxmv", "2.4.0"))
    }

    @Test func jinjaPreReleaseLowerBound() throws {
        #expect(try !affects("CVE-2024-56201", "2.11.3"))
        #expect(try affects("CVE-2024-56201", "3.0.0a1"))
        #expect(try affects("CVE-2024-56201", "3.1.4"))
        #expect(try !affects("CVE-2024-56201", "3.1.5"))
    }

    /// Every Jinja2 advisory needs template rendering (filters, the compiler, the sandbox), so it
    /// matches only when the model has a `templates` section, as StaticFiles advisories need mounts.
    @Test func jinjaAdvisoriesRequireTemplates() {
        let jinja = KnownAdvisories.all.filter { $0.package == "jinja2" }
        #expect(!jinja.isEmpty)
        for advisory in jinja {
            #expect(advisory.requires == "templates", "\(advisory.id) should require templates")
        }
    }

    @Test func rangesAreNotVersions() {
        #expect(InstalledPackages.exact(">=0.110") == nil)
        #expect(InstalledPackages.exact("~=2.5") == nil)
        #expect(InstalledPackages.exact("==0.115.*") == nil)
        #expect(InstalledPackages.exact("==0.115.0") == PackageVersion("0.115.0"))
        #expect(InstalledPackages.normalize("Python_Multipart") == "python-multipart")
    }
}
