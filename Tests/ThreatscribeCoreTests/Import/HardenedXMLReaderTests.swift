import Foundation
import Testing
@testable import ThreatscribeCore

/// The libxml2 reader refuses what could reach outside the document or grow beyond it, and turns
/// every malformed input into a `file:line:col` diagnostic.
struct HardenedXMLReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/import")

    func firstDiagnostic(_ text: String, limits: HardenedXMLReader.Limits = .init()) -> Diagnostic? {
        do {
            _ = try HardenedXMLReader.read(Array(text.utf8), file: "in.xml", limits: limits)
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    @Test func readsElementsAttributesNamespacesAndLines() throws {
        let root = try HardenedXMLReader.read(Array("""
            <a:Model xmlns:a="urn:m" xmlns:i="urn:i">
              <a:Item i:type="Box" name="x &amp; y"><![CDATA[<raw>]]> text</a:Item>
            </a:Model>
            """.utf8), file: "in.xml")
        #expect(root.name == "Model" && root.namespace == "urn:m")
        let item = try #require(root.child("Item"))
        #expect(item.attributes == ["type": "Box", "name": "x & y"])
        #expect(item.text == "<raw> text")
        #expect(item.line == 2)
    }

    @Test func billionLaughsIsRefusedAtItsFirstEntityDeclaration() throws {
        let file = Self.fixtures.appendingPathComponent("tm7/hostile/tm-file-parser-billion-laughs.tm7")
        let bytes = try [UInt8](Data(contentsOf: file))
        let outcome = withoutHanging { Result { () throws(DiagnosticList) in try HardenedXMLReader.read(bytes, file: "laughs.tm7") } }
        guard case .failure(let error) = outcome else {
            Issue.record("the billion-laughs file was read")
            return
        }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.message.contains("declares entities"))
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.description.hasPrefix("laughs.tm7:2:"))
    }

    @Test(arguments: [
        #"<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>"#,
        #"<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]><x/>"#,
        #"<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><x>&a;</x>"#,
        #"<!DOCTYPE x [<!ENTITY u SYSTEM "x.gif" NDATA gif>]><x/>"#,
    ])
    func everyEntityDeclarationIsRefused(_ text: String) throws {
        let diagnostic = try #require(firstDiagnostic(text))
        #expect(diagnostic.message.contains("declares entities"), "\(diagnostic)")
    }

    @Test func anExternalDTDIsNeitherLoadedNorFatal() throws {
        // NONET and no DTD loading: the document is read without fetching anything.
        let root = try HardenedXMLReader.read(Array(#"<!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd"><x a="1"/>"#.utf8), file: "in.xml")
        #expect(root.name == "x" && root.attributes == ["a": "1"])
    }

    @Test func anUndeclaredEntityIsAnErrorWithItsPlace() throws {
        let diagnostic = try #require(firstDiagnostic("<x>\n  &nope;</x>"))
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.message.hasPrefix("the XML document is not well-formed"))
    }

    @Test func sizeAndElementCountAreBounded() throws {
        let big = try #require(firstDiagnostic("<x>\(String(repeating: "a", count: 200))</x>", limits: .init(maxBytes: 100)))
        #expect(big.message.contains("at most 100"))
        let many = try #require(firstDiagnostic("<x>" + String(repeating: "<y/>", count: 50) + "</x>", limits: .init(maxElements: 10)))
        #expect(many.message.contains("more than 10 elements"))
        #expect(firstDiagnostic("") != nil)
    }

    @Test func deepNestingIsRefusedNotACrash() throws {
        let depth = 100_000
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let diagnostic = try #require(withoutHanging { self.firstDiagnostic(text) })
        #expect(diagnostic.location != nil)
    }

    /// Every prefix of a document, and seeded single-byte changes of it, either parse or give one
    /// located error: never a crash or a hang.
    @Test func malformedVariantsGiveLocatedErrors() throws {
        let valid = Array(#"""
            <?xml version="1.0" encoding="UTF-8"?>
            <mxfile host="x"><diagram id="a" name="P&amp;1"><mxGraphModel><root>
            <mxCell id="0"/><mxCell id="1" parent="0" value="&lt;b&gt;API&lt;/b&gt;" vertex="1"/>
            <!-- c --><?pi x?></root></mxGraphModel></diagram></mxfile>
            """#.utf8)
        var variants: [[UInt8]] = (0..<valid.count).map { Array(valid[..<$0]) }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        let replacements: [UInt8] = Array("<>&;\"'=/!?[]%\0\u{7F}".utf8) + [0xFF, 0xC3, 0xE2]
        for _ in 0..<2_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var bytes = valid
            bytes[Int(seed >> 33) % bytes.count] = replacements[Int(seed >> 17) % replacements.count]
            variants.append(bytes)
        }
        var errors = 0
        withoutHanging {
            for bytes in variants {
                if case .failure(let error) = Result(catching: { () throws(DiagnosticList) in try HardenedXMLReader.read(bytes, file: "fuzz.xml") }) {
                    errors += 1
                    #expect(error.diagnostics.count == 1 && error.diagnostics[0].location?.file == "fuzz.xml" && error.diagnostics[0].location!.line >= 1)
                }
            }
        }
        #expect(errors > valid.count)  // every proper prefix is malformed, and so are most changes
    }
}
