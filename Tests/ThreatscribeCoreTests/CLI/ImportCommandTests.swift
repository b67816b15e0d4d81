import Foundation
import Testing

/// `threatscribe import` as users run it: a model is written whole, or nothing is and the exit code is 2.
struct ImportCommandTests {
    static let fixtures = "Tests/ThreatscribeCoreTests/Fixtures/import"

    @Test func writesAModelThatValidates() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("models/flashnotes.yaml").path
        let run = try CommandLineTests.run(["import", "\(Self.fixtures)/openapi/flashnotes.openapi.json", "--output", output])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("OpenAPI 3.1.0 document") && run.stdout.contains("found: 20 operations"))
        let validate = try CommandLineTests.run(["validate", output])
        #expect(validate.status == 0, "\(validate.stderr)")
        // Nothing but the model is left next to it (no staging directory).
        #expect(try FileManager.default.contentsOfDirectory(atPath: (output as NSString).deletingLastPathComponent) == ["flashnotes.yaml"])
    }

    @Test func hostileInputExitsTwoAndWritesNothing() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("model.yaml")
        try Data("old\n".utf8).write(to: output)
        let file = "\(Self.fixtures)/tm7/hostile/tm-file-parser-billion-laughs.tm7"
        let run = try CommandLineTests.run(["import", file, "--output", output.path])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("\(file):2:") && run.stderr.contains("error: the XML document declares entities"), "\(run.stderr)")
        #expect(try String(contentsOf: output, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["model.yaml"])
    }
}
