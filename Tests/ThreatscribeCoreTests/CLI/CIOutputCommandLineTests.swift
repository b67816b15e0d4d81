import Foundation
import Testing
import ThreatscribeCore

/// The CI-facing side of the command line: data formats, exit codes.
struct CIOutputCommandLineTests {
    typealias CLI = CommandLineTests

    @Test func dataFormatsAreWrittenNextToTheReport() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["analyze", "Samples/minimal.yaml", "-o", directory.path, "--format", "sarif,json,csv,md", "--date", "2026-01-15"])
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["threat-model.csv", "threat-model.json", "threat-model.md", "threat-model.sarif"])
    }
}

extension CIOutputCommandLineTests {
    /// Usage errors are bad input (2), not ArgumentParser's 64; help and version are success.
    @Test func usageErrorsExitTwo() throws {
        for arguments in [["analyze", "Samples/minimal.yaml", "-o", "/nonexistent/x", "--format", "bogus"],
                          ["analyze", "Samples/minimal.yaml", "-o", "/nonexistent/x", "--fail-on", "extreme"],
                          ["analyze"], ["no-such-command"]] {
            let run = try CLI.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
            #expect(!run.stderr.contains("internal error"))
        }
        for arguments in [["--help"], ["--version"], ["analyze", "--help"]] {
            #expect(try CLI.run(arguments).status == 0, "\(arguments)")
        }
    }
}

extension CIOutputCommandLineTests {
    /// The clock is the report date (`--date`): an acceptance that expired the day before fails
    /// `--fail-on high`; one that expires the day after does not, unless `--strict`.
    @Test func expiredAcceptanceFailsAndCurrentOneDoesNot() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func run(expires: String, extra: [String] = []) throws -> CLI.Run {
            let file = directory.appendingPathComponent("tracking-\(expires).yaml")
            try "\"*\":\n  status: accepted\n  justification: test\n  expires: \(expires)\nUNUSED@x:\n  status: mitigated\n"
                .write(to: file, atomically: true, encoding: .utf8)
            return try CLI.run(["analyze", "Samples/betzenstein-booking.yaml", "-o", directory.appendingPathComponent("out").path,
                                "--date", "2026-01-15", "--fail-on", "high", "--tracking", file.path] + extra)
        }
        let expired = try run(expires: "2026-01-14")
        #expect(expired.status == 1, "\(expired.stderr)")
        #expect(expired.stdout.contains("EXPIRED accepted of TS-AUTH-007@auth[0]#production on 2026-01-14: open again"), "\(expired.stdout)")
        let current = try run(expires: "2026-01-16")
        #expect(current.status == 0, "\(current.stderr)")
        #expect(current.stderr.contains("tracking-2026-01-16.yaml:5:1: warning: tracking entry `UNUSED@x` matches no finding"))
        #expect(try run(expires: "2026-01-16", extra: ["--strict"]).status == 1)
        let bad = directory.appendingPathComponent("bad.yaml")
        try "X@y:\n  status: sure\n".write(to: bad, atomically: true, encoding: .utf8)
        let invalid = try CLI.run(["analyze", "Samples/minimal.yaml", "-o", directory.appendingPathComponent("never").path, "--tracking", bad.path])
        #expect(invalid.status == 2 && invalid.stderr.contains("bad.yaml:2:11: error: unknown status `sure`"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("never").path))
    }
}

extension CIOutputCommandLineTests {
    @Test func diffOfTwoFilesAndAgainstAGitRevision() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("model.yaml")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent(FindingsDiffTests.samplePath), to: model)
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", directory.path, "-c", "user.name=t", "-c", "user.email=t@example.invalid"] + arguments
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        try git("init", "-q")
        try git("add", "model.yaml")
        try git("commit", "-q", "-m", "model")
        try FindingsDiffTests.editedSample().write(to: model, atomically: true, encoding: .utf8)

        let files = try CLI.run(["diff", FindingsDiffTests.samplePath, model.path, "--date", "2026-01-15"])
        #expect(files.status == 0, "\(files.stderr)")
        #expect(files.stdout.contains("**\(FindingsDiffTests.expectedNewIDs.count) new**, 0 resolved, 0 changed."))
        let revision = try CLI.run(["diff", "--git", "HEAD", model.path, "--date", "2026-01-15", "--format", "json", "--fail-on", "high"])
        #expect(revision.status == 1, "a new High finding with --fail-on high: \(revision.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(revision.stdout.utf8)) as? [String: Any]
        let new = ((json?["diff"] as? [String: Any])?["new"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(Set(new ?? []) == FindingsDiffTests.expectedNewIDs)
        #expect(try CLI.run(["diff", "--git", "HEAD", model.path, "--fail-on", "critical"]).status == 0)
        let missing = try CLI.run(["diff", "--git", "no-such-rev", model.path])
        #expect(missing.status == 2 && missing.stderr.contains("cannot read"), "\(missing.stderr)")
        #expect(try CLI.run(["diff", model.path]).status == 2)
    }

    @Test func baselineReportsOnlyFindingsItDoesNotList() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = directory.appendingPathComponent("base")
        #expect(try CLI.run(["analyze", FindingsDiffTests.samplePath, "-o", base.path, "--format", "json", "--date", "2026-01-15"]).status == 0)
        let model = directory.appendingPathComponent("new.yaml")
        try FindingsDiffTests.editedSample().write(to: model, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out")
        let run = try CLI.run(["analyze", model.path, "-o", out.path, "--format", "json", "--date", "2026-01-15",
                               "--baseline", base.appendingPathComponent("threat-model.json").path, "--fail-on", "high"])
        #expect(run.status == 1, "\(run.stderr)")
        let document = try JSONDecoder().decode(FindingsDocument.self, from: Data(contentsOf: out.appendingPathComponent("threat-model.json")))
        #expect(Set(document.findings.map(\.id)) == FindingsDiffTests.expectedNewIDs)
        let same = try CLI.run(["analyze", FindingsDiffTests.samplePath, "-o", out.path, "--format", "json", "--fail-on", "note",
                                "--baseline", base.appendingPathComponent("threat-model.json").path])
        #expect(same.status == 0, "nothing new against its own baseline")
    }
}

extension CIOutputCommandLineTests {
    /// A directory of models: one report directory per model, mirroring the layout, plus an index.
    @Test func batchWritesOneDirectoryPerModelAndAnIndex() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let models = directory.appendingPathComponent("services")
        for (name, sample) in [("api/threat-model.yaml", "minimal.yaml"), ("booking/threat-model.yaml", "betzenstein-booking.yaml")] {
            let url = models.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Samples/\(sample)"), to: url)
        }
        try "not a model".write(to: models.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out")
        let run = try CLI.run(["analyze", models.path, "-o", out.path, "--format", "md,json", "--date", "2026-01-15", "--fail-on", "high"])
        #expect(run.status == 1, "the booking model has High findings: \(run.stderr)")
        let written = FileManager.default.enumerator(atPath: out.path)?.allObjects.compactMap { $0 as? String }.sorted()
        #expect(written == ["api", "api/threat-model", "api/threat-model/threat-model.json", "api/threat-model/threat-model.md",
                            "booking", "booking/threat-model", "booking/threat-model/threat-model.json", "booking/threat-model/threat-model.md",
                            "index.json", "index.md"])
        let index = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("index.json"))) as? [String: Any])
        let entries = try #require(index["models"] as? [[String: Any]])
        #expect(entries.compactMap { $0["system"] as? String } == ["Inventory API", "Betzenstein Booking"])
        #expect(entries.compactMap { $0["directory"] as? String } == ["api/threat-model", "booking/threat-model"])
        let markdown = try String(contentsOf: out.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(markdown.contains("[booking/threat-model](<booking/threat-model/threat-model.md>)"))
        #expect(try CLI.run(["analyze", models.appendingPathComponent("*/threat-model.yaml").path, "-o", out.path, "-q"]).status == 0)
    }

    /// A batch whose last report cannot be written leaves the output as it was: the reports already
    /// rendered and staged are not moved into place, and the directories made for them are removed.
    @Test func batchThatCannotWriteOneReportWritesNothing() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let models = directory.appendingPathComponent("models")
        for name in ["nested/a.yaml", "b.yaml", "c.yaml"] {
            let url = models.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Samples/minimal.yaml"), to: url)
        }
        let out = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "in the way".write(to: out.appendingPathComponent("c"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["analyze", models.path, "-o", out.path, "--format", "md", "--date", "2026-01-15"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("exists and is not a directory"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["c"])
        #expect(try String(contentsOf: out.appendingPathComponent("c"), encoding: .utf8) == "in the way")
    }

    /// One bad model among several: every problem of every model is printed, nothing is written.
    @Test func batchWithABadModelWritesNothing() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("a.yaml"), second = directory.appendingPathComponent("b.yaml")
        try "system:\n  name: A\nmiddleware:\n  - type: cors\n    allow_orgins: []\n".write(to: first, atomically: true, encoding: .utf8)
        try "system: [\n".write(to: second, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("out")
        let run = try CLI.run(["analyze", "Samples/minimal.yaml", first.path, second.path, "-o", out.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("a.yaml:5:5: error: unknown key `allow_orgins`"), "\(run.stderr)")
        #expect(run.stderr.contains("b.yaml:"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try CLI.run(["analyze", directory.appendingPathComponent("none-*.yaml").path, "-o", out.path]).status == 2)
        #expect(try CLI.run(["analyze", "Samples", "-o", out.path, "--baseline", "x.json"]).status == 2)
    }
}
