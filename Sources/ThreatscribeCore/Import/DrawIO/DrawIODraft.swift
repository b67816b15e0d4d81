import Foundation

/// Turns a ``DrawIODiagram`` into a draft. The elements are the labelled vertices that edges
/// connect (a diagram's legends, tables and titles are left out); by shape, a cylinder is a data
/// store, an actor a client, anything else a process (drafted as an external service: which one is
/// the API is a question). Edges become data flows; dashed rectangles and containers that hold
/// elements become trust boundaries. The same label on several pages is one element.
enum DrawIODraft {
    private enum Role { case client, store, process }

    static func draft(_ diagram: DrawIODiagram, file: String) -> ImportDraft {
        var model = DraftSource.root(systemName: "Diagram \(DraftSource.fileName(file))", at: SourceLocation(file: file, line: 1, column: 1))
        var used: Set<String> = []
        var idByLabel: [String: String] = [:]
        var lists: [Role: [DraftNode]] = [.client: [], .store: [], .process: []]
        var flows: [DraftNode] = []
        var flowIDs: Set<String> = []
        var boundaries: [DraftNode] = []
        var boundaryIDs: Set<String> = []
        var skippedEdges = 0

        var skippedPages: [String] = []
        for page in diagram.pages {
            if page.name.lowercased().contains("attack tree") {
                skippedPages.append(page.name)
                continue
            }
            let source = DraftSource.reference(SourceLocation(file: file, line: page.line, column: 1))
            let byID = Dictionary(page.cells.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            func origin(_ cell: DrawIODiagram.Cell) -> (Double, Double) {
                var (x, y) = (cell.x, cell.y)
                var parent = cell.parent.flatMap { byID[$0] }
                var depth = 0
                while let current = parent, current.isVertex, depth < 64 {
                    x += current.x
                    y += current.y
                    parent = current.parent.flatMap { byID[$0] }
                    depth += 1
                }
                return (x, y)
            }
            let edges = page.cells.filter(\.isEdge)
            let connected = Set(edges.flatMap { [$0.source, $0.target].compactMap { $0 } })
            var pageElements: [String: String] = [:]  // cell id → element id
            // An unlabelled card takes the label of its first labelled child (an icon with a caption).
            func label(_ cell: DrawIODiagram.Cell) -> String {
                cell.label.isEmpty ? page.cells.first { $0.parent == cell.id && $0.isVertex && !$0.label.isEmpty }?.label ?? "" : cell.label
            }
            // Ellipses mean DFD notation: there a plain rectangle is an external entity.
            let usesDFDNotation = page.cells.contains { connected.contains($0.id) && $0.style["ellipse"] != nil }
            for var cell in page.cells where cell.isVertex && connected.contains(cell.id) && !label(cell).isEmpty {
                cell.label = label(cell)
                if let id = idByLabel[cell.label] {
                    pageElements[cell.id] = id
                    continue
                }
                let role = role(of: cell, dfd: usesDFDNotation)
                let id = DraftSource.unique(DraftSource.identifier(cell.label, fallback: "element"), in: &used)
                idByLabel[cell.label] = id
                pageElements[cell.id] = id
                lists[role]!.append(.mapping([("id", .string(id)), ("name", .string(cell.label, comment: "page \(page.name)")), ("source", source)]))
            }
            for edge in edges {
                guard let from = edge.source.flatMap({ pageElements[$0] }), let to = edge.target.flatMap({ pageElements[$0] }) else {
                    skippedEdges += 1
                    continue
                }
                let label = edge.label.isEmpty ? page.cells.first { $0.parent == edge.id && !$0.label.isEmpty }?.label ?? "" : edge.label
                var node = DraftNode.mapping([
                    ("id", .string(DraftSource.unique(DraftSource.identifier(label.isEmpty ? "\(from)-to-\(to)" : label, fallback: "flow"), in: &flowIDs))),
                    ("from", .string(from)), ("to", .string(to)),
                ])
                let words = Set(DraftSource.identifier(label, fallback: "").split(separator: "-"))
                if words.contains("https") || words.contains("tls") {
                    node.append("protocol", .string("https", comment: "labelled \(label)"))
                    node.append("tls", .boolean(true))
                } else if words.contains("http") {
                    node.append("protocol", .string("http", comment: "labelled \(label)"))
                    node.append("tls", .boolean(false))
                }
                if !label.isEmpty { node.append("description", .string(label)) }
                node.append("source", source)
                flows.append(node)
            }
            // Dashed rectangles drawn around elements, and containers of elements, are trust boundaries.
            let elementCells = page.cells.filter { pageElements[$0.id] != nil }
            for cell in page.cells where cell.isVertex && pageElements[cell.id] == nil && cell.width > 0 && cell.height > 0 {
                let (left, top) = origin(cell)
                let children = elementCells.filter { $0.parent == cell.id }
                let isDashed = cell.style["dashed"] == "1"
                guard isDashed || !children.isEmpty else { continue }
                let inside = elementCells.filter { element in
                    if element.parent == cell.id { return true }
                    guard isDashed else { return false }
                    let (x, y) = origin(element)
                    let (centerX, centerY) = (x + element.width / 2, y + element.height / 2)
                    return centerX >= left && centerX <= left + cell.width && centerY >= top && centerY <= top + cell.height
                }
                let ids = orderedUnique(inside.compactMap { pageElements[$0.id] })
                guard !ids.isEmpty else { continue }
                let name = cell.label.isEmpty ? "Boundary on \(page.name)" : cell.label
                var node = DraftNode.mapping([("id", .string(DraftSource.unique(DraftSource.identifier(name, fallback: "boundary"), in: &boundaryIDs)))])
                node.append("name", .string(name))
                node.append("contains", .strings(ids, comment: isDashed ? "drawn inside the dashed rectangle" : "inside the container"))
                node.append("source", source)
                boundaries.append(node)
            }
        }
        for (role, key) in [(Role.client, "clients"), (.store, "data_stores"), (.process, "external_services")] where !lists[role]!.isEmpty {
            model.append(key, .sequence(lists[role]!))
        }
        if !flows.isEmpty { model.append("data_flows", .sequence(flows)) }
        if !boundaries.isEmpty { model.append("trust_boundaries", .sequence(boundaries)) }
        var found = [
            "\(diagram.pages.count) pages: \(lists[.client]!.count) actors, \(lists[.store]!.count) stores, \(lists[.process]!.count) other elements",
            "\(flows.count) data flows, \(boundaries.count) trust boundaries",
        ]
        if !skippedPages.isEmpty { found.append("pages left out (not data flow diagrams): \(skippedPages.joined(separator: ", "))") }
        if skippedEdges > 0 { found.append("\(skippedEdges) edges without a labelled element at each end (left out)") }
        return ImportDraft(kind: "draw.io diagram", model: model, found: found, questions: [
            "Which element is the FastAPI service? Use `api` for it in data_flows and trust_boundaries, and remove it from external_services.",
            "Shapes say little about roles: check which elements are clients, data stores and external services.",
        ])
    }

    private static func role(of cell: DrawIODiagram.Cell, dfd: Bool) -> Role {
        let shape = (cell.style["shape"] ?? "").lowercased()
        // DFD notation: a store is two parallel lines (a rectangle without its left and right sides).
        if shape == "partialrectangle" && cell.style["left"] == "0" && cell.style["right"] == "0" { return .store }
        if dfd && shape.isEmpty && cell.style["ellipse"] == nil && cell.style["text"] == nil && cell.style["swimlane"] == nil { return .client }
        let bare = Set(cell.style.keys.map { $0.lowercased() })
        if shape.contains("cylinder") || shape.contains("datastore") || bare.contains("shape=datastore") || shape.contains("database") { return .store }
        if shape.contains("actor") || bare.contains("umlactor") || shape.contains("user") { return .client }
        if (cell.style["image"] ?? "").lowercased().contains("database") || shape.contains("sql") { return .store }
        if shape.contains("mobile") || shape.contains("laptop") || shape.contains("desktop") || shape.contains("browser") { return .client }
        return .process
    }

    private static func orderedUnique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}
