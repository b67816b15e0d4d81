import Foundation
import Testing
@testable import ThreatscribeCore

/// `RouterDecoding` reads routers straight from the located tree; it must give what the Decodable way
/// gives (`ModelDecoding.tree` and `JSONTreeDecoder`), or give up (`nil`) so that way decides.
@Suite struct RouterDecodingTests {
    static let decoding = ModelDecoding(schema: .current)

    /// The routers the Decodable way reads from a `routers:` value, or `nil` when it fails.
    static func decodableWay(_ node: LocatedNode) -> [Router]?? {
        let json = JSONTree.object([("routers", decoding.tree(node, as: .list(.object("Router"))))])
        return try? JSONTreeDecoder().decode(Holder.self, from: json).routers
    }

    struct Holder: Decodable { var routers: [Router]? }

    static func routersNode(_ text: String) throws -> LocatedNode {
        try #require(try LocatedNode.parse(text, file: "m.yaml")["routers"])
    }

    @Test func everyKeyOfTheSchemaIsReadAsTheDecodableWayReadsIt() throws {
        // The maximal model sets every key of Router and Endpoint, so none may make the direct way give up.
        let node = try Self.routersNode(MaximalModel.tree().text(pretty: true))
        let direct = try #require(RouterDecoding(decoding: Self.decoding).routers(node))
        #expect(direct != nil && direct == Self.decodableWay(node))
    }

    @Test func samplesDecodeTheSameEitherWay() throws {
        for text in JSONTreeDecoderTests.sampleTexts + [EnvironmentSectionsTests.model] {
            let root = try LocatedNode.parse(text, file: "m.yaml")
            let whole = try Self.decoding.decodeValues(root)
            let json = Self.decoding.tree(root, as: .object(ModelSchema.current.rootName))
            var decodable = try JSONTreeDecoder().decode(ArchitectureModel.self, from: json)
            Self.decoding.restoreDisabledRoutes(in: &decodable, from: root)
            #expect(whole == decodable)
            if let node = root["routers"] { #expect(RouterDecoding(decoding: Self.decoding).routers(node) != nil) }
        }
    }

    /// Every key of an endpoint and of a router given values of every shape: where the direct way reads
    /// one, it reads what the Decodable way reads; where the Decodable way fails, the direct way gives up.
    @Test func valuesOfEveryShapeAreReadTheSameOrLeftToTheDecodableWay() throws {
        let shapes = ["null", "x", "'quoted'", "7", "true", "'yes'", "[a, b]", "[a, null]", "[]", "{a: 1}", "{id_from: path}",
                      "{id_from: nowhere}", "login", "password", "{runs_commands: true}"]
        let schema = ModelSchema.current
        let endpointKeys = try #require(schema.object(named: "Endpoint")).properties.map(\.key) + ["not_a_key"]
        let routerKeys = try #require(schema.object(named: "Router")).properties.map(\.key) + ["not_a_key"]
        var readDirectly = 0
        for shape in shapes {
            for key in endpointKeys {
                var endpoint = ["path: /a", "methods: [GET]"].filter { !$0.hasPrefix("\(key):") }
                endpoint.append("\(key): \(shape)")
                readDirectly += try Self.expectSameOrGivenUp("routers:\n  - endpoints:\n      - {\(endpoint.joined(separator: ", "))}\n")
            }
            for key in routerKeys {
                var router = ["prefix: /r", "endpoints: [{path: /a, methods: [GET]}]"].filter { !$0.hasPrefix("\(key):") }
                router.append("\(key): \(shape)")
                readDirectly += try Self.expectSameOrGivenUp("routers:\n  - {\(router.joined(separator: ", "))}\n")
            }
        }
        for text in ["routers: null\n", "routers: x\n", "routers: [x]\n", "routers: [null]\n", "routers: [{prefix: /r}]\n", "routers: []\n"] {
            readDirectly += try Self.expectSameOrGivenUp(text)
        }
        #expect(readDirectly > 200)
    }

    /// Compares both ways on `text`; 1 when the direct way read it.
    static func expectSameOrGivenUp(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        let node = try routersNode(text)
        let decodable = decodableWay(node)
        guard let direct = RouterDecoding(decoding: decoding).routers(node) else { return 0 }
        #expect(decodable != nil && direct == decodable!, "\(text)", sourceLocation: sourceLocation)
        return 1
    }
}
