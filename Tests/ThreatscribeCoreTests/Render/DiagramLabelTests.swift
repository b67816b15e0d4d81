import Testing
@testable import ThreatscribeCore

/// Diagram labels wrap to the box and keep every character: nothing is truncated.
struct DiagramLabelTests {
    @Test func longLabelWrapsWithoutLosingCharacters() {
        let label = "Customer-facing single-page application (React) served from https://app.example.com/orders/v2"
        let lines = DiagramText.lines(label, width: 24)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 24 }, "\(lines)")
        #expect(lines.joined().filter { $0 != " " } == label.filter { $0 != " " })
        #expect(DiagramText.lines("Redis", width: 24) == ["Redis"])
    }

    @Test func boxesAreTallEnoughForTheirLines() throws {
        let model = try ModelLoader.load(text: """
            system: {name: S}
            clients:
              - {id: spa, name: "Customer-facing single-page application served from the marketing site's CDN"}
            data_stores:
              - {id: db, type: postgresql}
            data_flows:
              - {from: spa, to: api, protocol: https, tls: true}
              - {from: api, to: db, protocol: "postgres wire protocol over the cluster network", tls: false}
            """, file: "m.yaml")
        let graph = DataFlowGraph(model: model.base)
        let view = DiagramLayout.view(of: graph, mermaid: "", notAssessed: nil)
        let box = try #require(view.boxes.first { $0.fullLabel.hasPrefix("Customer") })
        #expect(box.lines.count >= 3)
        #expect(box.lines.map(\.text).joined(separator: " ") == box.fullLabel)
        // Every line's baseline lies inside the box.
        let last = box.textY + box.lines.dropFirst().map(\.dy).reduce(0, +)
        #expect(box.textY > box.y && last < box.y + box.height, "\(box)")
        #expect(view.boxes.allSatisfy { $0.height == box.height })
        let arrow = try #require(view.arrows.first { $0.lines.count > 1 })
        #expect(arrow.lines.allSatisfy { $0.text.count <= DiagramLayout.arrowLineLength })
    }
}
