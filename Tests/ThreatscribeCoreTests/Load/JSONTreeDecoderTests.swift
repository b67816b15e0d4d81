import Foundation
import Testing
@testable import ThreatscribeCore

/// `JSONTreeDecoder` decodes what `JSONDecoder` decodes from the tree's JSON text, and fails where it fails.
@Suite struct JSONTreeDecoderTests {
    /// The value, or that decoding failed, both ways.
    static func bothWays<T: Decodable & Equatable>(_ type: T.Type, _ tree: JSONTree) -> (tree: T?, text: T?) {
        let fromTree = try? JSONTreeDecoder().decode(type, from: tree)
        let fromText = try? JSONDecoder().decode(type, from: Data(tree.text(pretty: false).utf8))
        return (fromTree, fromText)
    }

    @Test func modelsDecodeAsFromTheirJSONText() throws {
        var texts = [Self.sampleTexts, [EnvironmentSectionsTests.model, MaximalModel.tree().text(pretty: true)]].flatMap { $0 }
        texts.append(EnvironmentSectionsTests.model.replacingOccurrences(of: "reload: true", with: "reload: true\n        workers: 7"))
        for text in texts {
            let root = try LocatedNode.parse(text, file: "model.yaml")
            let tree = ModelDecoding(schema: .current).tree(root, as: .object(ModelSchema.current.rootName))
            let both = Self.bothWays(ArchitectureModel.self, tree)
            #expect(both.tree != nil && both.tree == both.text)
        }
    }

    static var sampleTexts: [String] {
        ModelLoadSampleTests.sampleNames.compactMap { try? String(contentsOf: ModelLoadSampleTests.samples.appendingPathComponent($0), encoding: .utf8) }
    }

    @Test func freeValuesAndMismatchesAsJSONDecoder() {
        let values: [JSONTree] = [
            .null, .bool(true), .bool(false), .int(0), .int(-7), .int(Int.max), .double(2), .double(2.5), .double(-0.0),
            .double(1e300), .double(.infinity), .double(-.infinity), .double(.nan), .string(""), .string("a\"\\\n\u{1}é"),
            .array([]), .array([.int(1), .null, .string("x")]), .object([]), .object([("a", .int(1)), ("b", .array([.bool(true)]))]),
            .object([("x", .double(.infinity)), ("y", .object([("z", .null)]))]),
        ]
        for value in values {
            let json = Self.bothWays(JSONValue.self, value)
            #expect(json.tree == json.text, "\(value.text(pretty: false))")
            let bool = Self.bothWays(Bool.self, value), int = Self.bothWays(Int.self, value)
            let string = Self.bothWays(String.self, value), nullable = Self.bothWays(NullableString.self, value)
            let list = Self.bothWays([Int].self, value), map = Self.bothWays([String: Int].self, value)
            let optional = Self.bothWays(Int?.self, value)
            #expect(bool.tree == bool.text && int.tree == int.text && string.tree == string.text, "\(value.text(pretty: false))")
            #expect(nullable.tree == nullable.text && list.tree == list.text && map.tree == map.text, "\(value.text(pretty: false))")
            #expect(optional.tree == optional.text, "\(value.text(pretty: false))")
        }
    }
}
