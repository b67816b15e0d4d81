import Foundation
import Testing

/// `analyze` writes its report set all or nothing.
struct AtomicOutputTests {
    static func entries(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func failedSecondMoveLeavesTheOldSetUntouched() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        // The first file (threat-model.md) can be replaced; a non-empty directory sits at the second's name.
        try FileManager.default.createDirectory(at: output.appendingPathComponent("threat-model.html"), withIntermediateDirectories: true)
        try "keep\n".write(to: output.appendingPathComponent("threat-model.html/inside.txt"), atomically: true, encoding: .utf8)
        try "old report\n".write(to: output.appendingPathComponent("threat-model.md"), atomically: true, encoding: .utf8)
        try "notes\n".write(to: output.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let run = try CommandLineTests.run(["analyze", "Samples/minimal.yaml", "-o", output.path, "--date", "2026-01-15"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: cannot move threat-model.html into \(output.path): Is a directory; nothing was written"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(try String(contentsOf: output.appendingPathComponent("threat-model.md"), encoding: .utf8) == "old report\n", "the first file is restored")
        #expect(try Self.entries(output) == ["notes.txt", "threat-model.html", "threat-model.md"], "no staging files are left")
        #expect(try Self.entries(output.appendingPathComponent("threat-model.html")) == ["inside.txt"])

        // Without an old first file, the moved one is removed again.
        try FileManager.default.removeItem(at: output.appendingPathComponent("threat-model.md"))
        let second = try CommandLineTests.run(["analyze", "Samples/minimal.yaml", "-o", output.path, "--date", "2026-01-15"])
        #expect(second.status == 2)
        #expect(try Self.entries(output) == ["notes.txt", "threat-model.html"])
    }

    @Test func existingDirectoryKeepsOtherFilesAndSymlinksAreReplacedNotFollowed() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "notes\n".write(to: output.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let victim = directory.appendingPathComponent("victim.txt")
        try "victim\n".write(to: victim, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("threat-model.md").path, withDestinationPath: victim.path)
        let run = try CommandLineTests.run(["analyze", "Samples/minimal.yaml", "-o", output.path, "--date", "2026-01-15", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.entries(output) == ["notes.txt", "threat-model.html", "threat-model.md"])
        #expect(try String(contentsOf: victim, encoding: .utf8) == "victim\n")
        var info = stat()
        #expect(lstat(output.appendingPathComponent("threat-model.md").path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG,
                "threat-model.md is a regular file now")
    }

    @Test func symlinkedOutputDirectoryIsRefused() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let elsewhere = directory.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let output = directory.appendingPathComponent("out")
        try FileManager.default.createSymbolicLink(atPath: output.path, withDestinationPath: elsewhere.path)
        let run = try CommandLineTests.run(["analyze", "Samples/minimal.yaml", "-o", output.path])
        #expect(run.status == 2)
        #expect(run.stderr == "error: \(output.path) is a symbolic link; name the directory it points to\n")
        #expect(try Self.entries(elsewhere).isEmpty)
    }

    @Test func newDirectoryAppearsWholeWithNothingElseInTheParent() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("a/b/out")
        let run = try CommandLineTests.run(["analyze", "Samples/minimal.yaml", "-o", output.path, "--date", "2026-01-15", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.entries(output) == ["threat-model.html", "threat-model.md"])
        #expect(try Self.entries(directory.appendingPathComponent("a/b")) == ["out"], "the staging directory is gone")
        var info = stat()
        #expect(stat(output.path, &info) == 0)
        let mask = umask(0)
        umask(mask)
        #expect(info.st_mode & 0o777 == 0o777 & ~mask, "the directory gets the usual permissions, not mkdtemp's 0700")
    }

    /// Parallel runs into one directory that does not exist yet: all succeed, the files are those of
    /// one run. (The window in which two runs both find no directory is a few milliseconds, so this
    /// guards the property rather than reliably reproducing that race.)
    @Test func parallelRunsIntoOneNewDirectoryAllSucceedWithIdenticalFiles() async throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out")
        let statuses = try await withThrowingTaskGroup(of: Int32.self) { group in
            for _ in 0..<8 {
                group.addTask { try CommandLineTests.run(["analyze", "Samples/minimal.yaml", "-o", output.path, "--date", "2026-01-15", "-q"]).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 0, count: 8))
        #expect(try Self.entries(output) == ["threat-model.html", "threat-model.md"])
        #expect(try Self.entries(directory) == ["out"], "no staging directory is left")
        let single = directory.appendingPathComponent("single")
        #expect(try CommandLineTests.run(["analyze", "Samples/minimal.yaml", "-o", single.path, "--date", "2026-01-15", "-q"]).status == 0)
        for name in ["threat-model.html", "threat-model.md"] {
            #expect(try Data(contentsOf: output.appendingPathComponent(name)) == Data(contentsOf: single.appendingPathComponent(name)))
        }
    }
}
