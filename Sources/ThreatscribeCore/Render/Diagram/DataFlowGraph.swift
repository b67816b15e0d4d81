/// The elements of the data-flow diagram, drawn from the model only: clients, the API, data
/// stores, external services, the flows between them and the trust boundaries around them.
struct DataFlowGraph: Equatable {
    enum Kind: String { case client, api, store, service, other }

    struct Node: Equatable {
        /// The element's id in the model (`api` for the service itself).
        var modelID: String
        /// A Mermaid-safe id, unique in the graph.
        var diagramID: String
        var kind: Kind
        var label: String
    }

    struct Edge: Equatable {
        var from: String
        var to: String
        /// "HTTPS, TLS", "postgres, no TLS", "protocol not stated, TLS not stated".
        var label: String
        var isUnencrypted: Bool
    }

    struct Boundary: Equatable {
        var diagramID: String
        var label: String
        /// Diagram ids of the nodes drawn inside it (each node in at most one boundary).
        var members: [String]
    }

    var nodes: [Node] = []
    var edges: [Edge] = []
    var boundaries: [Boundary] = []

    init(model: ArchitectureModel) {
        var ids = DiagramIDs()
        func add(_ modelID: String, _ kind: Kind, _ label: String) {
            guard !nodes.contains(where: { $0.modelID == modelID }) else { return }
            nodes.append(Node(modelID: modelID, diagramID: ids.make(kind.rawValue, modelID), kind: kind, label: label))
        }
        for client in model.clients ?? [] {
            add(client.id, .client, [client.name ?? client.id, client.origin].compactMap { $0 }.joined(separator: " — "))
        }
        add("api", .api, model.system.name + " (API)")
        for store in model.dataStores ?? [] {
            add(store.id, .store, [store.name ?? store.id, store.type?.rawValue].compactMap { $0 }.joined(separator: " — "))
        }
        for service in model.externalServices ?? [] {
            add(service.id, .service, service.name ?? service.id)
        }
        for flow in model.dataFlows ?? [] {
            add(flow.from, .other, flow.from)
            add(flow.to, .other, flow.to)
            let from = nodes.first { $0.modelID == flow.from }!.diagramID
            let to = nodes.first { $0.modelID == flow.to }!.diagramID
            edges.append(Edge(from: from, to: to, label: Self.label(of: flow), isUnencrypted: flow.tls == false))
        }
        var placed: Set<String> = []
        for boundary in model.trustBoundaries ?? [] {
            let members = boundary.contains.compactMap { member in nodes.first { $0.modelID == member }?.diagramID }
                .filter { placed.insert($0).inserted }
            boundaries.append(Boundary(diagramID: ids.make("boundary", boundary.id), label: boundary.name ?? boundary.id, members: members))
        }
    }

    var isEmpty: Bool { nodes.count <= 1 && edges.isEmpty }

    static func label(of flow: DataFlow) -> String {
        let tls = switch flow.tls {
        case true?: "TLS"
        case false?: "no TLS"
        case nil: "TLS not stated"
        }
        return "\(flow.protocol ?? "protocol not stated"), \(tls)"
    }
}

/// Unique identifiers made of `[A-Za-z0-9_]` only, prefixed by kind so no id is a Mermaid keyword.
struct DiagramIDs {
    private var used: Set<String> = []

    mutating func make(_ prefix: String, _ raw: String) -> String {
        let cleaned = String(raw.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? Character(scalar) : "_"
        })
        let base = "\(prefix)_\(cleaned)"
        var candidate = base
        var suffix = 2
        while !used.insert(candidate).inserted {
            candidate = "\(base)_\(suffix)"
            suffix += 1
        }
        return candidate
    }
}
