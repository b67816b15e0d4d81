/// The Mermaid `flowchart LR` source of a data-flow graph.
enum MermaidFlowchart {
    static func source(of graph: DataFlowGraph) -> String {
        var lines = ["flowchart LR"]
        let bounded = Set(graph.boundaries.flatMap(\.members))
        for boundary in graph.boundaries {
            lines.append("  subgraph \(boundary.diagramID)[\"\(escaped(boundary.label))\"]")
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
            lines.append("  \(edge.from) \(arrow)|\"\(escaped(edge.label))\"| \(edge.to)")
        }
        return lines.joined(separator: "\n")
    }

    private static func declaration(of node: DataFlowGraph.Node) -> String {
        let label = "\"\(escaped(node.label))\""
        return switch node.kind {
        case .client: "\(node.diagramID)([\(label)])"
        case .api: "\(node.diagramID)[[\(label)]]"
        case .store: "\(node.diagramID)[(\(label))]"
        case .service: "\(node.diagramID){{\(label)}}"
        case .other: "\(node.diagramID)[\(label)]"
        }
    }

    /// A label safe inside Mermaid double quotes: Mermaid's `#code;` entities for the characters
    /// that end the string, start markup or entities, or break a line.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "#": result += "#35;"
            case "\"": result += "#quot;"
            case "<": result += "#lt;"
            case ">": result += "#gt;"
            case "&": result += "#amp;"
            case "`": result += "#96;"
            case "|": result += "#124;"
            case ";": result += "#59;"
            case "\n", "\r", "\t": result += " "
            default:
                if scalar.properties.generalCategory == .control { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
