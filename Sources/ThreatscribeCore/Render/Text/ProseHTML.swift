import Foundation
import Ink

/// Markdown prose converted to an XHTML fragment that cannot carry markup from the model.
///
/// Ink passes raw HTML through and unescapes nothing, so before Ink sees the text every `<`, `>`,
/// `&`, `"` and `'` is swapped for a private-use placeholder; Ink then has no HTML and no entity to
/// pass through, and code spans are not escaped twice. The result is scanned tag by tag
/// (`XHTMLFragment`): placeholders become entities, void elements are closed, link targets other
/// than `http(s):`, `mailto:`, relative and `#` become `#`, and images become their alt text (the
/// report loads nothing from elsewhere). Should Ink ever emit
/// something unbalanced, the prose is shown as escaped plain paragraphs instead.
enum ProseHTML {
    static func html(fromMarkdown markdown: String) -> String {
        ProseHTMLTemplates.builtIn.html(of: markdown) ?? inkPathHTML(fromMarkdown: markdown)
    }

    /// The conversion through Ink, which `ProseHTMLTemplates` gives the same bytes for the catalog's
    /// prose without running it.
    static func inkPathHTML(fromMarkdown markdown: String) -> String {
        // Ink's link parser backtracks exponentially in the number of `[` open at once (about ×4
        // each: twelve `![a` take half a minute); prose that deep is shown as plain paragraphs.
        guard openBracketDepth(markdown) <= maximumOpenBrackets else { return plainParagraphs(markdown) }
        let converted = inkHTML(ofShielded: shield(joiningSoftLineBreaks(markdown)))
        if let fragment = XHTMLFragment(sanitizing: converted, placeholders: placeholders) {
            return fragment.text
        }
        return plainParagraphs(markdown)
    }

    /// Ink's HTML for text whose markup characters are already swapped for placeholders.
    static func inkHTML(ofShielded text: String) -> String {
        var shielded = text
        // Ink reads past the end of the text (a crash) when spaces or tabs after a list item end the
        // text (`"- \n "`); whitespace at the very end means nothing in Markdown, so it is dropped.
        while let last = shielded.last, last.isWhitespace, !last.isNewline { shielded.removeLast() }
        return MarkdownParser().html(from: shielded)
    }

    /// The most `[` that Ink may see open at once in prose it is given.
    static let maximumOpenBrackets = 4

    /// The largest number of `[` open at one point of `text` (a `]` closes the latest; a `[` after an
    /// odd number of backslashes is text), read scalar by scalar.
    static func openBracketDepth(_ text: String) -> Int {
        var open = 0
        var deepest = 0
        var backslashes = 0
        for scalar in text.unicodeScalars {
            if backslashes % 2 == 0 {
                if scalar == "[" { open += 1; deepest = max(deepest, open) }
                if scalar == "]" { open = max(0, open - 1) }
            }
            backslashes = scalar == "\\" ? backslashes + 1 : 0
        }
        return deepest
    }

    /// Private-use characters standing in for the characters HTML gives meaning to, and the entity
    /// each becomes.
    static let placeholders: [Unicode.Scalar: String] = [
        "\u{F8F0}": "&amp;", "\u{F8F1}": "&lt;", "\u{F8F2}": "&gt;", "\u{F8F3}": "&quot;", "\u{F8F4}": "&#39;",
    ]

    private static let shields: [Unicode.Scalar: Unicode.Scalar] = [
        "&": "\u{F8F0}", "<": "\u{F8F1}", ">": "\u{F8F2}", "\"": "\u{F8F3}", "'": "\u{F8F4}",
    ]

    /// Every `&`, `<`, `>`, `"` and `'` swapped for its placeholder; a placeholder already in the text
    /// becomes U+FFFD. Read as UTF-8, where those five characters are single bytes that are never part
    /// of another character, so no combining mark or Prepend character hides one.
    static func shield(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 32)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if let shielded = shieldBytes[Int(byte)] {
                    output.append(contentsOf: shielded)
                    index += 1
                } else if startsPlaceholder[Int(byte)], let placeholder = placeholderBytes.first(where: { bytes[index...].starts(with: $0) }) {
                    output.append(contentsOf: replacementBytes)
                    index += placeholder.count
                } else {
                    output.append(byte)
                    index += 1
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// For each byte, the UTF-8 of the placeholder it is swapped for (only ASCII bytes are).
    private static let shieldBytes: [[UInt8]?] = (0...255).map { byte in
        byte < 0x80 ? shields[Unicode.Scalar(UInt8(byte))].map { Array(String($0).utf8) } : nil
    }
    /// The UTF-8 of each placeholder, and of U+FFFD.
    private static let placeholderBytes: [[UInt8]] = placeholders.keys.map { Array(String($0).utf8) }
    /// Whether a byte is the first of a placeholder's.
    private static let startsPlaceholder: [Bool] = (0...255).map { byte in placeholderBytes.contains { $0[0] == byte } }
    private static let replacementBytes = Array("\u{FFFD}".utf8)

    /// Paragraph lines joined with spaces, as Markdown reads them. Ink starts a new paragraph at a
    /// line that begins with a code span, so soft line breaks are removed before Ink sees the text;
    /// fenced blocks, headings, lists, quotes and tables keep their lines.
    static func joiningSoftLineBreaks(_ text: String) -> String {
        var lines: [String] = []
        var inFence = false
        var previousIsParagraph = false
        // Split by `Character`, as Foundation's `components(separatedBy: "\n")` splits (a line feed is a
        // character of its own but in `\r\n`), without its search for the separator.
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                lines.append(String(line))
                previousIsParagraph = false
                continue
            }
            if inFence || trimmed.isEmpty {
                lines.append(String(line))
                previousIsParagraph = false
                continue
            }
            let startsBlock = line.hasPrefix("    ") || startsBlockElement(trimmed)
            if previousIsParagraph && !startsBlock && !line.hasPrefix(" ") {
                lines[lines.count - 1] += " " + line
            } else {
                lines.append(String(line))
            }
            previousIsParagraph = !trimmed.hasPrefix("#") && !trimmed.hasPrefix("|")
        }
        return lines.joined(separator: "\n")
    }

    private static func startsBlockElement(_ line: Substring) -> Bool {
        if line.hasPrefix("#") || line.hasPrefix(">") || line.hasPrefix("|") { return true }
        if ["- ", "* ", "+ "].contains(where: { line.hasPrefix($0) }) { return true }
        let digits = line.prefix { $0.isNumber }
        return !digits.isEmpty && (line.dropFirst(digits.count).hasPrefix(". ") || line.dropFirst(digits.count).hasPrefix(") "))
    }

    /// The fallback: blank-line separated paragraphs, escaped.
    private static func plainParagraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n")
            .map { $0.trimmingWhitespacesAndNewlines }
            .filter { !$0.isEmpty }
            .map { "<p>" + HTMLEscaping.text($0) + "</p>" }
            .joined(separator: "\n")
    }
}
