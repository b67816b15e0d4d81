/// The double-quoted literal Python, YAML and JSON share: `\\`, `\"`, `\n`, `\t` and `\r` escaped, every other scalar
/// kept as it is or written as the context's numeric escape. Each context (``PythonLiteral``, ``YAMLEscaping``, `JSONTree`)
/// decides which scalars it keeps and how it writes the others; ``ShellWord`` shares only ``hex(_:width:uppercase:)``.
enum BackslashEscaped {
    /// `"…"` holding `value`; `keeps` says which scalars stand as they are, `numericEscape` writes the others.
    static func doubleQuoted(_ value: String, keeps: (Unicode.Scalar) -> Bool, numericEscape: (UInt32) -> String) -> String {
        // Most values need no escape: then the literal is the value between quotes, joined in one go.
        let plain = value.unicodeScalars.allSatisfy { scalar in
            scalar != "\\" && scalar != "\"" && scalar != "\n" && scalar != "\t" && scalar != "\r" && keeps(scalar)
        }
        if plain { return "\"" + value + "\"" }
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if keeps(scalar) { result.unicodeScalars.append(scalar) } else { result += numericEscape(scalar.value) }
            }
        }
        return result + "\""
    }

    /// `value` in hexadecimal, zero-padded to `width` digits.
    static func hex(_ value: UInt32, width: Int, uppercase: Bool = false) -> String {
        let digits = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
