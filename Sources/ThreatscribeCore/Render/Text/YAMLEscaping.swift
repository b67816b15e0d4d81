/// Values in YAML front matter (the MADR header of an ADR): every value a double-quoted scalar,
/// so no model string can end the front matter, start a key or become another type.
///
/// Works on Unicode scalars: `\` and `"` are escaped, and every character YAML 1.2 does not allow
/// printed (C0 and C1 controls, DEL, U+2028/U+2029, U+FEFF, surrogates cannot occur) is written as
/// `\uHHHH`, so the scalar stays on one line.
enum YAMLEscaping {
    static func doubleQuoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                let code = scalar.value
                if code < 0x20 || (0x7F...0x9F).contains(code) || code == 0x2028 || code == 0x2029 || code == 0xFEFF || (0xFFFE...0xFFFF).contains(code) {
                    let hex = String(code, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A flow sequence of double-quoted scalars: `["a", "b"]`, `[]` when empty.
    static func sequence(_ values: [String]) -> String {
        "[" + values.map(doubleQuoted).joined(separator: ", ") + "]"
    }
}
