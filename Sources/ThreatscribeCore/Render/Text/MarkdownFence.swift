/// A fenced code block's opening line, as CommonMark reads it (scalar by scalar, see `Escaping`).
///
/// A line opens a fence when, after at most three spaces, it has three or more backticks or tildes;
/// after backticks, no backtick may follow on the line (so a code span such as
/// ```` ```` ```x``` ```` ```` at the start of a line is not a fence). A fence closes at a line with at
/// most three spaces, then at least as many of the same character, then only spaces or tabs.
struct MarkdownFence: Equatable {
    /// `` ` `` or `~`.
    var character: Unicode.Scalar
    var length: Int
    /// Spaces before the opening run.
    var indent: Int

    /// The fence `line` opens, or `nil`. `maxIndent` is 3 as in CommonMark; callers that only tidy
    /// whitespace may pass a larger value to find fences nested in list items.
    static func opening(_ line: some Collection<Unicode.Scalar>, maxIndent: Int = 3) -> MarkdownFence? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= maxIndent else { return nil }
        let rest = line.dropFirst(indent)
        guard let character = rest.first, character == "`" || character == "~" else { return nil }
        let length = rest.prefix { $0 == character }.count
        guard length >= 3 else { return nil }
        if character == "`", rest.dropFirst(length).contains("`") { return nil }
        return MarkdownFence(character: character, length: length, indent: indent)
    }

    /// Whether `line` closes this fence.
    func isClosed(by line: some Collection<Unicode.Scalar>, maxIndent: Int = 3) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= maxIndent else { return false }
        let rest = line.dropFirst(indent)
        let run = rest.prefix { $0 == character }.count
        return run >= length && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// The line that closes this fence.
    var closingLine: String {
        String(repeating: " ", count: indent) + String(repeating: String(character), count: length)
    }

    /// `text` split into lines at `\n`, `\r\n` and `\r`, each as its Unicode scalars.
    static func lines(of text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = [[]]
        var previousIsCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousIsCR {
                previousIsCR = false
                continue
            }
            previousIsCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append([])
            } else {
                lines[lines.count - 1].append(scalar)
            }
        }
        return lines
    }
}
