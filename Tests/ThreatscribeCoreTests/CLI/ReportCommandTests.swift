import Foundation
import Testing

/// `threatscribe report adr` and `report compliance` as users run them.
struct ReportCommandTests {
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandLineTests.Run {
        try CommandLineTests.run(arguments, environment: environment)
    }

    @Test func adrAndComplianceWriteTheirFiles() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let adr = try Self.run(["report", "adr", "--decision", "cors-policy", "--number", "11", "--style", "nygard",
                                "Samples/betzenstein-booking.yaml", "-o", directory.path], environment: ["SOURCE_DATE_EPOCH": "1768435200"])
        #expect(adr.status == 0, "\(adr.stderr)")
        let record = try String(contentsOf: directory.appendingPathComponent("adr-0011-cors-policy.md"), encoding: .utf8)
        #expect(record.hasPrefix("# ADR-0011: Cross-origin (CORS) policy of Betzenstein Booking\n\nDate: 2026-01-15\n"))
        let compliance = try Self.run(["report", "compliance", "--standard", "owasp-api-2023", "Samples/betzenstein-booking.yaml",
                                       "-o", directory.path, "--date", "2026-01-15", "-q"])
        #expect(compliance.status == 0 && compliance.stdout.isEmpty, "\(compliance.stderr)")
        for name in ["compliance-owasp-api-2023.md", "compliance-owasp-api-2023.html", "compliance-owasp-api-2023.csv", "adr-0011-cors-policy.html"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), "\(name)")
        }
    }

    @Test func badArgumentsExitTwoAndWriteNothing() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        for arguments in [
            ["report", "adr", "--decision", "cors", "Samples/minimal.yaml", "-o", output.path],
            ["report", "adr", "--decision", "cors-policy", "--status", "approved", "Samples/minimal.yaml", "-o", output.path],
            ["report", "adr", "--decision", "cors-policy", "--style", "y-statement", "Samples/minimal.yaml", "-o", output.path],
            ["report", "compliance", "--standard", "asvs-9", "Samples/minimal.yaml", "-o", output.path],
            ["report", "compliance", "--standard", "asvs-5.0", "Samples/missing.yaml", "-o", output.path],
        ] {
            let run = try Self.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output.path), "\(arguments) wrote output")
        }
    }

    @Test func aBrokenTemplateOverrideIsLocatedAndNothingIsWritten() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let templates = directory.appendingPathComponent("templates/documents")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "# {{heading}}\n\n{{#options}}\n".write(to: templates.appendingPathComponent("adr-madr.md.mustache"), atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out")
        let run = try Self.run(["report", "adr", "--decision", "cors-policy", "Samples/betzenstein-booking.yaml", "-o", output.path,
                                "--templates", directory.appendingPathComponent("templates").path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Templates/documents/adr-madr.md.mustache:"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        // A working override replaces the built-in layout.
        try "# {{heading}} ({{status}})\n".write(to: templates.appendingPathComponent("adr-madr.md.mustache"), atomically: true, encoding: .utf8)
        let good = try Self.run(["report", "adr", "--decision", "rate-limiting", "--status", "accepted", "Samples/betzenstein-booking.yaml",
                                 "-o", output.path, "--templates", directory.appendingPathComponent("templates").path, "--date", "2026-01-15"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(try String(contentsOf: output.appendingPathComponent("adr-rate-limiting.md"), encoding: .utf8) == "# Rate limiting of Betzenstein Booking (accepted)\n")
    }
}
