/// An HTML fragment from Ink, checked and rewritten into well-formed XHTML.
///
/// Only the elements Ink emits are accepted, each tag must close in order, and every attribute is
/// `name="value"`. `nil` when the input is anything else. The scan reads UTF-8 bytes: every character
/// it looks for (`<`, `>`, `&`, `"`, `=`, space, `/`) is ASCII, which in UTF-8 is never part of another
/// character, so a combining mark or Prepend character next to one cannot hide it (see `Escaping`);
/// text and attribute values are cut only at such characters or at placeholders, so each run handed
/// to `HTMLEscaping` is whole scalars.
struct XHTMLFragment {
    /// The rewritten fragment.
    let text: String

    init?(sanitizing html: String, placeholders: [Unicode.Scalar: String]) {
        var html = html
        let marks = Placeholders(placeholders)
        guard let text = html.withUTF8({ Self.sanitized($0, placeholders: marks) }) else { return nil }
        self.text = text
    }

    private static func sanitized(_ bytes: UnsafeBufferPointer<UInt8>, placeholders: Placeholders) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 4)
        var open: [String] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == .lessThan {
                guard let close = bytes[index...].firstIndex(of: .greaterThan),
                      rewrite(tag: bytes[(index + 1)..<close], open: &open, placeholders: placeholders, into: &output)
                else { return nil }
                index = close + 1
                continue
            }
            if byte == .ampersand || byte == .greaterThan { return nil }
            // The text up to the next markup character, escaped as one run.
            var end = index + 1
            while end < bytes.count, bytes[end] != .lessThan, bytes[end] != .ampersand, bytes[end] != .greaterThan { end += 1 }
            escaped(bytes[index..<end], placeholders: placeholders, into: &output)
            index = end
        }
        guard open.isEmpty else { return nil }
        return String(decoding: output, as: UTF8.self)
    }

    private static let elements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "code", "pre", "em", "strong",
        "del", "s", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
    ]
    private static let voidElements: Set<String> = ["br", "hr"]
    private static let attributes: Set<String> = ["href", "src", "alt", "title", "class", "start", "align"]

    /// The placeholders by their UTF-8 bytes, with the entity each becomes.
    private struct Placeholders {
        var entries: [(bytes: [UInt8], entity: [UInt8])]
        var leadBytes: Set<UInt8>

        init(_ placeholders: [Unicode.Scalar: String]) {
            entries = placeholders.map { (Array(String($0.key).utf8), Array($0.value.utf8)) }
            leadBytes = Set(entries.map { $0.bytes[0] })
        }

        /// The entry whose placeholder starts `bytes` at `index`.
        func entry(in bytes: Slice<UnsafeBufferPointer<UInt8>>, at index: Int) -> (bytes: [UInt8], entity: [UInt8])? {
            guard leadBytes.contains(bytes[index]) else { return nil }
            return entries.first { bytes[index...].starts(with: $0.bytes) }
        }
    }

    /// Text or an attribute value: placeholders become their entities, everything else goes through
    /// `HTMLEscaping.attribute` (which also replaces XML-illegal characters).
    /// `HTMLEscaping.attribute` maps scalar by scalar, so runs without placeholders are escaped whole.
    private static func escaped(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, placeholders: Placeholders, into output: inout [UInt8]) {
        var runStart = bytes.startIndex
        var index = bytes.startIndex
        func flush(upTo end: Int) {
            guard runStart < end else { return }
            output.append(contentsOf: HTMLEscaping.attribute(String(decoding: bytes[runStart..<end], as: UTF8.self)).utf8)
        }
        while index < bytes.endIndex {
            guard let placeholder = placeholders.entry(in: bytes, at: index) else { index += 1; continue }
            flush(upTo: index)
            output.append(contentsOf: placeholder.entity)
            index += placeholder.bytes.count
            runStart = index
        }
        flush(upTo: bytes.endIndex)
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The tag rewritten into `output`, or `false` when it is not one Ink writes.
    private static func rewrite(tag body: Slice<UnsafeBufferPointer<UInt8>>, open: inout [String],
                                placeholders: Placeholders, into output: inout [UInt8]) -> Bool {
        if body.first == .slash {
            let name = String(decoding: body.dropFirst(), as: UTF8.self)
            guard open.popLast() == name else { return false }
            output.append(contentsOf: "</\(name)>".utf8)
            return true
        }
        var rest = body
        if rest.last == .slash { rest = rest.dropLast() }
        let nameBytes = rest.prefix(while: isASCIIAlphanumeric)
        let name = String(decoding: nameBytes, as: UTF8.self)
        rest = rest.dropFirst(nameBytes.count)
        if name == "img" {
            image(rest, placeholders: placeholders, into: &output)
            return true
        }
        guard elements.contains(name) else { return false }
        var tag: [UInt8] = [.lessThan] + Array(name.utf8)
        while let start = rest.firstIndex(where: { $0 != .space }) {
            rest = rest[start...]
            guard let equals = rest.firstIndex(of: .equals), rest[(equals + 1)...].first == .quote else { return false }
            let attribute = String(decoding: rest[..<equals], as: UTF8.self)
            let valueStart = equals + 2
            guard attributes.contains(attribute), let valueEnd = rest[valueStart...].firstIndex(of: .quote) else { return false }
            tag.append(.space)
            tag.append(contentsOf: attribute.utf8)
            tag.append(contentsOf: "=\"".utf8)
            let value = rest[valueStart..<valueEnd]
            if attribute == "href" || attribute == "src", !HTMLEscaping.isSafeURL(String(decoding: value, as: UTF8.self)) {
                tag.append(UInt8(ascii: "#"))
            } else {
                escaped(value, placeholders: placeholders, into: &tag)
            }
            tag.append(.quote)
            rest = rest[(valueEnd + 1)...]
        }
        if voidElements.contains(name) {
            tag.append(contentsOf: "/>".utf8)
        } else {
            open.append(name)
            tag.append(.greaterThan)
        }
        output.append(contentsOf: tag)
        return true
    }

    /// An image would be a request to somewhere else: it is shown as its alt text instead.
    private static func image(_ attributes: Slice<UnsafeBufferPointer<UInt8>>, placeholders: Placeholders, into output: inout [UInt8]) {
        let marker = Array(" alt=\"".utf8)
        guard let start = attributes.indices.first(where: { attributes[$0...].starts(with: marker) }) else {
            output.append(contentsOf: "[image]".utf8)
            return
        }
        let value = attributes[(start + marker.count)...].prefix { $0 != .quote }
        output.append(contentsOf: "[image: ".utf8)
        escaped(value, placeholders: placeholders, into: &output)
        output.append(UInt8(ascii: "]"))
    }
}

private extension UInt8 {
    static let lessThan = UInt8(ascii: "<")
    static let greaterThan = UInt8(ascii: ">")
    static let ampersand = UInt8(ascii: "&")
    static let quote = UInt8(ascii: "\"")
    static let equals = UInt8(ascii: "=")
    static let slash = UInt8(ascii: "/")
    static let space = UInt8(ascii: " ")
}
