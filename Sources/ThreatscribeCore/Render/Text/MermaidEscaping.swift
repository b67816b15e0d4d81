/// How text is made safe as a Mermaid label (inside the double quotes of `id["label"]`).
enum MermaidEscaping {
    /// Mermaid's `#code;` entities for the characters that end the string, start markup or entities,
    /// or break a line; line breaks and tabs become spaces, other control characters are dropped.
    /// Scalar by scalar (see `Escaping`).
    static func label(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "#": result += "#35;"
            case "\"": result += "#quot;"
            case "<": result += "#lt;"
            case ">": result += "#gt;"
            case "&": result += "#amp;"
            case "`": result += "#96;"
            case "|": result += "#124;"
            case ";": result += "#59;"
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}": result += " "
            default:
                if scalar.properties.generalCategory == .control || HTMLEscaping.isXMLIllegal(scalar) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
