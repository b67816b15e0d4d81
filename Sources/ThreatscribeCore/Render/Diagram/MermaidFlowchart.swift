/// The Mermaid `flowchart LR` source of a data-flow graph.
enum MermaidFlowchart {
    static func source(of graph: DataFlowGraph) -> String {
        var lines = ["flowchart LR"]
        let bounded = Set(graph.boundaries.flatMap(\.members))
        for boundary in graph.boundaries {
            lines.append("  subgraph \(boundary.diagramID)[\"\(MermaidEscaping.label(boundary.label))\"]")
            for member in boundary.members {
                if let node = graph.nodes.first(where: { $0.diagramID == member }) { lines.append("    " + declaration(of: node)) }
            }
            lines.append("  end")
        }
        for node in graph.nodes where !bounded.contains(node.diagramID) {
            lines.append("  " + declaration(of: node))
        }
        for edge in graph.edges {
            let arrow = edge.isUnencrypted ? "-.->" : "-->"
            lines.append("  \(edge.from) \(arrow)|\"\(MermaidEscaping.label(edge.label))\"| \(edge.to)")
        }
        return lines.joined(separator: "\n")
    }

    private static func declaration(of node: DataFlowGraph.Node) -> String {
        let label = "\"\(MermaidEscaping.label(node.label))\""
        return switch node.kind {
        case .client: "\(node.diagramID)([\(label)])"
        case .api: "\(node.diagramID)[[\(label)]]"
        case .store: "\(node.diagramID)[(\(label))]"
        case .service: "\(node.diagramID){{\(label)}}"
        case .other: "\(node.diagramID)[\(label)]"
        }
    }
}
