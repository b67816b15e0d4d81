import Foundation
import Testing

/// Hostile inputs through the built executable (issue 7): each ends with exit 2, a located error and
/// nothing written, never a signal, a hang or a large amount of memory.
@Suite struct HostileInputCommandLineTests {
    /// Runs `analyze` with the given files in a fresh directory; `arguments` name them relative to it.
    func analyze(_ files: [String: String], _ arguments: [String]) throws -> (run: CommandLineTests.Run, wroteOutput: Bool) {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let output = directory.appendingPathComponent("out")
        let resolved = arguments.map { $0.hasPrefix("@") ? directory.appendingPathComponent(String($0.dropFirst())).path : $0 }
        let run = try CommandLineTests.run(["analyze"] + resolved + ["--output", output.path, "--date", "2026-01-15"])
        return (run, FileManager.default.fileExists(atPath: output.path))
    }

    static let model = "system:\n  name: Shop\nrouters:\n  - endpoints:\n      - path: /items\n        methods: [GET]\n"

    /// A hostile model (built here, so test names stay short) and the start of the error it must give.
    static func hostileModel(_ name: String) -> (text: String, expected: String) {
        let refused = "model.yaml:9:25: error: threatscribe refuses to evaluate allow_origin_regex"
        switch name {
        case "alias bomb": return (HostileYAMLTests.aliasBomb, "model.yaml:6:8: error: aliases here expand to more than 100000 nodes")
        case "deep nesting": return ("a: " + String(repeating: "[", count: 100_000), "model.yaml:1:5: error: nesting is deeper than")
        case "huge regex repeat":
            return (model + "middleware:\n  - type: cors\n    allow_origin_regex: \"https://a{1000000000}\"\n", refused)
        default:
            let nested = String(repeating: "(", count: 5000) + "a" + String(repeating: ")", count: 5000)
            return (model + "middleware:\n  - type: cors\n    allow_origin_regex: \"\(nested)\"\n", refused)
        }
    }

    @Test(arguments: ["alias bomb", "deep nesting", "huge regex repeat", "deeply nested regex groups"])
    func hostileModel(_ name: String) throws {
        let (text, expected) = Self.hostileModel(name)
        let (run, wroteOutput) = try analyze(["model.yaml": text], ["@model.yaml"])
        #expect(run.status == 2, "\(run.stderr.prefix(500))")
        #expect(run.stderr.contains(expected), "\(run.stderr.prefix(500))")
        #expect(!wroteOutput)
    }

    @Test func oversizedModelIsRefusedBeforeItIsRead() throws {
        let (run, wroteOutput) = try analyze(["model.yaml": Self.model + "# " + String(repeating: "x", count: 9 * 1024 * 1024) + "\n"], ["@model.yaml"])
        #expect(run.status == 2)
        // The CLI refuses it before reading (`too large`); the loader would refuse the text too (`8 MiB`).
        #expect(run.stderr.contains("model.yaml") && (run.stderr.contains("limit 8388608") || run.stderr.contains("more than the 8 MiB")),
                "\(run.stderr.prefix(500))")
        #expect(!wroteOutput)
    }

    @Test func hostileCatalogAndTemplates() throws {
        let bomb = try analyze(["model.yaml": Self.model, "catalog/bomb.yaml": HostileYAMLTests.aliasBomb], ["@model.yaml", "--catalog", "@catalog"])
        #expect(bomb.run.status == 2 && bomb.run.stderr.contains("bomb.yaml:6:8: error: aliases here expand"), "\(bomb.run.stderr.prefix(500))")
        #expect(!bomb.wroteOutput)

        let entry = CatalogLoadTests.entry.replacingOccurrences(
            of: "when: env.is_production and docs_exposed", with: "when: " + String(repeating: "not ", count: 200_000) + "docs_exposed")
        let condition = try analyze(["model.yaml": Self.model, "catalog/entry.yaml": entry], ["@model.yaml", "--catalog", "@catalog"])
        #expect(condition.run.status == 2 && condition.run.stderr.contains("entry.yaml:4:4007: error: the condition has more than 1000 tokens"), "\(condition.run.stderr.prefix(500))")
        #expect(!condition.wroteOutput)

        let template = try analyze(["model.yaml": Self.model, "templates/partials/finding-link.md.mustache": "{{> partials/finding-link.md}}\n"],
                                   ["@model.yaml", "--templates", "@templates"])
        #expect(template.run.status == 2 && template.run.stderr.contains("finding-link.md.mustache:1:1: template error: the template includes itself"), "\(template.run.stderr.prefix(500))")
        #expect(!template.wroteOutput)
    }

    @Test func corsCheckRefusesHugeOriginsAndRepeats() throws {
        let origin = try CommandLineTests.run(["cors", "check", "--config", #"{"allow_origin_regex": ".*"}"#,
                                               "--origin", "https://" + String(repeating: "a", count: 30_000) + ".com"])
        #expect(origin.status == 2 && origin.stderr.contains("refuses to evaluate an origin longer than 2048"), "\(origin.stderr.prefix(300))")
        let repeatCount = try CommandLineTests.run(["cors", "check", "--config", #"{"allow_origin_regex": "https://a{1000000000}"}"#, "--origin", "https://a.com"])
        #expect(repeatCount.status == 2 && repeatCount.stderr.contains("the repeat count {1000000000} at position 9 is above 1000"), "\(repeatCount.stderr)")
    }
}
