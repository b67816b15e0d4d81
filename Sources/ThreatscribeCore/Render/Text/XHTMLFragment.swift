/// An HTML fragment from Ink, checked and rewritten into well-formed XHTML.
///
/// Only the elements Ink emits are accepted, each tag must close in order, and every attribute is
/// `name="value"`. `nil` when the input is anything else.
struct XHTMLFragment {
    /// The rewritten fragment.
    let text: String

    init?(sanitizing html: String, placeholders: [Character: String]) {
        var output = ""
        var open: [String] = []
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<" {
                guard let close = html[index...].firstIndex(of: ">"),
                      let tag = Self.rewrite(tag: html[html.index(after: index)..<close], open: &open, placeholders: placeholders)
                else { return nil }
                output += tag
                index = html.index(after: close)
                continue
            }
            if character == "&" || character == ">" { return nil }
            output += placeholders[character] ?? String(character)
            index = html.index(after: index)
        }
        guard open.isEmpty else { return nil }
        text = output
    }

    private static let elements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "code", "pre", "em", "strong",
        "del", "s", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
    ]
    private static let voidElements: Set<String> = ["br", "hr"]
    private static let attributes: Set<String> = ["href", "src", "alt", "title", "class", "start", "align"]

    /// The tag rewritten, or `nil` when it is not one Ink writes.
    private static func rewrite(tag body: Substring, open: inout [String], placeholders: [Character: String]) -> String? {
        if body.first == "/" {
            let name = String(body.dropFirst())
            guard open.popLast() == name else { return nil }
            return "</\(name)>"
        }
        var rest = body
        if rest.last == "/" { rest = rest.dropLast() }
        let name = String(rest.prefix { $0.isLetter || $0.isNumber })
        if name == "img" { return image(rest.dropFirst(name.count), placeholders: placeholders) }
        guard elements.contains(name) else { return nil }
        rest = rest.dropFirst(name.count)
        var tag = "<" + name
        while let start = rest.firstIndex(where: { $0 != " " }) {
            rest = rest[start...]
            guard let equals = rest.firstIndex(of: "="), rest[rest.index(after: equals)...].first == "\"" else { return nil }
            let attribute = String(rest[..<equals])
            let valueStart = rest.index(equals, offsetBy: 2)
            guard attributes.contains(attribute), let valueEnd = rest[valueStart...].firstIndex(of: "\"") else { return nil }
            var value = String(rest[valueStart..<valueEnd])
            if attribute == "href" || attribute == "src", !isSafeURL(value) { value = "#" }
            tag += " \(attribute)=\"" + value.map { placeholders[$0] ?? escapedXML(String($0)) }.joined() + "\""
            rest = rest[rest.index(after: valueEnd)...]
        }
        if voidElements.contains(name) { return tag + "/>" }
        open.append(name)
        return tag + ">"
    }

    /// An image would be a request to somewhere else: it is shown as its alt text instead.
    private static func image(_ attributes: Substring, placeholders: [Character: String]) -> String? {
        guard let start = attributes.range(of: " alt=\"") else { return "[image]" }
        let value = attributes[start.upperBound...].prefix { $0 != "\"" }
        return "[image: " + value.map { placeholders[$0] ?? escapedXML(String($0)) }.joined() + "]"
    }

    /// Whether a link target is `http(s):`, `mailto:`, a fragment or relative; anything else
    /// (`javascript:`, `data:`, `vbscript:`…) is not.
    static func isSafeURL(_ value: String) -> Bool {
        let compact = String(value.unicodeScalars.filter { !($0.properties.isWhitespace || $0.properties.generalCategory == .control) }
            .map(Character.init)).lowercased()
        guard let colon = compact.firstIndex(of: ":") else { return true }
        let scheme = compact[..<colon]
        if scheme.contains(where: { "/?#".contains($0) }) { return true }
        return ["http", "https", "mailto"].contains(String(scheme))
    }
}
