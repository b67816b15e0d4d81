/// Values as Python literals for FastAPI snippets, so that `ast.literal_eval` of the output gives back the
/// value and nothing in it becomes code.
///
/// Strings are `"…"` literals written on one line: `\\`, `\"`, `\n`, `\r`, `\t`, and `\xHH`, `\uHHHH` or
/// `\UHHHHHHHH` for control, format, separator (U+0085, U+2028, U+2029), private-use and unassigned code
/// points; other characters stay as they are. Works on Unicode scalars, never on grapheme clusters.
public enum PythonLiteral {
    /// A Python `str` literal holding `value`.
    public static func string(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if ShellWord.needsEscape(scalar) {
                    result += scalar.value <= 0xFF ? "\\x" + ShellWord.hex(scalar.value, width: 2)
                        : scalar.value <= 0xFFFF ? "\\u" + ShellWord.hex(scalar.value, width: 4)
                        : "\\U" + ShellWord.hex(scalar.value, width: 8)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A Python list of `str` literals.
    public static func list(_ values: [String]) -> String {
        "[" + values.map { string($0) }.joined(separator: ", ") + "]"
    }
}
