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
