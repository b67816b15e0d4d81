/// Places in source text counted as libyaml counts them: lines end at `\n`, `\r\n`, `\r`, NEL,
/// LS or PS, and columns count Unicode scalars, so CRLF files get the same places as LF files.
enum SourceLines {
    /// The lines of `text` as Unicode scalars, without their line breaks.
    static func lines(of text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = [[]]
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n", previous == "\r" { continue }
            if isBreak(scalar) { lines.append([]) } else { lines[lines.count - 1].append(scalar) }
        }
        return lines
    }

    /// The 1-based line and column of the scalar that starts at UTF-8 byte `offset`.
    static func location(ofByteOffset offset: Int, in text: String, file: String) -> SourceLocation {
        var line = 1, column = 1, bytes = 0
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if bytes >= offset { break }
            bytes += UTF8.width(scalar)
            defer { previous = scalar }
            if scalar == "\n", previous == "\r" { continue }
            if isBreak(scalar) { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The 1-based line and column of the `offset`-th `Character` (Yams counts reader offsets so).
    static func location(ofCharacterOffset offset: Int, in text: String, file: String) -> SourceLocation {
        let end = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
        return location(ofByteOffset: text.utf8.distance(from: text.startIndex, to: end), in: text, file: file)
    }

    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }
}
