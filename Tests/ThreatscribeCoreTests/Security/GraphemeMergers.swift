import Foundation

/// Code points that merge with a neighbouring character into one grapheme cluster (one Swift
/// `Character`), so an escaper comparing `Character`s misses the markup character next to them.
enum GraphemeMergers {
    /// Prepend (merges with the character after it): U+0600–0605, 06DD, 070F, 0890, 0891, 08E2, 0D4E, 110BD, 110CD.
    static let prepend: [UInt32] = [0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0xD4E, 0x110BD, 0x110CD]
    /// Extend (U+0301 combining acute, U+200C ZWNJ), SpacingMark (U+0903), ZWJ (U+200D) and regional
    /// indicators (U+1F1E6, U+1F1FF): each merges with the character before it.
    static let others: [UInt32] = [0x301, 0x200C, 0x903, 0x200D, 0x1F1E6, 0x1F1FF]

    /// Every merging code point above.
    static let all: [String] = (prepend + others).map { String(Character(Unicode.Scalar($0)!)) }

    /// One code point of each class (Prepend in the BMP and beyond it, Extend, SpacingMark, ZWJ,
    /// regional indicator), for the end-to-end reports, which every extra code point makes larger.
    static let classes: [String] = [0x600, 0x110BD, 0x301, 0x200C, 0x903, 0x200D, 0x1F1E6].map { String(Character(Unicode.Scalar($0)!)) }
}

/// The hostile text the end-to-end tests put into every string field.
enum HostilePayload {
    /// Script that marks the page if it ever runs: the title becomes `PWND`, a word the payload does
    /// not contain as text.
    static let script = "document.title=atob('UFdORA')"
    static let word = "PWND"

    /// A value that begins with a three-backtick code span (Markdown fence desync, issue 7 item 3),
    /// then, around each merging class, an element with an event handler (HTML text and Markdown),
    /// quote breakouts (quoted attribute values), `&`, `>`, and backtick and backslash tricks
    /// (Markdown code spans and escapes); then C0 controls (ESC, OSC 0, BEL…) and U+FFFE/U+FFFF.
    /// `onerror` is quoted, as CommonMark reads an unquoted value with `=` or `'` as text, not HTML.
    static let text: String = "```x``` <img src=x onerror=\"\(script)\"> ```` " + GraphemeMergers.classes.map { m in
        "\(m)\\\(m)<img src=x onerror=\"\(script)\">\(m)<\(m)\"\(m) autofocus onfocus=\(script) x=\(m)'\(m)&\(m)amp;>\(m)"
            + "`\(m) <img src=x onerror=\"\(script)\"> \(m)`\(m)"
    }.joined(separator: " ") + " \u{1}\u{8}\u{B}\u{C}\u{1B}]0;title\u{7}\u{1F}\u{FFFE}\u{FFFF} end"

    /// Reference URLs (catalog `references`) that pass an `http(s)` check done on `Character`s and
    /// then leave the `href` attribute (HTML) or the autolink (Markdown).
    static let references: [String] = GraphemeMergers.classes.flatMap { m in [
        "https://example.com/\(m)\"\(m)/autofocus/onfocus=\(script)/x=\(m)\"\(m)",
        "https://example.com/\(m)>\(m)<img/src=x/onerror=\"\(script)\">",
    ] }
}
