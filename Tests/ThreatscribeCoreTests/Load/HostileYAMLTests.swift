import Foundation
import Testing
@testable import ThreatscribeCore

/// Hostile YAML and JSON (issue 7): alias bombs, deep nesting, huge files, repeated keys, CRLF and huge
/// values end quickly with located errors instead of eating memory, crashing or flooding the terminal.
@Suite struct HostileYAMLTests {
    /// Nine levels of nine aliases: 9^9 ≈ 387 million nodes when expanded, 342 bytes as text.
    static let aliasBomb: String = {
        var lines = [#"a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        let names = Array("abcdefghi").map(String.init)
        for level in 1..<names.count {
            let items = Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ",")
            lines.append("\(names[level]): &\(names[level]) [\(items)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    /// Loads `text`, failing the test when that hangs.
    func timedDiagnostics(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        withoutHanging({ loadDiagnostics(text) }, sourceLocation: sourceLocation)
    }

    @Test func aliasBombIsRefusedAtTheAliasThatExceedsTheBudget() {
        // Level g (line 7) holds 9 × 9^5 = 531441 nodes: its first alias passes the budget of 100000.
        #expect(timedDiagnostics(Self.aliasBomb) == [
            "model.yaml:6:8: error: aliases here expand to more than 100000 nodes; threatscribe refuses to expand them (an alias bomb?); write the values out instead",
        ])
    }

    @Test func collectionAliasUsedAsRepeatedKeyIsRefusedBeforeItIsHashed() {
        var text = "big: &big [" + Array(repeating: "x", count: 500).joined(separator: ", ") + "]\nk:\n"
        for value in 0..<250 { text += "  ? *big\n  : \(value)\n" }
        let diagnostics = timedDiagnostics(text)
        #expect(diagnostics.first == "model.yaml:3:5: error: mapping keys must be plain text")
        #expect(diagnostics.last?.contains("aliases here expand to more than 100000 nodes") == true)
    }

    @Test func scalarAliasKeysCountAsDuplicates() {
        let text = "system:\n  &n name: Shop\n  *n : Other\n"
        #expect(timedDiagnostics(text) == ["model.yaml:3:3: error: duplicate key `name`; it is already set at line 2"])
    }

    @Test func aliasesWithinTheBudgetStillLoad() {
        let text = "system:\n  name: &n Shop\n  purpose: *n\n"
        #expect(timedDiagnostics(text) == [])
    }

    @Test func blockNestingDeeperThanTheLimitIsRefused() {
        var text = ""
        for depth in 0..<300 { text += String(repeating: " ", count: depth) + "k:\n" }
        #expect(timedDiagnostics(text) == [
            "model.yaml:257:257: error: nesting is deeper than 256 levels; threatscribe refuses to read it",
        ])
    }

    @Test func flowNestingOfAHundredThousandBracketsIsRefused() {
        let yaml = "a: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let json = "{\"a\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}\n"
        for text in [yaml, json] {
            let diagnostics = timedDiagnostics(text)
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?.contains("error: nesting is deeper than") == true, "\(diagnostics)")
        }
    }

    @Test func inputOverTheSizeLimitIsRefusedBeforeParsing() {
        let text = "system:\n  name: " + String(repeating: "A", count: 9 * 1024 * 1024) + "\n"
        #expect(timedDiagnostics(text) == [
            "model.yaml:1:1: error: the model is 9437201 bytes, more than the 8 MiB threatscribe reads",
        ])
    }

    @Test func everyDuplicateKeyIsReportedAtItsPlace() {
        let text = """
        system:
          name: a
          name: b
          name: c
        system: x
        app: {x: 1, "x": 2}
        """
        #expect(timedDiagnostics(text) == [
            "model.yaml:3:3: error: duplicate key `name`; it is already set at line 2",
            "model.yaml:4:3: error: duplicate key `name`; it is already set at line 2",
            "model.yaml:5:1: error: duplicate key `system`; it is already set at line 1",
            "model.yaml:6:13: error: duplicate key `x`; it is already set at line 6",
        ])
    }

    @Test func crlfFilesGetTheSamePlacesAsLFFiles() {
        let reader = "system:\n  name: a\n  purpose: b\u{1}c\n"
        let syntax = "system:\n  name: a\n  purpose: [b\n"
        let duplicate = "system:\n  name: a\n  name: b\n"
        for text in [reader, syntax, duplicate] {
            let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
            #expect(timedDiagnostics(crlf) == timedDiagnostics(text))
        }
        #expect(timedDiagnostics(reader.replacingOccurrences(of: "\n", with: "\r\n")) == [
            "model.yaml:3:13: error: control characters are not allowed",
        ])
    }

    @Test func hugeValuesAreQuotedShortened() {
        let huge = String(repeating: "A", count: 100_000)
        let text = "system:\n  name: Shop\nmiddleware:\n  - type: \(huge)\n? \(huge)\n: 1\n"
        let diagnostics = timedDiagnostics(text)
        #expect(diagnostics.count == 2)
        let excerpt = String(repeating: "A", count: 80) + "… (100000 characters)"
        #expect(diagnostics.allSatisfy { $0.count < 400 && $0.contains(excerpt) }, "\(diagnostics.map { $0.prefix(300) })")
    }

    @Test func catalogFilesAreBoundedToo() {
        let catalog = CatalogLoadTests()
        let diagnostics = withoutHanging {
            catalog.diagnostics(Self.aliasBomb)
                + catalog.diagnostics("a: " + String(repeating: "[", count: 100_000))
                + catalog.diagnostics(CatalogLoadTests.entry + "\ntitle: again\n")
        }
        #expect(diagnostics == [
            "user/entry.yaml:6:8: error: aliases here expand to more than 100000 nodes; threatscribe refuses to expand them (an alias bomb?); write the values out instead",
            "user/entry.yaml:1:5: error: nesting is deeper than the YAML reader's limit of 1000 levels; threatscribe refuses to read it",
            "user/entry.yaml:30:1: error: duplicate key `title`; it is already set at line 2",
        ])
    }

    @Test func crlfCatalogFilesGetTheSamePlacesAsLFFiles() {
        let catalog = CatalogLoadTests()
        let entry = CatalogLoadTests.entry.replacingOccurrences(
            of: "when: env.is_production and docs_exposed", with: "when: |\n  env.is_production\n    and docs_exposd")
        let lf = catalog.diagnostics(entry)
        #expect(lf.first?.hasPrefix("user/entry.yaml:6:9: error: unknown fact `docs_exposd`") == true, "\(lf)")
        #expect(catalog.diagnostics(entry.replacingOccurrences(of: "\n", with: "\r\n")) == lf)
    }
}
