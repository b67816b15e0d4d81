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
