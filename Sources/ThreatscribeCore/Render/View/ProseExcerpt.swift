import Foundation

/// The opening sentences of a catalog text, for a report that states each point once and briefly.
enum ProseExcerpt {
    /// The first `count` sentences of the first paragraph of `markdown`; the whole first paragraph when it
    /// has no more sentences than that, with the bullet list it introduces when it ends with `:` (the
    /// advisories an upgrade fixes, the requests a CORS policy refuses); a table whole. A full stop inside a code span, or
    /// after `e.g`/`i.e`/`etc`/`vs`, or between digits, does not end a sentence.
    static func leading(_ count: Int, of markdown: String) -> String {
        let trimmed = markdown.trimmingWhitespacesAndNewlines
        let paragraphs = paragraphs(of: trimmed)
        let paragraph = paragraphs.first ?? trimmed
        // A table is never cut.
        if paragraph.hasPrefix("|") { return paragraph }
        let excerpt = leadingSentences(count, of: paragraph)
        if excerpt == paragraph, paragraph.hasSuffix(":"), paragraphs.count > 1,
           paragraphs[1].split(separator: "\n").allSatisfy({ $0.hasPrefix("- ") }) {
            return paragraph + "\n\n" + paragraphs[1]
        }
        return excerpt
    }

    /// The texts between each `\n\n` (byte for byte: a blank line ends a Markdown paragraph whatever
    /// follows it), in order, empty ones included.
    static func paragraphs(of text: String) -> [String] {
        let utf8 = text.utf8
        var paragraphs: [String] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let next = utf8.index(after: index)
            if utf8[index] == UInt8(ascii: "\n"), next != utf8.endIndex, utf8[next] == UInt8(ascii: "\n") {
                paragraphs.append(String(text.unicodeScalars[start..<index]))
                start = utf8.index(after: next)
                index = start
            } else {
                index = next
            }
        }
        paragraphs.append(String(text.unicodeScalars[start...]))
        return paragraphs
    }

    private static func leadingSentences(_ count: Int, of paragraph: String) -> String {
        let scalars = Array(paragraph.unicodeScalars)
        var inCode = false
        var sentences = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "`" { inCode.toggle() }
            if !inCode, ".?!".unicodeScalars.contains(scalar), index + 1 < scalars.count, scalars[index + 1] == " " || scalars[index + 1] == "\n",
               !endsAbbreviation(scalars, at: index) {
                sentences += 1
                if sentences == count {
                    var text = String(String.UnicodeScalarView(scalars[...index]))
                    if text.hasSuffix(":") { text.removeLast() }
                    return text
                }
            }
            index += 1
        }
        return paragraph
    }

    private static func endsAbbreviation(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var start = index
        while start > 0, scalars[start - 1] != " ", scalars[start - 1] != "\n", scalars[start - 1] != "(" { start -= 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<index])).lowercased()
        return ["e.g", "i.e", "etc", "vs", "cf"].contains(word)
    }
}
