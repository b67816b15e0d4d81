/// Places a data-flow graph on a grid: clients left, the API in the middle, stores and services right.
enum DiagramLayout {
    static let boxWidth = 200
    static let boxHeight = 44
    static let columnGap = 140
    static let rowGap = 40
    static let margin = 30
    static let maxLabel = 28

    static func view(of graph: DataFlowGraph, mermaid: String, notAssessed: String?) -> DiagramView {
        var columns: [[DataFlowGraph.Node]] = [[], [], []]
        for node in graph.nodes {
            switch node.kind {
            case .client: columns[0].append(node)
            case .api: columns[1].append(node)
            case .store, .service, .other: columns[2].append(node)
            }
        }
        let rows = max(1, columns.map(\.count).max() ?? 1)
        let height = 2 * margin + rows * boxHeight + (rows - 1) * rowGap + 20
        var boxes: [DiagramBoxView] = []
        var places: [String: (x: Int, y: Int)] = [:]
        for (column, nodes) in columns.enumerated() {
            // Centre shorter columns vertically.
            let used = nodes.count * boxHeight + max(0, nodes.count - 1) * rowGap
            let top = margin + 20 + (rows * boxHeight + (rows - 1) * rowGap - used) / 2
            for (row, node) in nodes.enumerated() {
                let x = margin + column * (boxWidth + columnGap)
                let y = top + row * (boxHeight + rowGap)
                places[node.diagramID] = (x, y)
                boxes.append(DiagramBoxView(
                    x: x, y: y, width: boxWidth, height: boxHeight,
                    textX: x + boxWidth / 2, textY: y + boxHeight / 2 + 5,
                    label: shortened(node.label), fullLabel: node.label, kind: node.kind.rawValue
                ))
            }
        }
        let arrows = graph.edges.compactMap { edge -> DiagramArrowView? in
            guard let from = places[edge.from], let to = places[edge.to] else { return nil }
            let rightward = from.x <= to.x
            let x1 = rightward ? from.x + boxWidth : from.x
            let x2 = from.x == to.x ? to.x + boxWidth : (rightward ? to.x : to.x + boxWidth)
            let y1 = from.y + boxHeight / 2 + (rightward ? -6 : 6)
            let y2 = to.y + boxHeight / 2 + (rightward ? -6 : 6)
            return DiagramArrowView(
                x1: x1, y1: y1, x2: x2, y2: y2,
                labelX: (x1 + x2) / 2, labelY: (y1 + y2) / 2 - 6,
                label: edge.label, isUnencrypted: edge.isUnencrypted
            )
        }
        let regions = graph.boundaries.compactMap { boundary -> DiagramRegionView? in
            let members = boundary.members.compactMap { places[$0] }
            guard let minX = members.map(\.x).min(), let minY = members.map(\.y).min(),
                  let maxX = members.map(\.x).max(), let maxY = members.map(\.y).max() else { return nil }
            let x = minX - 12, y = minY - 26
            return DiagramRegionView(
                x: x, y: y, width: maxX - minX + boxWidth + 24, height: maxY - minY + boxHeight + 38,
                labelX: x + 6, labelY: y + 15, label: shortened(boundary.label)
            )
        }
        return DiagramView(
            mermaid: Code(mermaid), notAssessed: notAssessed,
            width: 2 * margin + 3 * boxWidth + 2 * columnGap, height: height,
            boxes: boxes, arrows: arrows, regions: regions
        )
    }

    private static func shortened(_ label: String) -> String {
        let flat = MarkdownEscaping.singleLine(label)
        return flat.count <= maxLabel ? flat : String(flat.prefix(maxLabel - 1)) + "…"
    }
}
