import Foundation
import Testing
import Yams
@testable import ThreatscribeCore

/// `LocatedNode.parse` reads a file in one pass over the YAML reader's events; it must give what the
/// earlier three passes gave (the prescan, then `Yams.compose`, then `LocatedTreeBuilder`): the same
/// tree, or the same diagnostics, for every input, including aliases, tags, several documents and
/// broken text.
@Suite struct OnePassParsingTests {
    /// The earlier way, kept here as the reference.
    static func threePasses(_ text: String, file: String) -> Result<LocatedNode, DiagnosticList> {
        let prescanned = YAMLPrescan.problems(in: text, file: file, what: "model")
        if !prescanned.isEmpty { return .failure(DiagnosticList(prescanned)) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            return .failure(DiagnosticList([YAMLErrorTranslation.diagnostic(for: error, text: text, file: file)]))
        } catch {
            return .failure(DiagnosticList([Diagnostic(.error, "cannot read the model: \(error)", at: SourceLocation(file: file, line: 1, column: 1))]))
        }
        guard let root else {
            return .failure(DiagnosticList([Diagnostic(.error, "the model is empty", at: SourceLocation(file: file, line: 1, column: 1))]))
        }
        var problems: [Diagnostic] = []
        let node = LocatedTreeBuilder(file: file).build(root, problems: &problems)
        return problems.isEmpty ? .success(node) : .failure(DiagnosticList(problems))
    }

    static func onePass(_ text: String, file: String) -> Result<LocatedNode, DiagnosticList> {
        Result { () throws(DiagnosticList) in try LocatedNode.parse(text, file: file) }
    }

    static func expectSame(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let expected = threePasses(text, file: "m.yaml")
        let actual = onePass(text, file: "m.yaml")
        switch (expected, actual) {
        case (.success(let old), .success(let new)):
            #expect(old == new, "\(text.debugDescription)", sourceLocation: sourceLocation)
        case (.failure(let old), .failure(let new)):
            #expect(old.diagnostics.map(\.description) == new.diagnostics.map(\.description), "\(text.debugDescription)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(text.debugDescription): \(expected) but \(actual)", sourceLocation: sourceLocation)
        }
    }

    static let tricky: [String] = [
        "", "# only a comment\n", "---\n", "---\n...\n", "~", "null\n", "a: 1\n---\nb: 2\n", "a: 1\n--- \n", "- a\n- b\n",
        "a: &x 1\nb: *x\n", "a: &x [1, 2]\nb: *x\nc: *x\n", "a: &x {k: v}\nb: *x\n", "a: *nope\n", "a: &x [*x]\n",
        "a: &x 1\nb: &x [2]\nc: *x\n", "a: &x 1\nb: [&x 2, *x]\n", "&k key: 1\n*k : 2\n", "&k key: 1\nother: *k\n",
        "a: !!int \"3\"\nb: !!str 3\nc: !!bool yes\nd: ! 7\ne: !!float 1.5\nf: !!null ''\ng: !custom x\nh: !!int 0x1F\n",
        "a: yes\nb: No\nc: ~\nd: 0o17\ne: 1_000\nf: .inf\ng: -.5e3\nh: 1:20\ni: 0b101\nj: 12e3\nk: '1'\nl: \"true\"\n",
        "a: |\n  lit\n  text\nb: >\n  folded\n  text\nc: 'single ''q'''\nd: \"dq \\u00e9\\n\"\n",
        "[1, 2]: x\n", "? [1, 2]\n: x\nb: 1\n", "{a: 1, b: [x, {c: d}]}\n", "{\"json\": [1, 2.5, true, null, \"s\"]}\n",
        "a: 1\na: 2\n", "a:\n  b: 1\n  b: 2\n  b: 3\n", "a: b: c\n", "a:\n\t- b\n", "a: [1, 2\n", "a: \"unterminated\n",
        "x: 1\n--- \ny: *undefined\n", "a: *x\n---\nb: 2\n", "a: 1\n---\nb: [\n", "%YAML 1.1\n---\na: 1\n",
        "a: &x\n  b: &y [1, *y]\n", "? &k key\n: v\n? *k\n: w\n", "a: &s str\n*s : 2\n",
        "list:\n- &e {path: /a, methods: [GET]}\n- *e\n- <<: *e\n  path: /b\n", "a: \u{1F680}\nb: caf\u{E9}\n", "a: 1\r\nb: 2\r\n",
        "\u{FEFF}a: 1\n", "a: \"\\x00\"\n", "? \n: v\n", ": v\n", "-\n- \n", "a:\n", "a: !!binary aGVsbG8=\n",
    ]

    @Test func trickyInputsGiveTheSameTreeOrDiagnostics() {
        for text in Self.tricky { Self.expectSame(text) }
    }

    /// Every YAML file of the repository (samples, fixtures, catalog entries), whole and cut at many places.
    @Test func repositoryFilesWholeAndCutGiveTheSame() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var files: [URL] = []
        for directory in ["Samples", "Catalog", "Tests/ThreatscribeCoreTests/Fixtures"] {
            let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(directory), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                if ["yaml", "yml", "json"].contains(url.pathExtension) { files.append(url) }
            }
        }
        files.sort { $0.path < $1.path }
        #expect(files.count > 100)
        var generator = SeededGenerator(seed: 13)
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            Self.expectSame(text)
            let bytes = Array(text.utf8)
            guard bytes.count > 2 else { continue }
            for _ in 0..<4 {
                // A cut at a random byte, and a random byte replaced by a character YAML gives meaning to.
                let cut = Int(generator.next() % UInt64(bytes.count))
                Self.expectSame(String(decoding: bytes[..<cut], as: UTF8.self))
                var mutated = bytes
                let special = Array("&*!|>-?:[]{}#'\"\t\n,%@`".utf8)
                mutated[Int(generator.next() % UInt64(bytes.count))] = special[Int(generator.next() % UInt64(special.count))]
                Self.expectSame(String(decoding: mutated, as: UTF8.self))
            }
        }
    }

    @Test func hostileInputsGiveTheSameDiagnostics() {
        Self.expectSame(HostileYAMLTests.aliasBomb)
        Self.expectSame(String(repeating: "[", count: 300) + String(repeating: "]", count: 300))
        Self.expectSame("a: &a [x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n")
    }
}
