import CLibXML2
import Foundation

/// A document parsed by libxml2's HTML parser (a tolerant HTML tokenizer, as a browser reads
/// `text/html`): every element with its attribute names.
struct HTMLTokenTree {
    /// Element names and attribute names in document order.
    var elements: [(name: String, attributes: [String])] = []

    init(parsing text: String) {
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue)
        let document = text.withCString { pointer in
            htmlReadMemory(pointer, Int32(text.utf8.count), "report.html", "UTF-8", options)
        }
        guard let document else { return }
        defer { xmlFreeDoc(document) }
        collect(xmlDocGetRootElement(document))
    }

    private mutating func collect(_ first: xmlNodePtr?) {
        var node = first
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                var names: [String] = []
                var attribute = current.pointee.properties
                while let each = attribute {
                    names.append(String(cString: each.pointee.name))
                    attribute = each.pointee.next
                }
                elements.append((String(cString: current.pointee.name).lowercased(), names.map { $0.lowercased() }))
                collect(current.pointee.children)
            }
            node = current.pointee.next
        }
    }

    /// Elements and attributes the payloads try to create (none of them occurs in the templates; the
    /// payload's `x=` is left out, as SVG `<rect>` and `<text>` carry one).
    static let hostileElements: Set<String> = ["img", "script", "iframe", "object", "embed"]
    static let hostileAttributes: Set<String> = ["autofocus", "src", "onerror", "onload", "onfocus", "onmouseover"]

    /// Descriptions of every element or attribute that can only have come from model text.
    var hostile: [String] {
        elements.flatMap { element -> [String] in
            var found: [String] = []
            if Self.hostileElements.contains(element.name) || (element.name == "svg" && element.attributes.contains("onload")) {
                found.append("<\(element.name)>")
            }
            for name in element.attributes where Self.hostileAttributes.contains(name) || name.hasPrefix("on") {
                found.append("\(name)= on <\(element.name)>")
            }
            return found
        }
    }
}
