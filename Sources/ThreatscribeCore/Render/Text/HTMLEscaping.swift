/// How text is made safe for the HTML report, which is XHTML (read by HTML and XML parsers alike).
///
/// Works on Unicode scalars (see `Escaping`). Characters XML forbids — C0 controls other than tab,
/// line feed and carriage return, and U+FFFE/U+FFFF — never reach the output: a C0 control becomes its
/// visible Control Pictures symbol (U+0001 → ␁, ESC → ␛), U+FFFE and U+FFFF become U+FFFD. (Surrogates
/// cannot occur in a Swift `String`.)
enum HTMLEscaping {
    /// Element text: `&`, `<` and `>` escaped, XML-illegal characters replaced.
    static func text(_ text: String) -> String {
        escaping(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            default: nil
            }
        }
    }

    /// A quoted attribute value (single or double quotes), also safe as element text: `&`, `<`, `>`,
    /// `"` and `'` escaped, XML-illegal characters replaced. Mustache's `{{x}}` in HTML templates uses it,
    /// since a template may put `{{x}}` in either place.
    static func attribute(_ text: String) -> String {
        escaping(text, attributeReplacement)
    }

    /// `attribute` of the one ASCII character `byte` (below 0x80), appended to UTF-8 output, for writers
    /// that work on bytes (`ProseHTMLTemplate`).
    static func appendAttribute(asciiByte byte: UInt8, to output: inout [UInt8]) {
        assert(byte < 0x80, "only an ASCII byte is a whole character")
        let scalar = Unicode.Scalar(byte)
        if let replaced = attributeReplacement(scalar) {
            output.append(contentsOf: replaced.utf8)
        } else if isXMLIllegal(scalar) {
            output.append(contentsOf: String(legalReplacement(for: scalar)).utf8)
        } else {
            output.append(byte)
        }
    }

    private static func attributeReplacement(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&#39;"
        default: nil
        }
    }

    /// A link target for `href`/`src`: `#` unless `isSafeURL`, then escaped as an attribute value.
    static func urlAttribute(_ url: String) -> String {
        attribute(isSafeURL(url) ? url : "#")
    }

    /// Whether a link target is `http(s):`, `mailto:`, a fragment or relative; anything else
    /// (`javascript:`, `data:`, `vbscript:`…) is not. Whitespace and control characters anywhere are
    /// ignored first, as browsers strip or skip them before reading the scheme.
    static func isSafeURL(_ url: String) -> Bool {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control { continue }
            if scalar == ":" { return ["http", "https", "mailto"].contains(scheme) }
            // `/`, `?` or `#` before any `:` make it a relative reference.
            if scalar == "/" || scalar == "?" || scalar == "#" { return true }
            scheme.unicodeScalars.append(scalar.isASCII ? Unicode.Scalar(UInt8(ascii: scalar).lowercasedASCII) : scalar)
        }
        return true
    }

    /// `url` when it is an absolute `http(s)` URL with no character that could end an HTML attribute
    /// value or a Markdown autolink (`<url>`): no whitespace, control, quote, `<`, `>` or backtick.
    static func webURL(_ url: String) -> String? {
        let lower = String(url.unicodeScalars.prefix(8).map { $0.isASCII ? Character(Unicode.Scalar(UInt8(ascii: $0).lowercasedASCII)) : Character($0) })
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        let isPlain = url.unicodeScalars.allSatisfy { scalar in
            // ASCII: printable (not whitespace or a control), and none of the six.
            if scalar.isASCII { return (0x21...0x7E).contains(scalar.value) && !"\"'<>`\\".unicodeScalars.contains(scalar) }
            return !(scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .format || isXMLIllegal(scalar))
        }
        return isPlain ? url : nil
    }

    /// Whether XML 1.0 forbids `scalar` in a document.
    static func isXMLIllegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: false
        case 0..<0x20, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// What an XML-illegal `scalar` is written as: its Control Pictures symbol (U+2400 + code) for a C0
    /// control, U+FFFD otherwise.
    static func legalReplacement(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.value < 0x20 ? Unicode.Scalar(0x2400 + scalar.value)! : "\u{FFFD}"
    }

    /// `text` with each scalar `replacement` names replaced and XML-illegal scalars made legal.
    static func escaping(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var result = String.UnicodeScalarView()
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                result.append(contentsOf: replaced.unicodeScalars)
            } else if isXMLIllegal(scalar) {
                result.append(legalReplacement(for: scalar))
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

private extension UInt8 {
    /// ASCII `A`–`Z` lowercased; every other byte unchanged.
    var lowercasedASCII: UInt8 { (65...90).contains(self) ? self + 32 : self }
}
