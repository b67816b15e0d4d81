import Foundation
import Testing

/// `threatscribe report mitigation` and `report config-doc` as users run them.
struct ReportCommandLineTests {
    typealias CLI = CommandLineTests

    @Test func mitigationWritesMarkdownAndHTMLDatedBySourceDateEpoch() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["report", "mitigation", "--control", "cors", "Samples/home-security-intelligence.yaml", "--output", directory.path],
                              environment: ["SOURCE_DATE_EPOCH": "1768435200"])
        #expect(run.status == 0, "\(run.stderr)")
        let markdown = try String(contentsOf: directory.appendingPathComponent("mitigation-cors.md"), encoding: .utf8)
        #expect(markdown.contains("on 2026-01-15 from the model `Samples/home-security-intelligence.yaml`"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("mitigation-cors.html").path))
    }

    @Test func configDocWritesOnlyTheFormatsAsked() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["report", "config-doc", "--control", "security-headers", "Samples/home-security-intelligence.yaml",
                               "--output", directory.path, "--format", "md", "--date", "2026-01-15", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["config-doc-security-headers.md"])
    }

    @Test func aBrokenTemplateOverrideExitsTwoWithItsLocationAndWritesNothing() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let templates = directory.appendingPathComponent("templates/documents")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "# {{title}}\n\n{{#sections}}\n".write(to: templates.appendingPathComponent("mitigation.md.mustache"), atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out")
        let run = try CLI.run(["report", "mitigation", "--control", "cors", "Samples/minimal.yaml", "--output", output.path,
                               "--templates", directory.appendingPathComponent("templates").path, "--date", "2026-01-15"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Templates/documents/mitigation.md.mustache:"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func unknownControlOrEnvironmentExitsTwo() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let control = try CLI.run(["report", "mitigation", "--control", "corz", "Samples/minimal.yaml", "--output", directory.path])
        #expect(control.status == 2)
        let environment = try CLI.run(["report", "config-doc", "--control", "cors", "Samples/betzenstein-booking.yaml", "--env", "prod",
                                       "--output", directory.appendingPathComponent("out").path])
        #expect(environment.status == 2)
        #expect(environment.stderr.contains("did you mean `production`?"))
    }
}
