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
        let shielded = shield(markdown)
        let converted = MarkdownParser().html(from: shielded)
        if let fragment = XHTMLFragment(sanitizing: converted, placeholders: placeholders) {
            return fragment.text
        }
        return plainParagraphs(markdown)
    }

    /// Private-use characters standing in for the characters HTML gives meaning to, and the entity
    /// each becomes.
    static let placeholders: [Character: String] = [
        "\u{F8F0}": "&amp;", "\u{F8F1}": "&lt;", "\u{F8F2}": "&gt;", "\u{F8F3}": "&quot;", "\u{F8F4}": "&#39;",
    ]

    private static let shields: [Character: Character] = [
        "&": "\u{F8F0}", "<": "\u{F8F1}", ">": "\u{F8F2}", "\"": "\u{F8F3}", "'": "\u{F8F4}",
    ]

    private static func shield(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            if placeholders[character] != nil {
                result.append("\u{FFFD}")
            } else if let shield = shields[character] {
                result.append(shield)
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The fallback: blank-line separated paragraphs, escaped.
    private static func plainParagraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .map { "<p>" + escapedXML($0) + "</p>" }
            .joined(separator: "\n")
    }
}

/// `text` with `&`, `<`, `>`, `"` and `'` escaped for XML text and attribute values.
func escapedXML(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.count)
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.append(character)
        }
    }
    return result
}
