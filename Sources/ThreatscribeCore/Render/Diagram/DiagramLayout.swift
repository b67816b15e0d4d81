/// Places a data-flow graph on a grid: clients left, the API in the middle, stores and services right.
/// Labels wrap onto as many lines as they need (never truncated); every box is as tall as the
/// tallest label needs, so rows stay aligned.
enum DiagramLayout {
    static let boxWidth = 200
    static let columnGap = 140
    static let rowGap = 40
    static let margin = 30
    /// Characters per line in a box (12 px text in 200 px less padding) and on an arrow (10 px text
    /// in the 140 px between columns), counted generously so that wide letters still fit.
    static let boxLineLength = 24
    static let arrowLineLength = 22
    static let lineHeight = 15
    static let arrowLineHeight = 12

    static func view(of graph: DataFlowGraph, mermaid: String, notAssessed: String?) -> DiagramView {
        let labels = Dictionary(graph.nodes.map { ($0.diagramID, DiagramText.lines($0.label, width: boxLineLength)) }) { first, _ in first }
        let boxHeight = max(44, (labels.values.map(\.count).max() ?? 1) * lineHeight + 20)
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
                let lines = labels[node.diagramID] ?? []
                // The block of lines centred in the box; 4 px from a line's middle to its baseline.
                let firstBaseline = y + boxHeight / 2 - (lines.count - 1) * lineHeight / 2 + 4
                boxes.append(DiagramBoxView(
                    x: x, y: y, width: boxWidth, height: boxHeight,
                    textX: x + boxWidth / 2, textY: firstBaseline,
                    lines: lines.enumerated().map { DiagramLineView(text: $0.element, dy: $0.offset == 0 ? 0 : lineHeight) },
                    fullLabel: node.label, kind: node.kind.rawValue
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
            let lines = DiagramText.lines(edge.label, width: arrowLineLength)
            return DiagramArrowView(
                x1: x1, y1: y1, x2: x2, y2: y2,
                labelX: (x1 + x2) / 2, labelY: (y1 + y2) / 2 - 6 - (lines.count - 1) * arrowLineHeight,
                lines: lines.enumerated().map { DiagramLineView(text: $0.element, dy: $0.offset == 0 ? 0 : arrowLineHeight) },
                isUnencrypted: edge.isUnencrypted
            )
        }
        let regions = graph.boundaries.compactMap { boundary -> DiagramRegionView? in
            let members = boundary.members.compactMap { places[$0] }
            guard let minX = members.map(\.x).min(), let minY = members.map(\.y).min(),
                  let maxX = members.map(\.x).max(), let maxY = members.map(\.y).max() else { return nil }
            let x = minX - 12, y = minY - 26
            return DiagramRegionView(
                x: x, y: y, width: maxX - minX + boxWidth + 24, height: maxY - minY + boxHeight + 38,
                labelX: x + 6, labelY: y + 15, label: MarkdownEscaping.singleLine(boundary.label)
            )
        }
        return DiagramView(
            mermaid: Code(mermaid), notAssessed: notAssessed,
            width: 2 * margin + 3 * boxWidth + 2 * columnGap, height: height,
            boxes: boxes, arrows: arrows, regions: regions
        )
    }
}
