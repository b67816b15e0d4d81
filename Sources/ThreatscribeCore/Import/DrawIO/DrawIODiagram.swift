import Foundation

/// The pages of a draw.io diagram (`<mxfile>`, or a bare `<mxGraphModel>`) as cells. A compressed
/// page (base64 of raw deflate of the URI-encoded `<mxGraphModel>`) is inflated within a bound and
/// read by the same hardened XML reader.
struct DrawIODiagram: Sendable {
    struct Cell: Sendable {
        var id: String
        var label: String
        var style: [String: String]
        var isVertex: Bool
        var isEdge: Bool
        var parent: String?
        var source: String?
        var target: String?
        var x = 0.0, y = 0.0, width = 0.0, height = 0.0
    }

    struct Page: Sendable {
        var name: String
        /// The line of the page's `<diagram>` in the file.
        var line: Int
        var cells: [Cell]
    }

    var pages: [Page] = []

    /// Largest inflated page, and all pages together, in bytes.
    static let maxPageBytes = 8 << 20
    static let maxTotalBytes = 32 << 20

    static func read(_ root: XMLElementNode, file: String) throws(DiagnosticList) -> DrawIODiagram {
        var diagram = DrawIODiagram()
        if root.name == "mxGraphModel" {
            diagram.pages.append(Page(name: "Page-1", line: root.line, cells: cells(of: root)))
            return diagram
        }
        var inflated = 0
        for (index, page) in root.children("diagram").enumerated() {
            let name = page.attributes["name"] ?? "Page-\(index + 1)"
            let location = SourceLocation(file: file, line: page.line, column: 1)
            if let model = page.child("mxGraphModel") {
                diagram.pages.append(Page(name: name, line: page.line, cells: cells(of: model)))
                continue
            }
            let body = page.text.trimmingWhitespacesAndNewlines
            guard !body.isEmpty else { continue }
            guard let compressed = Data(base64Encoded: body, options: .ignoreUnknownCharacters) else {
                throw DiagnosticList([Diagnostic(.error, "page \"\(name)\" is neither an <mxGraphModel> nor base64 text", at: location)])
            }
            let bytes: [UInt8]
            switch Result(catching: { () throws(RawInflate.Failure) in
                try RawInflate.inflate([UInt8](compressed), maxOutput: min(maxPageBytes, maxTotalBytes - inflated))
            }) {
            case .success(let output): bytes = output
            case .failure(.tooLarge(let limit)):
                throw DiagnosticList([Diagnostic(.error, "page \"\(name)\" inflates to more than \(limit) bytes; threatscribe stops there", at: location)])
            case .failure(.corrupt(let reason)):
                throw DiagnosticList([Diagnostic(.error, "page \"\(name)\" is not valid compressed draw.io data: \(reason)", at: location)])
            }
            inflated += bytes.count
            guard let encoded = String(bytes: bytes, encoding: .utf8), let xml = encoded.removingPercentEncoding else {
                throw DiagnosticList([Diagnostic(.error, "page \"\(name)\" does not inflate to URI-encoded text", at: location)])
            }
            let model: XMLElementNode
            do {
                model = try HardenedXMLReader.read(Array(xml.utf8), file: "\(file) (page \"\(name)\")")
            } catch {
                // Lines inside an inflated page mean nothing in the file: report at the page, with libxml2's message.
                throw DiagnosticList(error.diagnostics.map { Diagnostic(.error, "page \"\(name)\": \($0.message)", at: location) })
            }
            diagram.pages.append(Page(name: name, line: page.line, cells: cells(of: model)))
        }
        return diagram
    }

    /// The cells of an `<mxGraphModel>`, `UserObject`/`object` wrappers unwrapped (their `label`
    /// and `id` belong to the inner `mxCell`).
    private static func cells(of model: XMLElementNode) -> [Cell] {
        var result: [Cell] = []
        for node in model.child("root")?.children ?? [] {
            var cellNode = node
            var label = node.attributes["value"] ?? ""
            var id = node.attributes["id"] ?? ""
            if node.name == "UserObject" || node.name == "object", let inner = node.child("mxCell") {
                cellNode = inner
                label = node.attributes["label"] ?? ""
                id = node.attributes["id"] ?? inner.attributes["id"] ?? ""
            } else if node.name != "mxCell" {
                continue
            }
            let attributes = cellNode.attributes
            var cell = Cell(id: id, label: plainText(label), style: style(attributes["style"] ?? ""), isVertex: attributes["vertex"] == "1",
                            isEdge: attributes["edge"] == "1", parent: attributes["parent"], source: attributes["source"], target: attributes["target"])
            if let geometry = cellNode.child("mxGeometry") {
                func number(_ key: String) -> Double { geometry.attributes[key].flatMap(Double.init) ?? 0 }
                (cell.x, cell.y, cell.width, cell.height) = (number("x"), number("y"), number("width"), number("height"))
            }
            result.append(cell)
        }
        return result
    }

    /// `rounded=0;whiteSpace=wrap;shape=cylinder3` → `["rounded": "0", …, "shape": "cylinder3"]`; a bare word (`text`, `ellipse`) maps to "".
    static func style(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in text.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            result[String(pair[0])] = pair.count > 1 ? String(pair[1]) : ""
        }
        return result
    }

    /// A label as a reader sees it: HTML tags dropped (`html=1` labels), the common entities decoded, whitespace folded.
    static func plainText(_ label: String) -> String {
        var text = ""
        var inTag = false
        for character in label {
            if character == "<" { inTag = true; text.append(" "); continue }
            if character == ">" && inTag { inTag = false; continue }
            if !inTag { text.append(character) }
        }
        for (entity, value) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: value)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
