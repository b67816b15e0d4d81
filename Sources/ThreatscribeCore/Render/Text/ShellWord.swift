/// One value as one word of a bash command line, so that pasting the command passes the value to the
/// program unchanged and nothing in it is expanded, substituted or run.
///
/// Works on Unicode scalars, never on grapheme clusters: a combining mark after a quote cannot hide it.
/// - A value made only of `A-Z a-z 0-9 _ @ % + = : , . / -` stays bare (`https://api.example.com/docs`).
/// - Any other value without control characters is single-quoted, `'` written as `'\''`.
/// - A value with a control or invisible formatting character (newline, tab, ESC, DEL, C1, U+2028/2029,
///   bidirectional overrides, …) is an ANSI-C `$'…'` word with `\n`, `\t`, `\xHH` or `\uHHHH` escapes, so the
///   command stays on one line and shows what the value holds. bash, zsh and ksh parse it; a POSIX `sh`
///   without `$'…'` would read a literal `$` and backslashes (wrong text, still no expansion).
/// - NUL cannot be passed in an argument at all: it is replaced by U+FFFD, which makes the difference visible.
public enum ShellWord {
    /// The value as one shell word.
    public static func quoted(_ value: String) -> String {
        let scalars = value.unicodeScalars
        if !scalars.isEmpty, scalars.allSatisfy(isBare) { return value }
        if !scalars.contains(where: needsEscape) {
            var result = "'"
            for scalar in scalars {
                if scalar == "'" { result += "'\\''" } else { result.unicodeScalars.append(scalar) }
            }
            return result + "'"
        }
        var result = "$'"
        for scalar in scalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\\": result += "\\\\"
            case "'": result += "\\'"
            case "\0": result += "\u{FFFD}"
            default:
                if needsEscape(scalar) {
                    result += scalar.value < 0x80 ? "\\x" + BackslashEscaped.hex(scalar.value, width: 2)
                        : scalar.value <= 0xFFFF ? "\\u" + BackslashEscaped.hex(scalar.value, width: 4) : "\\U" + BackslashEscaped.hex(scalar.value, width: 8)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "'"
    }

    /// Several values as space-separated words, one per value.
    public static func quoted(_ values: [String]) -> String {
        values.map { quoted($0) }.joined(separator: " ")
    }

    static func isBare(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "@", "%", "+", "=", ":", ",", ".", "/", "-": true
        default: false
        }
    }

    /// Characters a reader cannot see or that break the line: C0, DEL, C1, line and paragraph separators,
    /// format characters (bidirectional controls, zero-width joiners, BOM), and unassigned or private code points.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII without a category lookup: C0 and DEL are controls, everything else in it is visible.
        if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
        return switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: true
        default: false
        }
    }
}
