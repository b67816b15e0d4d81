/// YAML double-quoted scalars, for every YAML threatscribe writes: the front matter of an ADR and the models
/// `init` and `import` draft. No string can end the scalar, start a key, become another type or break the
/// line.
///
/// Works on Unicode scalars: `\` and `"` are escaped, line feed, tab and carriage return as `\n`, `\t`,
/// `\r`, and every character outside YAML's printable set or that YAML 1.1 reads as a line break (C0 and
/// C1 controls, DEL, NEL, U+2028/U+2029) or drops (the byte-order mark U+FEFF) as `\uHHHH` (`\UHHHHHHHH`
/// above the Basic Multilingual Plane).
public enum YAMLEscaping {
    public static func doubleQuoted(_ value: String) -> String {
        BackslashEscaped.doubleQuoted(value, keeps: isPrintable) { code in
            code <= 0xFFFF ? "\\u" + BackslashEscaped.hex(code, width: 4, uppercase: true)
                : "\\U" + BackslashEscaped.hex(code, width: 8, uppercase: true)
        }
    }

    /// A flow sequence of double-quoted scalars: `["a", "b"]`, `[]` when empty.
    static func sequence(_ values: [String]) -> String {
        "[" + values.map(doubleQuoted).joined(separator: ", ") + "]"
    }

    /// Printable in YAML and not a line break or byte-order mark: ASCII 0x20-0x7E, U+00A0-U+D7FF,
    /// U+E000-U+FFFD without U+FEFF, and the planes above, minus U+2028/U+2029.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: true
        case 0x2028, 0x2029, 0xFEFF: false
        case 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
