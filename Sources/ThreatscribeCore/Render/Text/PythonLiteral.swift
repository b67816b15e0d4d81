/// Values as Python literals for FastAPI snippets, so that `ast.literal_eval` of the output gives back the
/// value and nothing in it becomes code.
///
/// Strings are `"…"` literals written on one line: `\\`, `\"`, `\n`, `\r`, `\t`, and `\xHH`, `\uHHHH` or
/// `\UHHHHHHHH` for control, format, separator (U+0085, U+2028, U+2029), private-use and unassigned code
/// points; other characters stay as they are. Works on Unicode scalars, never on grapheme clusters.
public enum PythonLiteral {
    /// A Python `str` literal holding `value`.
    public static func string(_ value: String) -> String {
        BackslashEscaped.doubleQuoted(value, keeps: { !ShellWord.needsEscape($0) }) { code in
            code <= 0xFF ? "\\x" + BackslashEscaped.hex(code, width: 2)
                : code <= 0xFFFF ? "\\u" + BackslashEscaped.hex(code, width: 4)
                : "\\U" + BackslashEscaped.hex(code, width: 8)
        }
    }

    /// A Python list of `str` literals.
    public static func list(_ values: [String]) -> String {
        "[" + values.map { string($0) }.joined(separator: ", ") + "]"
    }
}
