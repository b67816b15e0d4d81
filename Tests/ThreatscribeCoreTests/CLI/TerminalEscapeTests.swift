import Foundation
import Testing
import ThreatscribeCore

/// Model, catalog and command-line text reaches the terminal inert: no ESC, BEL, C1 control or bidi
/// override the tool did not write itself (and off a terminal it writes no colour at all).
struct TerminalEscapeTests {
    /// A window-title OSC, an OSC 8 link, CSI colour, 8-bit CSI and OSC, bidi overrides and isolates, DEL.
    static let payload = "\u{1B}]0;pwned\u{07}\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\\u{1B}[31mred\u{1B}[2J"
        + "\u{9B}31m\u{9D}0;t\u{9C}\u{202E}cod.exe\u{202C}\u{2066}x\u{2069}\u{7F}\u{0D}"

    /// The payload as YAML double-quoted text (YAML's `\e`, `\a`, `\x`, `\u` escapes).
    static let yamlPayload = #"\e]0;pwned\a\e]8;;https://evil.example\e\\click\e]8;;\e\\\e[31mred\e[2J\x9b31m\x9d0;t\x9c\u202ecod.exe\u202c\u2066x\u2069\x7f\r"#

    /// Every scalar a terminal acts on or hides, except the line feed.
    static func activeScalars(in text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            scalar != "\n" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value))
        }.map { String(format: "U+%04X", $0.value) }
    }

    static func expectInert(_ run: CommandLineTests.Run, _ comment: Comment, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(activeScalars(in: run.stdout).isEmpty, "stdout of \(comment): \(activeScalars(in: run.stdout))", sourceLocation: sourceLocation)
        #expect(activeScalars(in: run.stderr).isEmpty, "stderr of \(comment): \(activeScalars(in: run.stderr))", sourceLocation: sourceLocation)
        #expect((run.stdout + run.stderr).contains(#"\u{1B}]0;pwned\u{7}"#), "the payload is shown, visibly, in \(comment)", sourceLocation: sourceLocation)
    }

    @Test func escaperMakesEveryControlVisibleAndKeepsText() {
        #expect(TerminalText.escaped("a\u{1B}[31mb\u{9B}c\u{202E}d\u{7F}e\nf\tg") == #"a\u{1B}[31mb\u{9B}c\u{202E}d\u{7F}e\u{A}f\u{9}g"#)
        #expect(TerminalText.escapedLines("one\u{1B}\ntwo\r") == "one\\u{1B}\ntwo\\u{D}")
        #expect(TerminalText.escaped("Grüße, 東京, 👩‍💻, عربي‌فارسی") == "Grüße, 東京, 👩‍💻, عربي‌فارسی", "ZWJ and ZWNJ stay")
        #expect(TerminalText.escaped("\u{600}<\u{200B}\u{FEFF}\u{2028}\u{E0041}") == #"\u{600}<\u{200B}\u{FEFF}\u{2028}\u{E0041}"#)
        #expect(TerminalText.inertJSON(#"{"a": "x\u001b\#u{9B}\#u{202E}\#u{E0041}"}"#) == #"{"a": "x\u001b\u009b\u202e\udb40\udc41"}"#)
    }

    @Test func validateAndAnalyzeShowHostileModelTextInert() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let valid = directory.appendingPathComponent("model\u{1B}]0;file\u{07}.yaml")
        try """
            system: {name: "\(Self.yamlPayload)"}
            environments:
              - {name: "prod\(Self.yamlPayload)", kind: production}
            routers:
              - endpoints:
                  - {path: "/items", methods: [GET]}
            """.write(to: valid, atomically: true, encoding: .utf8)
        let validate = try CommandLineTests.run(["validate", valid.path])
        #expect(validate.status == 0, "\(validate.stderr)")
        Self.expectInert(validate, "validate")
        let analyze = try CommandLineTests.run(["analyze", valid.path, "-o", directory.appendingPathComponent("out\u{1B}[2J").path, "--date", "2026-01-15"])
        #expect(analyze.status == 0, "\(analyze.stderr)")
        Self.expectInert(analyze, "analyze")
        #expect(analyze.stdout.contains(#"out\u{1B}[2J/threat-model.md"#))

        let invalid = directory.appendingPathComponent("bad\u{9B}31m.yaml")
        try "system: {name: X}\n\"\(Self.yamlPayload)\": 1\nrouters:\n  - {\"\u{202E}\": 2}\n".write(to: invalid, atomically: true, encoding: .utf8)
        let bad = try CommandLineTests.run(["validate", invalid.path])
        #expect(bad.status == 2)
        Self.expectInert(bad, "validate of a bad model")
        #expect(bad.stderr.contains(#"bad\u{9B}31m.yaml:2:1: error: "#), "the file name is escaped too: \(bad.stderr)")
    }

    @Test func corsCheckTextShowsHostileValuesInert() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("cors.yaml")
        try """
            system: {name: X}
            middleware:
              - {type: cors, allow_origin_regex: ".*", allow_headers: ["*"]}
            """.write(to: model, atomically: true, encoding: .utf8)
        let origin = "https://a.example\(Self.payload)"
        for format in ["text", "json"] {
            let run = try CommandLineTests.run(["cors", "check", model.path, "--origin", origin, "--format", format])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(Self.activeScalars(in: run.stdout).isEmpty && Self.activeScalars(in: run.stderr).isEmpty, "cors check --format \(format): \(run.stdout)")
        }
        let text = try CommandLineTests.run(["cors", "check", model.path, "--origin", origin])
        Self.expectInert(text, "cors check")
        let noMiddleware = directory.appendingPathComponent("none.yaml")
        try "system: {name: X}\nmiddleware: []\nenvironments: [{name: \"e\(Self.yamlPayload)\"}]\n".write(to: noMiddleware, atomically: true, encoding: .utf8)
        Self.expectInert(try CommandLineTests.run(["cors", "check", noMiddleware.path, "--origin", origin]), "cors check without middleware")
        Self.expectInert(try CommandLineTests.run(["cors", "check", "--origin", origin, "--method", "G\(Self.payload)"]), "cors check with a bad method")
    }

    @Test func catalogListAndShowShowHostileEntriesInert() throws {
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let entry = try String(contentsOf: CommandLineTests.root.appendingPathComponent("Catalog/entries").appendingPathComponent(
            try #require(FileManager.default.subpathsOfDirectory(atPath: CommandLineTests.root.appendingPathComponent("Catalog/entries").path)
                .sorted().first { $0.hasSuffix(".yaml") })), encoding: .utf8)
        let id = try #require(entry.split(separator: "\n").first { $0.hasPrefix("id: ") }).dropFirst(4)
        let hostile = entry.replacingOccurrences(of: "id: \(id)", with: "id: TS-HOSTILE-001")
            .replacingOccurrences(of: "\ntitle: ", with: "\ntitle: \"\(Self.yamlPayload)\"\nx_title: ")
        let lines = hostile.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("x_title: ") }
        try lines.joined(separator: "\n").write(to: directory.appendingPathComponent("hostile.yaml"), atomically: true, encoding: .utf8)
        let list = try CommandLineTests.run(["catalog", "list", "--catalog", directory.path])
        #expect(list.status == 0, "\(list.stderr)")
        Self.expectInert(list, "catalog list")
        let show = try CommandLineTests.run(["catalog", "show", "TS-HOSTILE-001", "--catalog", directory.path])
        #expect(show.status == 0, "\(show.stderr)")
        Self.expectInert(show, "catalog show")
        let json = try CommandLineTests.run(["catalog", "list", "--format", "json", "--catalog", directory.path])
        #expect(Self.activeScalars(in: json.stdout).isEmpty && json.status == 0)
        Self.expectInert(try CommandLineTests.run(["catalog", "show", "TS-\(Self.payload)"]), "catalog show of an unknown id")
    }

    @Test func commandLineErrorsQuoteArgumentsInert() throws {
        Self.expectInert(try CommandLineTests.run(["analyze", "Samples/minimal.yaml", "-o", "/nonexistent", "--format", Self.payload]), "--format")
        Self.expectInert(try CommandLineTests.run(["validate", "Samples/minimal.yaml", "--no-such\(Self.payload)"]), "an unknown option")
        Self.expectInert(try CommandLineTests.run(["validate", "missing\(Self.payload).yaml"]), "a missing model")
    }

    /// On a terminal (a pseudo-terminal from util-linux `script`), the tool's own colours are the only
    /// escape sequences: the hostile system name still prints inert.
    @Test func onATerminalOnlyTheToolsOwnColoursAreEscapes() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("skipped: /usr/bin/script (util-linux) is not installed")
            return
        }
        let directory = try CommandLineTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("model.yaml")
        try "system: {name: \"\(Self.yamlPayload)\"}\nrouters:\n  - endpoints: [{path: /items, methods: [GET]}]\n"
            .write(to: model, atomically: true, encoding: .utf8)
        let command = [CommandLineTests.executable.path, "analyze", model.path, "-o", directory.appendingPathComponent("out").path, "--date", "2026-01-15"]
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let run = try CommandLineTests.run(["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(run.status == 0, "\(run.stdout)")
        var text = run.stdout.replacingOccurrences(of: "\r\n", with: "\n")
        let colours = ["1;35", "1;31", "33", "36", "2", "0"].map { "\u{1B}[\($0)m" }
        #expect(colours.contains { text.contains($0) }, "colour on a terminal: \(text.debugDescription)")
        for colour in colours { text = text.replacingOccurrences(of: colour, with: "") }
        #expect(Self.activeScalars(in: text).isEmpty, "\(text.debugDescription)")
        #expect(text.contains(#"\u{1B}]0;pwned\u{7}"#))
    }
}
