import Foundation
import Testing

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
        #expect(expired.stdout.contains("EXPIRED accepted of TS-AUTH-007@auth[0] on 2026-01-14: open again"))
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
