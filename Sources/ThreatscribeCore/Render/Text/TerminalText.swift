/// The escaper for text printed on a terminal: the one way any model, catalog, template or
/// command-line value reaches standard output or standard error.
///
/// It works on Unicode scalars, never on `Character`s (a grapheme cluster can hide a control
/// character behind a letter or a combining mark). Every scalar a terminal could act on or that
/// is invisible is written as `\u{XX}` (upper-case hex, Swift's own spelling):
/// - C0 controls U+0000–U+001F (ESC, BEL, CR, TAB, …; U+000A only where a line break is wanted),
///   DEL U+007F and C1 controls U+0080–U+009F (general category Cc);
/// - format characters (Cf): bidi embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069,
///   marks U+200E/U+200F/U+061C, soft hyphen, zero-width space, BOM, tags, Arabic number signs, …
///   except ZERO WIDTH NON-JOINER and ZERO WIDTH JOINER, which writing systems and emoji need and
///   a terminal does not act on;
/// - LINE SEPARATOR U+2028 and PARAGRAPH SEPARATOR U+2029.
///
/// So `"\u{1B}]0;title\u{07}"` prints as `\u{1B}]0;title\u{07}`: visible, and inert. A backslash
/// is left as it is; the form is for people reading the output, not for round trips.
public enum TerminalText {
    /// `text` on one line: every control character, line breaks included, made visible.
    public static func escaped(_ text: some StringProtocol) -> String {
        escaped(text, keepingLineBreaks: false)
    }

    /// `text` with its line breaks (U+000A) kept and every other control character made visible,
    /// for multi-line prose such as a catalog entry's description or `--help`.
    public static func escapedLines(_ text: some StringProtocol) -> String {
        escaped(text, keepingLineBreaks: true)
    }

    /// Whether `scalar` is written as `\u{XX}` (a line feed is, unless line breaks are kept).
    public static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x20...0x7E: return false
        case 0x200C, 0x200D: return false
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    private static func escaped(_ text: some StringProtocol, keepingLineBreaks: Bool) -> String {
        guard text.unicodeScalars.contains(where: { needsEscaping($0) }) else { return String(text) }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscaping(scalar), !(keepingLineBreaks && scalar == "\n") {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// JSON text (as `JSONSerialization` writes it) with DEL, C1 controls, format characters and line
    /// or paragraph separators inside its strings written as `\uXXXX` escapes: the same JSON value,
    /// inert on a terminal. (JSON already escapes C0 controls inside strings; outside strings JSON
    /// holds only ASCII.)
    public static func inertJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0.value >= 0x7F && needsEscaping($0) }) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard scalar.value >= 0x7F, needsEscaping(scalar) else {
                result.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16, uppercase: false)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            }
        }
        return String(result)
    }
}
