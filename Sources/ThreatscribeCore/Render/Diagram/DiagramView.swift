/// The data-flow diagram: its Mermaid source, and the geometry of a plain SVG drawing of the same
/// elements (for the HTML report, which loads no script).
public struct DiagramView: Sendable, Equatable {
    public var mermaid: Code
    /// "Not assessed: …" when the model has no clients, stores, services or flows to draw.
    public var notAssessed: String?
    public var width: Int
    public var height: Int
    public var boxes: [DiagramBoxView]
    public var arrows: [DiagramArrowView]
    public var regions: [DiagramRegionView]
}

/// A node of the SVG drawing.
public struct DiagramBoxView: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public var textX: Int
    public var textY: Int
    /// The label wrapped to the box's width, one line each (`textY` is the first line's baseline);
    /// `fullLabel` goes into the tooltip.
    public var lines: [DiagramLineView]
    public var fullLabel: String
    public var kind: String
}

/// A flow of the SVG drawing.
public struct DiagramArrowView: Sendable, Equatable {
    public var x1: Int
    public var y1: Int
    public var x2: Int
    public var y2: Int
    public var labelX: Int
    public var labelY: Int
    /// The flow's label wrapped to the gap between columns; `labelY` is the first line's baseline.
    public var lines: [DiagramLineView]
    public var isUnencrypted: Bool
}

/// One line of a wrapped diagram label: its text and its distance below the previous line.
public struct DiagramLineView: Sendable, Equatable {
    public var text: String
    public var dy: Int
}

/// A trust boundary of the SVG drawing.
public struct DiagramRegionView: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public var labelX: Int
    public var labelY: Int
    public var label: String
}
