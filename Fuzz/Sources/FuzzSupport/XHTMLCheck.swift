import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks a rendered XHTML document the cheap way: it parses as XML, every element is one the
/// report templates or the prose converter write, no attribute is an event handler, and no link
/// or resource URL has a script scheme.
public enum XHTMLCheck {
    /// The elements the built-in templates and `ProseHTML` write.
    public static let allowedElements: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "header", "nav", "main", "footer", "section",
        "article", "div", "span", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "code",
        "pre", "em", "strong", "del", "s", "blockquote", "hr", "br", "table", "thead", "tbody", "tr",
        "th", "td", "details", "summary", "figure", "figcaption",
        "svg", "g", "defs", "marker", "path", "rect", "line", "text", "tspan", "title", "polygon", "circle",
    ]

    /// The problems found in `document` (empty when it passes).
    public static func problems(in document: String) -> [String] {
        let parser = XMLParser(data: Data(document.utf8))
        let collector = Collector()
        parser.delegate = collector
        if !parser.parse() {
            let error = parser.parserError.map { "\($0)" } ?? "unknown error"
            collector.problems.append("not well-formed XML at line \(parser.lineNumber) column \(parser.columnNumber): \(error)")
        }
        return collector.problems
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var problems: [String] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if !XHTMLCheck.allowedElements.contains(elementName) {
                problems.append("element <\(shown(elementName))> at line \(parser.lineNumber)")
            }
            for (name, value) in attributes {
                if name.lowercased().hasPrefix("on") {
                    problems.append("event-handler attribute \(shown(name)) on <\(elementName)> at line \(parser.lineNumber)")
                }
                if ["href", "src", "xlink:href", "action", "formaction"].contains(name.lowercased()) {
                    let compact = value.unicodeScalars.filter { !$0.properties.isWhitespace && $0.properties.generalCategory != .control }
                    let scheme = String(String.UnicodeScalarView(compact)).lowercased()
                    if scheme.hasPrefix("javascript:") || scheme.hasPrefix("vbscript:") || scheme.hasPrefix("data:") {
                        problems.append("script URL \(shown(value)) in \(name) at line \(parser.lineNumber)")
                    }
                }
            }
        }
    }
}
