import CLibXML2
import Foundation

/// A document parsed by libxml2 in strict XML mode (no recovery, no network, no entity
/// substitution): either the elements with their attributes, or the first well-formedness error.
struct XMLDocumentTree {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    /// Every element in document order.
    var elements: [Element] = []
    /// `line:column: message` of the first error, if the text is not well-formed.
    var error: String?

    init(parsing text: String) {
        guard let context = xmlNewParserCtxt() else {
            error = "cannot create a parser context"
            return
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = text.withCString { pointer in
            xmlCtxtReadMemory(context, pointer, Int32(text.utf8.count), "report.html", "UTF-8", options)
        }
        defer { if let document { xmlFreeDoc(document) } }
        guard let document, context.pointee.wellFormed != 0 else {
            if let last = xmlCtxtGetLastError(context) {
                let message = last.pointee.message.map { String(cString: $0) } ?? "unknown error"
                error = "\(last.pointee.line):\(last.pointee.int2): \(message)"
            } else {
                error = "not well-formed"
            }
            return
        }
        collect(xmlDocGetRootElement(document), in: document)
    }

    private mutating func collect(_ first: xmlNodePtr?, in document: xmlDocPtr) {
        var node = first
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                var attributes: [String: String] = [:]
                var attribute = current.pointee.properties
                while let each = attribute {
                    let name = String(cString: each.pointee.name)
                    if let value = xmlNodeListGetString(document, each.pointee.children, 1) {
                        attributes[name] = String(cString: value)
                        free(value)
                    } else {
                        attributes[name] = ""
                    }
                    attribute = each.pointee.next
                }
                elements.append(Element(name: String(cString: current.pointee.name), attributes: attributes))
                collect(current.pointee.children, in: document)
            }
            node = current.pointee.next
        }
    }
}
