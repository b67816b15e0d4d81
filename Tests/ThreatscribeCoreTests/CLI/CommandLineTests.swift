import Foundation
import Testing

/// The `threatscribe` executable as users run it: exit codes, what is written, what is printed.
/// `swift test` builds the executable next to the test bundle.
struct CommandLineTests {
    static let root = SampleReportTests.root

    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("threatscribe")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], executable: URL = executable) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment
        inherited["SOURCE_DATE_EPOCH"] = nil
        process.environment = inherited.merging(environment) { $1 }
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("threatscribe-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func badModelExitsTwoWithLocatedErrorsAndWritesNothing() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("bad.yaml")
        try "system:\n  name: X\nmiddleware:\n  - type: cors\n    allow_orgins: [\"*\"]\n".write(to: model, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out")
        let analyze = try Self.run(["analyze", model.path, "--output", output.path])
        #expect(analyze.status == 2)
        #expect(analyze.stderr.contains("bad.yaml:5:5: error: unknown key `allow_orgins` in middleware[0]; did you mean `allow_origins`?"))
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing may be written for a bad model")
        let validate = try Self.run(["validate", model.path])
        #expect(validate.status == 2 && validate.stderr == analyze.stderr)
    }

    @Test func failOnSetsExitCodeOneAfterWritingTheReport() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Self.run(["analyze", "Samples/betzenstein-booking.yaml", "--output", directory.path, "--fail-on", "high", "--date", "2026-01-15"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("TS-AUTH-007@auth[0]"))
        #expect(!run.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        for name in ["threat-model.md", "threat-model.html"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path))
        }
        let pass = try Self.run(["analyze", "Samples/minimal.yaml", "--output", directory.path, "--fail-on", "high", "--quiet"])
        #expect(pass.status == 0 && pass.stdout.isEmpty)
    }

    @Test func sameInputGivesByteIdenticalFiles() throws {
        let first = try Self.temporaryDirectory(), second = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        for directory in [first, second] {
            #expect(try Self.run(["analyze", "Samples/fastapi-kubernetes.yaml", "-o", directory.path, "--date", "2026-01-15", "-q"]).status == 0)
        }
        for name in ["threat-model.md", "threat-model.html"] {
            #expect(try Data(contentsOf: first.appendingPathComponent(name)) == Data(contentsOf: second.appendingPathComponent(name)))
        }
    }

    @Test func templatesDirectoryOverridesABuiltInTemplate() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let templates = directory.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "# Custom report for {{systemName}}\n".write(to: templates.appendingPathComponent("threat-model.md.mustache"), atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out")
        let run = try Self.run(["analyze", "Samples/minimal.yaml", "-o", output.path, "--format", "markdown", "--templates", templates.path, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: output.appendingPathComponent("threat-model.md"), encoding: .utf8) == "# Custom report for Inventory API\n")
    }

    @Test func userCatalogAddsAndOverridesEntries() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "override: TS-AUTH-007\nseverity: critical\n".write(to: directory.appendingPathComponent("o.yaml"), atomically: true, encoding: .utf8)
        let run = try Self.run(["analyze", "Samples/betzenstein-booking.yaml", "-o", directory.appendingPathComponent("out").path, "--catalog", directory.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Critical 1"))
        try "override: TS-AUTH-07\ndisabled: true\n".write(to: directory.appendingPathComponent("o.yaml"), atomically: true, encoding: .utf8)
        let bad = try Self.run(["catalog", "list", "--catalog", directory.path])
        #expect(bad.status == 2 && bad.stderr.contains("o.yaml:1:1: error: override names unknown entry `TS-AUTH-07`; did you mean `TS-AUTH-007`?"))
    }

    @Test func catalogListJSONCarriesTheContractFields() throws {
        let run = try Self.run(["catalog", "list", "--format", "json"])
        #expect(run.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count >= 70)
        for entry in entries {
            for key in ["id", "title", "stride", "cwe", "owasp_api_2023", "asvs_5_0", "confidence", "references"] {
                #expect(entry[key] != nil, "\(entry["id"] ?? "?") lacks \(key)")
            }
        }
    }

    @Test func corsCheckReportsStarlettesHeadersForASampleEnvironment() throws {
        let run = try Self.run(["cors", "check", "Samples/home-security-intelligence.yaml", "--env", "development",
                                "--origin", "http://localhost:3000", "--method", "DELETE", "--request-header", "X-API-Key",
                                "--request-header", "Content-Type: application/json", "--preflight", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let headers = try #require(object["headers"] as? [String: String])
        #expect(object["status"] as? Int == 200)
        #expect(headers["access-control-allow-headers"] == "content-type,x-api-key", "mirrored, never `*`")
        #expect(headers["access-control-allow-origin"] == "http://localhost:3000")
    }

    @Test func corsCheckOnAnEnvironmentWithoutCORSMiddlewareExplainsTheAnswer() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("nocors.yaml")
        try "system: {name: X}\nmiddleware: []\n".write(to: model, atomically: true, encoding: .utf8)
        let run = try Self.run(["cors", "check", model.path, "--origin", "https://a.example", "--method", "PUT", "--preflight", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["status"] as? Int == 405, "the router answers an OPTIONS it has no route for")
        #expect((object["headers"] as? [String: String])?.isEmpty == true)
        #expect((object["browser"] as? [String: Any])?["preflight_ok"] as? Bool == false)
    }

    @Test func corsCheckStatesTheStarletteVersionItAssumedAndWhy() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("range.yaml")
        try "system: {name: X}\nframeworks: {starlette: \">=0.40,<0.47\"}\nmiddleware:\n  - {type: cors, allow_origins: [\"*\"]}\n"
            .write(to: model, atomically: true, encoding: .utf8)
        let fromModel = try Self.run(["cors", "check", model.path, "--origin", "https://a.example"])
        #expect(fromModel.status == 0, "\(fromModel.stderr)")
        #expect(fromModel.stdout.hasPrefix("Starlette 0.40.0: assumed: frameworks.starlette gives the range `>=0.40,<0.47`, not a resolved version; 0.40.0 is its lower bound"))
        let locked = try Self.run(["cors", "check", model.path, "--origin", "https://a.example", "--starlette-version", "0.46.2 (uv.lock:812)", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(locked.stdout.utf8)) as? [String: Any])
        #expect(object["starlette_version"] as? String == "0.46.2")
        #expect(object["starlette_version_basis"] as? String == "resolved by uv.lock:812, as --starlette-version states")
        let bad = try Self.run(["cors", "check", model.path, "--origin", "https://a.example", "--starlette-version", "latest"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--starlette-version latest must be a version (`0.41.3`)"))
    }

    @Test func schemaIsJSON() throws {
        let run = try Self.run(["schema"])
        #expect(run.status == 0)
        #expect((try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) is [String: Any])
    }
}
