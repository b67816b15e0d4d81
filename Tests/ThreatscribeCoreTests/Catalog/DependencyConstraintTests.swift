import Foundation
import Testing
@testable import ThreatscribeCore

/// The dependency table says what the packages' published metadata says, upgrade plans pick versions
/// that install together, and no Sample report recommends an install that conflicts with the model's pins.
struct DependencyConstraintTests {
    struct Snapshot: Decodable {
        struct Release: Decodable {
            var version: String
            var requires_dist: [String]
        }
        var retrieved: String
        var fastapi: [Release]
        var starlette_releases: [String]
    }

    static func snapshot() throws -> Snapshot {
        let url = SampleReportTests.root.appendingPathComponent("Tests/ThreatscribeCoreTests/Fixtures/pypi-metadata.json")
        return try JSONDecoder().decode(Snapshot.self, from: Data(contentsOf: url))
    }

    /// `starlette<0.47.0,>=0.40.0` → the range; `*` when the metadata does not name the package.
    static func range(of project: String, in lines: [String]) -> VersionRange? {
        guard let line = lines.first(where: { $0.lowercased().hasPrefix(project) }) else { return VersionRange("*") }
        var body = String(line.dropFirst(project.count)).split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
        if body.hasPrefix("("), body.hasSuffix(")") { body = String(body.dropFirst().dropLast()) }
        return VersionRange(body)
    }

    @Test("every FastAPI release of the snapshot has the snapshot's ranges in the table")
    func tableMatchesSnapshot() throws {
        let table = try DependencyConstraints.parse(ResourceStore.builtIn[DependencyConstraints.path] ?? "")
        let snapshot = try Self.snapshot()
        #expect(table.retrieved == snapshot.retrieved)
        #expect(snapshot.fastapi.count > 150)
        for release in snapshot.fastapi {
            let version = try #require(PackageVersion(release.version))
            let run = try #require(table.run(containing: version), "FastAPI \(release.version) is not in the table")
            let starlette = try #require(Self.range(of: "starlette", in: release.requires_dist))
            let pydantic = try #require(Self.range(of: "pydantic", in: release.requires_dist))
            #expect(Set(run.starlette.clauses) == Set(starlette.clauses), "FastAPI \(release.version): starlette \(run.starletteText)")
            #expect(Set(run.pydantic.clauses) == Set(pydantic.clauses), "FastAPI \(release.version): pydantic \(run.pydanticText)")
        }
        let firsts = Set(table.runs.map(\.first.description)), lasts = Set(table.runs.map(\.last.description))
        let versions = Set(snapshot.fastapi.map(\.version))
        #expect(firsts.isSubset(of: versions) && lasts.isSubset(of: versions), "a run starts or ends at a release PyPI does not list")
        #expect(table.starletteReleases.map(\.description) == snapshot.starlette_releases)
        #expect(DependencyConstraints.builtIn.runs.count == table.runs.count)
    }

    @Test("FastAPI 0.115.12 cannot take a fixed Starlette: the plan names the first FastAPI release that can")
    func planForTheSamplePins() throws {
        let plan = try #require(UpgradePlan.framework(
            currentFastAPI: PackageVersion("0.115.12"), currentStarlette: PackageVersion("0.46.2"), pydantic: PackageVersion("2.11.4"),
            minimumFastAPI: nil, minimumStarlette: PackageVersion("1.3.1")))
        #expect(plan.requirements == ["fastapi==0.133.0", "starlette==1.3.1"])
        #expect(plan.rationale.contains("FastAPI 0.115.12 requires starlette >=0.40.0,<0.47.0"))
        // A fix inside the current range keeps FastAPI.
        let small = try #require(UpgradePlan.framework(
            currentFastAPI: PackageVersion("0.116.2"), currentStarlette: PackageVersion("0.46.2"), pydantic: nil,
            minimumFastAPI: nil, minimumStarlette: PackageVersion("0.47.2")))
        #expect(small.requirements == ["fastapi==0.116.2", "starlette==0.47.2"])
        // A Pydantic 1 pin rules out the FastAPI releases that dropped it: no set keeps it with Starlette 1.x.
        #expect(UpgradePlan.framework(currentFastAPI: PackageVersion("0.115.12"), currentStarlette: PackageVersion("0.46.2"),
                                      pydantic: PackageVersion("1.10.13"), minimumFastAPI: nil, minimumStarlette: PackageVersion("1.3.1")) == nil)
        // A FastAPI advisory keeps a Starlette the newer release still accepts.
        let fastapiOnly = try #require(UpgradePlan.framework(
            currentFastAPI: PackageVersion("0.110.0"), currentStarlette: PackageVersion("0.36.3"), pydantic: nil,
            minimumFastAPI: PackageVersion("0.115.3"), minimumStarlette: nil))
        #expect(fastapiOnly.requirements == ["fastapi==0.115.3", "starlette==0.40.0"])
    }

    @Test("all advisories of a package are one finding listing each with its precondition")
    func oneFindingPerPackage() throws {
        let report = try SampleReportTests.report(for: "home-security-intelligence.yaml")
        let upgrades = report.findings.filter { $0.threatID.hasPrefix("TS-DEP-01") }
        #expect(upgrades.map(\.id) == ["TS-DEP-013@frameworks.starlette"])
        let finding = try #require(upgrades.first)
        for id in ["GHSA-2c2j-9gv5-cj73", "GHSA-86qp-5c8j-p5mr", "GHSA-x746-7m8f-x49c", "GHSA-jp82-jpqv-5vv3", "GHSA-82w8-qh3p-5jfq"] {
            #expect(finding.description.contains(id), "\(id) missing")
        }
        // The StaticFiles advisory is listed, and says its precondition does not hold here.
        #expect(finding.description.contains("GHSA-7f5h-v6xp-fcq8 (CVE-2025-62727), fixed in 0.49.1, medium: quadratic parsing of the HTTP Range header in FileResponse/StaticFiles lets one request consume CPU for a long time. Precondition not met"))
    }

    @Test("an upload endpoint meets the upload advisory's precondition: it is confirmed, not left to review")
    func uploadPreconditionMet() throws {
        let text = """
        system: {name: S}
        frameworks: {fastapi: "0.115.12", starlette: "0.46.2"}
        routers:
          - prefix: /files
            endpoints:
              - {path: /, methods: [POST], capabilities: {accepts_uploads: true}}
        """
        let model = try ModelLoader.load(text: text, file: "u.yaml")
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let report = try ThreatAnalysis(catalog: catalog).run(on: model, options: .init(generatedAt: "2026-01-15", toolVersion: "test"))
        let upgrade = try #require(report.findings.first { $0.threatID.hasPrefix("TS-DEP-01") })
        #expect(upgrade.threatID == "TS-DEP-011", "the confirmed medium advisory decides: \(upgrade.id)")
        #expect(upgrade.description.contains("Precondition met: POST /files/ accepts uploads"))
    }

    @Test("no Sample report recommends an install that conflicts with the model's pins", arguments: SampleReportTests.samples)
    func sampleInstallsResolve(_ sample: String) throws {
        let source = try String(contentsOf: SampleReportTests.root.appendingPathComponent("Samples/\(sample)"), encoding: .utf8)
        let markdown = try PasteableCommandTests.markdown(of: source, file: sample)
        let model = try ModelLoader.load(text: source, file: sample)
        let commands = Self.installCommands(in: markdown)
        for problem in commands.flatMap({ Self.conflicts(of: $0, pins: InstalledPackages(model: model.base)) }) {
            Issue.record(Comment(rawValue: "\(sample): \(problem)"))
        }
    }

    @Test("the check catches an upgrade of Starlette past the modelled FastAPI's range")
    func checkCatchesConflicts() throws {
        let model = try ModelLoader.load(text: "system: {name: S}\nframeworks: {fastapi: \"0.115.12\", starlette: \"0.46.2\", pydantic: \"2.11.4\"}\n", file: "m.yaml")
        let pins = InstalledPackages(model: model.base)
        #expect(!Self.conflicts(of: ["pip", "install", "--upgrade", "starlette>=1.0.1"], pins: pins).isEmpty)
        #expect(!Self.conflicts(of: ["pip", "install", "fastapi==0.133.0", "starlette==0.39.0"], pins: pins).isEmpty)
        #expect(!Self.conflicts(of: ["pip", "install", "fastapi==0.165.0", "starlette==1.3.1"], pins: pins).isEmpty, "0.165.0 needs starlette>=1.6.0")
        #expect(Self.conflicts(of: ["pip", "install", "fastapi==0.133.0", "starlette==1.3.1"], pins: pins).isEmpty)
        let commands = Self.installCommands(in: "```bash\npip install --upgrade starlette'>='1.0.1\n```\n")
        #expect(commands == [["pip", "install", "--upgrade", "starlette>=1.0.1"]])
    }

    // MARK: - Support

    /// `pip install` lines of shell blocks, as argument lists with shell quotes removed.
    static func installCommands(in markdown: String) -> [[String]] {
        PasteableCommandTests.shellLines(of: markdown).compactMap { line in
            let code = line.split(separator: "#", maxSplits: 1).first.map(String.init) ?? line
            let words = code.split(separator: " ").map { $0.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "\"", with: "") }
            guard words.count > 2, words[0] == "pip" || words[0] == "pip3", words[1] == "install" else { return nil }
            return words
        }
    }

    /// What in an install command does not resolve with the model's pins and the declared ranges.
    static func conflicts(of command: [String], pins: InstalledPackages, table: DependencyConstraints = .builtIn) -> [String] {
        var exact: [String: PackageVersion] = [:], atLeast: [String: PackageVersion] = [:]
        for word in command.dropFirst(2) where !word.hasPrefix("-") {
            for (separator, isExact) in [("==", true), (">=", false)] {
                let parts = word.components(separatedBy: separator)
                guard parts.count == 2, let version = PackageVersion(parts[1]) else { continue }
                let name = InstalledPackages.normalize(parts[0].split(separator: "[")[0].description)
                if isExact { exact[name] = version } else { atLeast[name] = version }
            }
        }
        guard exact["starlette"] != nil || atLeast["starlette"] != nil || exact["fastapi"] != nil || atLeast["fastapi"] != nil,
              let fastapi = exact["fastapi"] ?? pins.packages["fastapi"]?.version else { return [] }
        if atLeast["fastapi"] != nil { return ["\(command.joined(separator: " ")): a FastAPI lower bound is not a version set"] }
        guard let run = table.run(containing: fastapi) else { return ["\(command.joined(separator: " ")): FastAPI \(fastapi) is not in the table"] }
        var problems: [String] = []
        // pip installs the newest release a lower bound allows, and does not re-resolve packages the command does not name.
        let starlette = exact["starlette"] ?? atLeast["starlette"].flatMap { floor in table.starletteReleases.last { !($0 < floor) } }
            ?? pins.packages["starlette"]?.version
        if let starlette, !run.starlette.contains(starlette) {
            problems.append("\(command.joined(separator: " ")): FastAPI \(fastapi) requires starlette \(run.starletteText), not \(starlette)")
        }
        if let pydantic = exact["pydantic"] ?? pins.packages["pydantic"]?.version, !run.pydantic.contains(pydantic) {
            problems.append("\(command.joined(separator: " ")): FastAPI \(fastapi) requires pydantic \(run.pydanticText), not \(pydantic)")
        }
        return problems
    }
}
