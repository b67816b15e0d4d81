import Foundation
import Testing

/// What the CLI reads: report dates, input files of every kind, template and catalog directories.
struct CommandLineInputTests {
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandLineTests.Run {
        try CommandLineTests.run(arguments, environment: environment)
    }

    @Test(arguments: ["2025-02-30", "2025-99-99", "2025-00-10", "2025-04-31", "2023-02-29", "2025-1-01", "２０２５-01-01", "2025-01-01x", ""])
    func dateMustBeARealCalendarDate(_ date: String) throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        let run = try Self.run(["analyze", "Samples/minimal.yaml", "-o", output.path, "--date", date])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: --date \(date.debugDescription)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func leapDayIsADate() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Self.run(["analyze", "Samples/minimal.yaml", "-o", directory.path, "--date", "2024-02-29", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: directory.appendingPathComponent("threat-model.md"), encoding: .utf8).contains("2024-02-29"))
    }

    @Test(arguments: ["nan", "inf", "-1", "1e99", "", " 1", "1.5", "0x10", "99999999999999999999", "253402300800"])
    func sourceDateEpochMustBeANonNegativeInteger(_ value: String) throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        let run = try Self.run(["analyze", "Samples/minimal.yaml", "-o", output.path], environment: ["SOURCE_DATE_EPOCH": value])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: SOURCE_DATE_EPOCH=\(value.debugDescription) is not a number of seconds"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test(arguments: [("0", "1970-01-01"), ("951782400", "2000-02-29"), ("1767225599", "2025-12-31"), ("253402300799", "9999-12-31")])
    func sourceDateEpochGivesTheUTCDate(_ epoch: String, _ date: String) throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Self.run(["analyze", "Samples/minimal.yaml", "-o", directory.path, "-q", "--format", "markdown"], environment: ["SOURCE_DATE_EPOCH": epoch])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: directory.appendingPathComponent("threat-model.md"), encoding: .utf8).contains(date))
    }

    @Test func unreadableInputsSayWhy() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("fifo.yaml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let big = directory.appendingPathComponent("big.yaml")
        try Data(count: 8 * 1024 * 1024 + 1).write(to: big)
        let cases: [(String, String)] = [
            (directory.path, "is a directory"),
            ("/dev/zero", "is not a regular file"),
            ("/dev/null", "is not a regular file"),
            (fifo, "is not a regular file"),
            (big.path, "too large (8388609 bytes, limit 8388608)"),
            (directory.appendingPathComponent("missing.yaml").path, "no such file"),
        ]
        for (path, reason) in cases {
            let run = try withoutHanging { try Self.run(["validate", path]) }
            #expect(run.status == 2)
            #expect(run.stderr == "error: cannot read \(path): \(reason)\n")
        }
        let config = try Self.run(["cors", "check", "--config", "/dev/zero", "--origin", "https://a.example"])
        #expect(config.status == 2 && config.stderr.contains("cannot read /dev/zero: is not a regular file"), "\(config.stderr)")
    }

    @Test func unreadableFileSaysPermissionDenied() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("secret.yaml")
        try "system: {name: X}\n".write(to: model, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: model.path)
        guard FileManager.default.contents(atPath: model.path) == nil else {
            print("skipped: running as root, a mode-000 file stays readable")
            return
        }
        let run = try Self.run(["validate", model.path])
        #expect(run.status == 2 && run.stderr == "error: cannot read \(model.path): permission denied\n")
    }

    @Test func templateSymlinksAreFollowedOnlyInsideTheTemplateDirectory() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = directory.appendingPathComponent("secret.txt")
        try "TOP SECRET\n".write(to: secret, atomically: true, encoding: .utf8)
        let templates = directory.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try "# {{systemName}}\n".write(to: templates.appendingPathComponent("partials/real.mustache"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: templates.appendingPathComponent("threat-model.md.mustache").path, withDestinationPath: "partials/real.mustache")
        let output = directory.appendingPathComponent("out")
        let inside = try Self.run(["analyze", "Samples/minimal.yaml", "-o", output.path, "--format", "markdown", "--templates", templates.path, "-q"])
        #expect(inside.status == 0, "a link within the directory is followed: \(inside.stderr)")
        #expect(try String(contentsOf: output.appendingPathComponent("threat-model.md"), encoding: .utf8) == "# Inventory API\n")

        try FileManager.default.removeItem(at: output)
        try FileManager.default.removeItem(at: templates.appendingPathComponent("threat-model.md.mustache"))
        try FileManager.default.createSymbolicLink(atPath: templates.appendingPathComponent("threat-model.md.mustache").path, withDestinationPath: secret.path)
        for escape in ["threat-model.md.mustache", "partials/up.mustache"] {
            if escape != "threat-model.md.mustache" {
                try FileManager.default.createSymbolicLink(atPath: templates.appendingPathComponent(escape).path, withDestinationPath: "../../secret.txt")
            }
            let run = try Self.run(["analyze", "Samples/minimal.yaml", "-o", output.path, "--format", "markdown", "--templates", templates.path])
            #expect(run.status == 2)
            #expect(run.stderr.contains("is a symbolic link to \(secret.resolvingSymlinksInPath().path), outside \(templates.path)"), "\(run.stderr)")
            #expect(!run.stdout.contains("TOP SECRET") && !run.stderr.contains("TOP SECRET"))
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
        let catalog = try Self.run(["catalog", "list", "--catalog", templates.path])
        #expect(catalog.status == 2 && catalog.stderr.contains("outside"), "catalog directories follow the same rule")
    }
}
