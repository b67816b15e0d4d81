import Foundation
import Testing
@testable import ThreatscribeCore

/// The excerpt's paragraphs, and the trimming every text shares, are Foundation's.
@Suite struct ProseExcerptTrimTests {
    @Test func trimsAsFoundationDoes() {
        var texts = ["", " ", " a ", "\n\t a b \r\n", "\u{2003}x\u{85}", " \u{301}a\u{301} ", "é\u{A0}", "\u{1F600} \n", "\r\n\r\n",
                     "\u{B}x\u{C}", "\u{2028}a\u{2029}", "\u{3000}中\u{180E}", "\u{200B}z\u{FEFF}"]
        // And random mixes of ASCII and other whitespace, newlines, marks and letters.
        let pieces = [" ", "\t", "\n", "\r", "\u{B}", "\u{C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2007}", "\u{202F}", "\u{3000}",
                      "\u{2028}", "\u{200B}", "\u{301}", "a", "é", "😀", "_"]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            texts.append((0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect(Array(text.trimmingWhitespacesAndNewlines.unicodeScalars) == Array(text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars),
                    "\(Array(text.unicodeScalars))")
            #expect(Array(text.trimmingWhitespaces.unicodeScalars) == Array(text.trimmingCharacters(in: .whitespaces).unicodeScalars),
                    "\(Array(text.unicodeScalars))")
            let slice = text.dropFirst()
            #expect(Array(slice.trimmingWhitespaces.unicodeScalars) == Array(slice.trimmingCharacters(in: .whitespaces).unicodeScalars))
        }
    }

    @Test func paragraphsEndAtEachBlankLine() {
        // Where Foundation compares characters the same way, the split is Foundation's.
        for text in ["", "a", "a\n\nb", "\n\n", "a\n\n\nb", "a\n\n\n\nb\n\nc é", "é\n\n\u{1F600}\n", "a\nb\n\n- x\n- y"] {
            #expect(ProseExcerpt.paragraphs(of: text) == text.components(separatedBy: "\n\n"), "\(Array(text.unicodeScalars))")
        }
        // Scalar by scalar: a line ending in `\r` or a mark that follows a blank line changes nothing.
        #expect(ProseExcerpt.paragraphs(of: "a\r\n\nb") == ["a\r", "b"])
        #expect(ProseExcerpt.paragraphs(of: "a\n\n\u{301}b") == ["a", "\u{301}b"])
    }
}
