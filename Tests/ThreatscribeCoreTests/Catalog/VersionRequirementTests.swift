import Testing
@testable import ThreatscribeCore

/// Versions as models write them: resolved, locked, ranges; what the analysis assumes and why.
@Suite struct VersionRequirementTests {
    @Test func threeForms() {
        #expect(VersionRequirement("0.41.3")?.form == .resolved(PackageVersion([0, 41, 3])))
        #expect(VersionRequirement("==0.41.3")?.version == PackageVersion([0, 41, 3]))
        #expect(VersionRequirement("0.41.3 (uv.lock:812)")?.form == .locked(PackageVersion([0, 41, 3]), lockFile: "uv.lock:812"))
        #expect(VersionRequirement(">=0.40,<0.42")?.version == nil)
        #expect(VersionRequirement("latest") == nil)
        #expect(VersionRequirement("(uv.lock)") == nil, "a lock file without the version it resolves says nothing")
        #expect(VersionRequirement(">=0.40 (uv.lock)") == nil, "a lock file resolves one version, not a range")
    }

    /// PEP 440 post-releases, as `requirements.txt` files write them (gpt-researcher: `uvicorn>=0.24.0.post1`).
    @Test func postReleasesSortAfterTheirRelease() throws {
        let post = try #require(PackageVersion("0.24.0.post1"))
        #expect(post.release == [0, 24, 0] && post.postRelease == 1 && post.preRelease == nil)
        #expect(PackageVersion([0, 24, 0]) < post && post < PackageVersion([0, 24, 1]))
        #expect(PackageVersion("1.0-2")?.postRelease == 2)
        #expect(PackageVersion("1.0post")?.postRelease == 0)
        #expect(PackageVersion("1.0.0rc1")?.preRelease == "rc1", "a pre-release stays one")
        #expect(PackageVersion("1.0.") == nil && PackageVersion("1..0") == nil)
        let range = try #require(VersionRequirement(">=0.24.0.post1"))
        #expect(range.allows(PackageVersion([0, 25])) && !range.allows(PackageVersion([0, 24, 0])))
        #expect(VersionRequirement("0.24.0.post1")?.version == post)
    }

    @Test func rangesAsIntervals() throws {
        let compatible = try #require(VersionRange("~=0.115.0"))
        #expect(compatible.contains(PackageVersion([0, 115, 9])))
        #expect(!compatible.contains(PackageVersion([0, 116, 0])))
        let caret = try #require(VersionRange("^0.115"))
        #expect(caret.contains(PackageVersion([0, 115, 12])) && !caret.contains(PackageVersion([0, 116])))
        let major = try #require(VersionRange("^1.2"))
        #expect(major.contains(PackageVersion([1, 9])) && !major.contains(PackageVersion([2, 0])))
        let wildcard = try #require(VersionRange("==0.115.*"))
        #expect(wildcard.contains(PackageVersion([0, 115, 4])) && !wildcard.contains(PackageVersion([0, 116])))
        let excluded = try #require(VersionRange(">=0.40,!=0.41.0,<0.42"))
        #expect(!excluded.contains(PackageVersion([0, 41, 0])) && excluded.contains(PackageVersion([0, 41, 1])))
        #expect(VersionRange(">=0.40,<") == nil)
    }

    @Test func starletteAssumptionIsStatedNeverSilentlyTheNewest() throws {
        #expect(AssumedStarletteVersion("0.46.2", writtenAt: "frameworks.starlette")?.description == "0.46.2 (as frameworks.starlette states)")
        let locked = try #require(AssumedStarletteVersion("0.46.2 (uv.lock:812)", writtenAt: "frameworks.starlette"))
        #expect(locked.isStated && locked.reason == "resolved by uv.lock:812, as frameworks.starlette states")
        let open = try #require(AssumedStarletteVersion(">=0.40", writtenAt: "frameworks.starlette"))
        #expect(open.version == .newestKnown && !open.isStated)
        #expect(open.reason.contains("gives the range `>=0.40`"))
        #expect(AssumedStarletteVersion(">=0.40,<1", writtenAt: "x")?.version == .newestZeroX)
        #expect(AssumedStarletteVersion(">=0.40,<0.47", writtenAt: "x")?.version == StarletteVersion(0, 40, 0))
        let none = try #require(AssumedStarletteVersion(nil, writtenAt: "frameworks.starlette"))
        #expect(none.version == .newestKnown && none.reason.hasPrefix("assumed: the model names no Starlette version"))
    }

    @Test func oneOrBothSidesOfAThreshold() {
        let one = PackageVersion([1, 0, 0])
        #expect(VersionRequirement(">=1.2")?.isAtLeast(one) == true)
        #expect(VersionRequirement("<0.50")?.isAtLeast(one) == false)
        #expect(VersionRequirement(">=0.40")?.isAtLeast(one) == nil)
        #expect(VersionRequirement("0.46.2 (uv.lock)")?.isAtLeast(one) == false)
    }

    /// A range is "may be affected", with an allowed affected version; never asserted, and never
    /// matched when every version it allows is fixed.
    @Test func advisoriesForARange() throws {
        let loaded = try #require(loadModel("""
        system: {name: X}
        frameworks: {starlette: ">=0.40,<0.47"}
        """))
        let subjects = AdvisoryAnalyzer().subjects(in: AnalysisContext(environment: loaded.environments[0], allEnvironments: loaded.environments))
        let rangeMatch = try #require(subjects.first { $0["advisory_id"] == .string("GHSA-2c2j-9gv5-cj73") })
        #expect(rangeMatch["affected_phrase"] == .string("may be affected by"))
        #expect(rangeMatch["needs_review"] == .bool(true))
        #expect(rangeMatch["version_relation"] == .string("a range that allows 0.40, which lies in the affected range"))
        let fixed = try #require(loadModel("system: {name: X}\nframeworks: {starlette: \"~=1.10.0\"}\n"))
        let none = AdvisoryAnalyzer().subjects(in: AnalysisContext(environment: fixed.environments[0], allEnvironments: fixed.environments))
        #expect(none.isEmpty, "\(none.map(\.name))")
    }

    @Test func versionsAreValidatedWhereWritten() {
        #expect(loadDiagnostics("system: {name: X}\nframeworks: {starlette: \"newest\"}\n") == [
            "model.yaml:2:25: error: `frameworks.starlette` must be a version (`0.41.3`), a version resolved by a lock file (`0.41.3 (uv.lock:812)`) or a range (`>=0.40,<0.42`, `~=0.115.0`, `^0.115`), found \"newest\"",
        ])
    }
}
