import Foundation
import Testing
import Yams
@testable import ThreatscribeCore

/// The draft writer (issue 11): deterministic block YAML that no value, key or comment can inject
/// structure into, and drafts that `validate` accepts.
@Suite struct DraftYAMLWriterTests {
    static let hostile: [String] = [
        "a: b", "- x", "#", "# comment", " leading", "trailing ", "", " ", "\n- injected: true", "x\ny: 1",
        "'", "\"", "\\", "\\\"", "{a: 1}", "[1, 2]", "&anchor", "*alias", "!!python/object:os.system", "!tag",
        "---", "...", "--- !x", "%YAML 1.1", "@at", "`tick", "|", ">", "? key", ": v", "yes", "No", "ON", "off",
        "y", "n", "true", "False", "null", "Null", "~", "0x10", "0o17", "017", "1e3", "1_000", "3.12", ".inf",
        "-.inf", ".NaN", "1:20", "12:30:45", "2001-12-14", "<<", "=", "\u{0}", "\u{7}", "\u{1B}[31mred",
        "\t", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{FFFE}", "\u{A0}", "é ü 日本",
        "😀", "\u{7F}", "\u{9F}", "a #b", "a# b", "a:", "/items/{id}", "app/main.py:12", "key: &a [*a]",
        String(repeating: "x", count: 3000), String(repeating: "[", count: 2000),
    ]

    /// Yams' reading of `text` as plain Swift values.
    func parsed(_ text: String) throws -> Any? {
        try Yams.load(yaml: text)
    }

    @Test func hostileStringValuesRoundTrip() throws {
        for value in Self.hostile {
            let root = DraftNode.mapping([("value", .string(value, comment: value)), ("after", .integer(1))])
            let text = DraftYAMLWriter.yaml(of: root, header: [value])
            let back = try #require(try parsed(text) as? [String: Any], "\(text.debugDescription)")
            #expect(back["value"] as? String == value, "\(value.debugDescription) → \(text.debugDescription)")
            #expect(back.count == 2 && back["after"] as? Int == 1, "\(text.debugDescription)")
        }
    }

    @Test func hostileKeysAndSequenceItemsRoundTrip() throws {
        for value in Self.hostile {
            var inner = DraftNode.mapping([(value, .strings([value, value], comment: value))])
            inner.notes = [value]
            let root = DraftNode.mapping([
                ("list", .sequence([inner, .string(value, comment: value)], comment: value)),
                ("end", .boolean(true)),
            ])
            let text = DraftYAMLWriter.yaml(of: root)
            let back = try #require(try parsed(text) as? [String: Any], "\(text.debugDescription)")
            let list = try #require(back["list"] as? [Any], "\(text.debugDescription)")
            #expect(list.count == 2)
            #expect((list.first as? [String: Any])?[value] as? [String] == [value, value], "\(text.debugDescription)")
            #expect(list.last as? String == value)
            #expect(back["end"] as? Bool == true)
        }
    }

    /// libyaml drops a byte-order mark even when it is escaped; the rest of the value and the structure stay.
    @Test func byteOrderMarkIsEscapedAndCannotBreakStructure() throws {
        let text = DraftYAMLWriter.yaml(of: .mapping([("a", .string("\u{FEFF}x: 1")), ("b", .integer(2))]))
        #expect(text == "a: \"\\uFEFFx: 1\"\nb: 2\n")
        let back = try #require(try parsed(text) as? [String: Any])
        #expect(back.count == 2 && back["b"] as? Int == 2)
    }

    @Test func harmlessWordsArePlainAndTheRestQuoted() {
        #expect(DraftYAMLWriter.scalarText("cors") == "cors")
        #expect(DraftYAMLWriter.scalarText("app/main.py:12") == "app/main.py:12")
        #expect(DraftYAMLWriter.scalarText("/items") == "/items")
        #expect(DraftYAMLWriter.scalarText("yes") == "\"yes\"")
        #expect(DraftYAMLWriter.scalarText("0.115.6") == "\"0.115.6\"")
        #expect(DraftYAMLWriter.scalarText("a\u{2028}b\"") == "\"a\\u2028b\\\"\"")
    }

    @Test func writesNestedBlocksCommentsAndNotesDeterministically() {
        var router = DraftNode.mapping([
            ("prefix", .string("/items", comment: "app/routes.py:3")),
            ("endpoints", .sequence([.mapping([("path", .string("/")), ("methods", .strings(["GET"]))])])),
        ])
        router.appendNote("unresolved: dependencies=deps()")
        let root = DraftNode.mapping([
            ("threatscribe", .integer(1)),
            ("routers", .sequence([router])),
            ("empty", .sequence([])),
            ("app", .mapping([("docs_url", .null(comment: "main.py:4"))])),
        ])
        #expect(DraftYAMLWriter.yaml(of: root, header: ["Drafted"]) == """
            # Drafted
            threatscribe: 1
            routers:
              - prefix: /items  # app/routes.py:3
                endpoints:
                  - path: /
                    methods:
                      - GET
                # unresolved: dependencies=deps()
            empty: []
            app:
              docs_url: null  # main.py:4

            """)
    }

    @Test func draftModelValidates() throws {
        let root = DraftNode.mapping([
            ("threatscribe", .integer(1)),
            ("system", .mapping([("name", .string("Shop: \"quoted\"\n- injected: x"))])),
            ("middleware", .sequence([.mapping([
                ("type", .string("cors")),
                ("allow_origins", .strings(["https://a.example", "yes"])),
                ("allow_credentials", .boolean(true)),
                ("source", .string("app/main.py:12")),
            ])])),
            ("routers", .sequence([.mapping([
                ("endpoints", .sequence([.mapping([("path", .string("/items/{id}")), ("methods", .strings(["GET"]))])])),
            ])])),
        ])
        let loaded = try ModelLoader.load(text: DraftYAMLWriter.yaml(of: root, header: ["x\ny: 1"]), file: "draft.yaml")
        #expect(loaded.base.system.name == "Shop: \"quoted\"\n- injected: x")
    }
}
