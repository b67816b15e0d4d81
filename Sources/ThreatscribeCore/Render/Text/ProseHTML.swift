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
        // Ink's link parser backtracks exponentially in the number of `[` open at once (about ×4
        // each: twelve `![a` take half a minute); prose that deep is shown as plain paragraphs.
        guard openBracketDepth(markdown) <= maximumOpenBrackets else { return plainParagraphs(markdown) }
        var shielded = shield(joiningSoftLineBreaks(markdown))
        // Ink reads past the end of the text (a crash) when spaces or tabs after a list item end the
        // text (`"- \n "`); whitespace at the very end means nothing in Markdown, so it is dropped.
        while let last = shielded.last, last.isWhitespace, !last.isNewline { shielded.removeLast() }
        let converted = MarkdownParser().html(from: shielded)
        if let fragment = XHTMLFragment(sanitizing: converted, placeholders: placeholders) {
            return fragment.text
        }
        return plainParagraphs(markdown)
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

    /// Every `&`, `<`, `>`, `"` and `'` scalar swapped for its placeholder; a placeholder already in
    /// the text becomes U+FFFD. Scalar by scalar, so no combining mark or Prepend character hides one.
    private static func shield(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if placeholders[scalar] != nil {
                result.append("\u{FFFD}")
            } else {
                result.append(shields[scalar] ?? scalar)
            }
        }
        return String(result)
    }

    /// Paragraph lines joined with spaces, as Markdown reads them. Ink starts a new paragraph at a
    /// line that begins with a code span, so soft line breaks are removed before Ink sees the text;
    /// fenced blocks, headings, lists, quotes and tables keep their lines.
    static func joiningSoftLineBreaks(_ text: String) -> String {
        var lines: [String] = []
        var inFence = false
        var previousIsParagraph = false
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                lines.append(line)
                previousIsParagraph = false
                continue
            }
            if inFence || trimmed.isEmpty {
                lines.append(line)
                previousIsParagraph = false
                continue
            }
            let startsBlock = line.hasPrefix("    ") || startsBlockElement(trimmed)
            if previousIsParagraph && !startsBlock && !line.hasPrefix(" ") {
                lines[lines.count - 1] += " " + line
            } else {
                lines.append(line)
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
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .map { "<p>" + HTMLEscaping.text($0) + "</p>" }
            .joined(separator: "\n")
    }
}
