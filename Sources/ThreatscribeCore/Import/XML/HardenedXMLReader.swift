import CLibXML2
import Foundation

/// Reads an XML document through libxml2 with everything that reaches outside the text, or grows
/// beyond it, turned off:
///
/// - no network (`XML_PARSE_NONET`), no DTD loading, no DTD default attributes, no validation, no
///   XInclude, no entity substitution (`XML_PARSE_NOENT` is never set), no recovery, libxml2's
///   default limits (`XML_PARSE_HUGE` is never set: nesting depth 256, text nodes of 10 MB);
/// - a document that declares any entity (`<!ENTITY …>` in its DOCTYPE, general or parameter) is
///   refused at that declaration, before anything is expanded: a billion-laughs file stops at its
///   first line of DTD;
/// - the input and the number of elements are bounded (``Limits``).
///
/// Errors are diagnostics at the place libxml2 reports (`file:line:col`).
public enum HardenedXMLReader {
    /// Bounds on what a document may cost.
    public struct Limits: Sendable {
        /// Largest input accepted, in bytes.
        public var maxBytes: Int
        /// Most elements accepted in one document.
        public var maxElements: Int

        public init(maxBytes: Int = 16 << 20, maxElements: Int = 400_000) {
            self.maxBytes = maxBytes
            self.maxElements = maxElements
        }
    }

    /// Parses `bytes` into the root element; `file` names the input in diagnostics.
    public static func read(_ bytes: [UInt8], file: String, limits: Limits = Limits()) throws(DiagnosticList) -> XMLElementNode {
        _ = initialized
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard bytes.count <= limits.maxBytes else {
            throw DiagnosticList([Diagnostic(.error, "the XML document is \(bytes.count) bytes; at most \(limits.maxBytes) are read", at: start)])
        }
        guard !bytes.isEmpty else { throw DiagnosticList([Diagnostic(.error, "the XML document is empty", at: start)]) }
        let result: Result<XMLElementNode, DiagnosticList> = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                parse(characters, file: file, limits: limits)
            }
        }
        return try result.get()
    }

    /// libxml2's global state, set up once before any thread parses (its documented requirement).
    private static let initialized: Void = xmlInitParser()

    /// Where the first entity declaration was seen (0 while none was).
    private struct Refusal {
        var line: Int32 = 0
        var column: Int32 = 0
    }

    private static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_BIG_LINES.rawValue
            | XML_PARSE_NOCDATA.rawValue
    )

    /// Refuses every entity declaration: records its place and stops the parser.
    private static let refuseEntity: entityDeclSAXFunc = { context, _, _, _, _, _ in refuse(context) }
    private static let refuseUnparsedEntity: unparsedEntityDeclSAXFunc = { context, _, _, _, _ in refuse(context) }

    private static func refuse(_ context: UnsafeMutableRawPointer?) {
        guard let context else { return }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        if let state = parser.pointee._private?.assumingMemoryBound(to: Refusal.self), state.pointee.line == 0 {
            state.pointee.line = max(1, xmlSAX2GetLineNumber(context))
            state.pointee.column = max(1, xmlSAX2GetColumnNumber(context))
        }
        xmlStopParser(parser)
    }

    private static func parse(_ characters: UnsafeBufferPointer<CChar>, file: String, limits: Limits) -> Result<XMLElementNode, DiagnosticList> {
        func failure(_ message: String, line: Int = 1, column: Int = 1) -> Result<XMLElementNode, DiagnosticList> {
            .failure(DiagnosticList([Diagnostic(.error, message, at: SourceLocation(file: file, line: line, column: column))]))
        }
        guard let base = characters.baseAddress, let context = xmlCreateMemoryParserCtxt(base, Int32(characters.count)) else {
            return failure("cannot create an XML parser")
        }
        defer {
            if let document = context.pointee.myDoc { xmlFreeDoc(document) }
            context.pointee._private = nil
            xmlFreeParserCtxt(context)
        }
        _ = xmlCtxtUseOptions(context, options)
        context.pointee.sax.pointee.entityDecl = refuseEntity
        context.pointee.sax.pointee.unparsedEntityDecl = refuseUnparsedEntity
        context.pointee.sax.pointee.externalSubset = nil  // never load an external DTD, whatever the options say
        context.pointee.loadsubset = 0
        context.pointee.replaceEntities = 0
        context.pointee.validate = 0
        var refusal = Refusal()
        return withUnsafeMutablePointer(to: &refusal) { state in
            context.pointee._private = UnsafeMutableRawPointer(state)
            _ = xmlParseDocument(context)
            if state.pointee.line != 0 {
                return failure("the XML document declares entities (<!ENTITY …> in its DOCTYPE); threatscribe refuses them rather than expand them",
                               line: Int(state.pointee.line), column: Int(state.pointee.column))
            }
            guard context.pointee.wellFormed != 0, let document = context.pointee.myDoc, let root = xmlDocGetRootElement(document) else {
                if let last = xmlCtxtGetLastError(context), last.pointee.code != 0 {
                    let message = last.pointee.message.map { String(cString: $0) }?.trimmingWhitespacesAndNewlines ?? "not well-formed"
                    return failure("the XML document is not well-formed: \(message)", line: max(1, Int(last.pointee.line)), column: max(1, Int(last.pointee.int2)))
                }
                return failure("the XML document has no root element")
            }
            var budget = limits.maxElements
            guard let tree = convert(root, document: document, budget: &budget) else {
                return failure("the XML document has more than \(limits.maxElements) elements; threatscribe reads at most that many")
            }
            return .success(tree)
        }
    }

    /// Copies an element and its descendants into values; `nil` once `budget` elements are used up.
    /// Recursion follows nesting, which libxml2 bounds at 256 levels without `XML_PARSE_HUGE`.
    private static func convert(_ node: xmlNodePtr, document: xmlDocPtr, budget: inout Int) -> XMLElementNode? {
        budget -= 1
        guard budget >= 0 else { return nil }
        var element = XMLElementNode(name: String(cString: node.pointee.name), line: Int(xmlGetLineNo(node)))
        if let namespace = node.pointee.ns, let href = namespace.pointee.href { element.namespace = String(cString: href) }
        var attribute = node.pointee.properties
        while let each = attribute {
            let name = String(cString: each.pointee.name)
            if let value = xmlNodeListGetString(document, each.pointee.children, 1) {
                element.attributes[name] = String(cString: value)
                free(value)  // libxml2 allocates with malloc unless xmlMemSetup says otherwise
            } else {
                element.attributes[name] = ""
            }
            attribute = each.pointee.next
        }
        var child = node.pointee.children
        var text = ""
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                guard let converted = convert(current, document: document, budget: &budget) else { return nil }
                element.children.append(converted)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            default:
                break
            }
            child = current.pointee.next
        }
        element.text = text
        return element
    }
}
