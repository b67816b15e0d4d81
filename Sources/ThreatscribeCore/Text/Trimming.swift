import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`: the same scalars dropped from both ends, without
    /// bridging the text to `NSString` (which a small run did thousands of times).
    var trimmingWhitespaces: String { Trimming.trimming(self, isMember: Trimming.isWhitespace) }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without bridging the text to `NSString`.
    var trimmingWhitespacesAndNewlines: String { Trimming.trimming(self, isMember: Trimming.isWhitespaceOrNewline) }
}

/// Foundation's character sets, asked only about scalars outside ASCII; the ASCII members are known.
enum Trimming {
    static func trimming<Text: StringProtocol>(_ text: Text, isMember: (Unicode.Scalar) -> Bool) -> String {
        let string = String(text)
        let scalars = string.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isMember($0) }),
              let last = scalars.lastIndex(where: { !isMember($0) }) else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return string }
        return String(scalars[first...last])
    }

    /// In `CharacterSet.whitespaces`: space, tab, and the other space separators (Zs).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" : CharacterSet.whitespaces.contains(scalar)
    }

    /// In `CharacterSet.whitespacesAndNewlines`: those, and U+000A–U+000D, U+0085, U+2028, U+2029.
    static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || ("\t"..."\r").contains(scalar) : CharacterSet.whitespacesAndNewlines.contains(scalar)
    }
}
