/// An HTML fragment from Ink, checked and rewritten into well-formed XHTML.
///
/// Only the elements Ink emits are accepted, each tag must close in order, and every attribute is
/// `name="value"`. `nil` when the input is anything else. The scan reads Unicode scalars, so a
/// combining mark or Prepend character next to `<`, `>`, `&` or `"` cannot hide it (see `Escaping`).
struct XHTMLFragment {
    /// The rewritten fragment.
    let text: String

    init?(sanitizing html: String, placeholders: [Unicode.Scalar: String]) {
        let scalars = Array(html.unicodeScalars)
        var output = String.UnicodeScalarView()
        var open: [String] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                guard let close = scalars[index...].firstIndex(of: ">"),
                      let tag = Self.rewrite(tag: scalars[(index + 1)..<close], open: &open, placeholders: placeholders)
                else { return nil }
                output.append(contentsOf: tag.unicodeScalars)
                index = close + 1
                continue
            }
            if scalar == "&" || scalar == ">" { return nil }
            // The text up to the next markup character, escaped as one run.
            var end = index + 1
            while end < scalars.count, scalars[end] != "<", scalars[end] != "&", scalars[end] != ">" { end += 1 }
            output.append(contentsOf: Self.escaped(scalars[index..<end], placeholders: placeholders).unicodeScalars)
            index = end
        }
        guard open.isEmpty else { return nil }
        text = String(output)
    }

    private static let elements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "code", "pre", "em", "strong",
        "del", "s", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
    ]
    private static let voidElements: Set<String> = ["br", "hr"]
    private static let attributes: Set<String> = ["href", "src", "alt", "title", "class", "start", "align"]

    /// Text or an attribute value: placeholders become their entities, everything else goes through
    /// `HTMLEscaping.attribute` (which also replaces XML-illegal characters).
    /// `HTMLEscaping.attribute` maps scalar by scalar, so runs without placeholders are escaped whole.
    private static func escaped(_ scalars: some Sequence<Unicode.Scalar>, placeholders: [Unicode.Scalar: String]) -> String {
        var result = ""
        var run = String.UnicodeScalarView()
        for scalar in scalars {
            guard let placeholder = placeholders[scalar] else { run.append(scalar); continue }
            if !run.isEmpty {
                result += HTMLEscaping.attribute(String(run))
                run = String.UnicodeScalarView()
            }
            result += placeholder
        }
        if !run.isEmpty { result += HTMLEscaping.attribute(String(run)) }
        return result
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// The tag rewritten, or `nil` when it is not one Ink writes.
    private static func rewrite(tag body: ArraySlice<Unicode.Scalar>, open: inout [String], placeholders: [Unicode.Scalar: String]) -> String? {
        if body.first == "/" {
            let name = String(String.UnicodeScalarView(body.dropFirst()))
            guard open.popLast() == name else { return nil }
            return "</\(name)>"
        }
        var rest = body
        if rest.last == "/" { rest = rest.dropLast() }
        let nameScalars = rest.prefix(while: isASCIIAlphanumeric)
        let name = String(String.UnicodeScalarView(nameScalars))
        rest = rest.dropFirst(nameScalars.count)
        if name == "img" { return image(rest, placeholders: placeholders) }
        guard elements.contains(name) else { return nil }
        var tag = "<" + name
        while let start = rest.firstIndex(where: { $0 != " " }) {
            rest = rest[start...]
            guard let equals = rest.firstIndex(of: "="), rest[(equals + 1)...].first == "\"" else { return nil }
            let attribute = String(String.UnicodeScalarView(rest[..<equals]))
            let valueStart = equals + 2
            guard attributes.contains(attribute), let valueEnd = rest[valueStart...].firstIndex(of: "\"") else { return nil }
            var value = rest[valueStart..<valueEnd]
            if attribute == "href" || attribute == "src", !HTMLEscaping.isSafeURL(String(String.UnicodeScalarView(value))) {
                value = ["#"]
            }
            tag += " \(attribute)=\"" + escaped(value, placeholders: placeholders) + "\""
            rest = rest[(valueEnd + 1)...]
        }
        if voidElements.contains(name) { return tag + "/>" }
        open.append(name)
        return tag + ">"
    }

    /// An image would be a request to somewhere else: it is shown as its alt text instead.
    private static func image(_ attributes: ArraySlice<Unicode.Scalar>, placeholders: [Unicode.Scalar: String]) -> String? {
        let marker = Array(" alt=\"".unicodeScalars)
        guard let start = attributes.indices.first(where: { attributes[$0...].starts(with: marker) }) else { return "[image]" }
        let value = attributes[(start + marker.count)...].prefix { $0 != "\"" }
        return "[image: " + escaped(value, placeholders: placeholders) + "]"
    }
}
