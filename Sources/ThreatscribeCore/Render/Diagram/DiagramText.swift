/// Diagram labels broken into lines for the SVG drawing, which does not wrap text by itself.
enum DiagramText {
    /// `text` on one line per at most `width` characters, broken at spaces (after `/`, `-`, `_`, `.`
    /// or `,` inside a long word, else anywhere); every character of the label is kept.
    static func lines(_ text: String, width: Int) -> [String] {
        let flat = MarkdownEscaping.singleLine(text).trimmingWhitespaces
        guard !flat.isEmpty else { return [""] }
        var lines: [String] = []
        var current = ""
        for word in flat.split(separator: " ", omittingEmptySubsequences: true).flatMap({ pieces(of: String($0), width: width) }) {
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        lines.append(current)
        return lines
    }

    /// A word longer than `width` cut after its last separator that keeps each piece within `width`.
    private static func pieces(of word: String, width: Int) -> [String] {
        var rest = Substring(word)
        var pieces: [String] = []
        while rest.count > width {
            let window = rest.prefix(width)
            let cut = window.lastIndex { "/-_.,:".contains($0) }.map { rest.index(after: $0) } ?? window.endIndex
            pieces.append(String(rest[..<cut]))
            rest = rest[cut...]
        }
        pieces.append(String(rest))
        return pieces
    }
}
