import Foundation
import Testing
@testable import ThreatscribeCore

/// The excerpt's own trimming is Foundation's.
@Suite struct ProseExcerptTrimTests {
    @Test func trimsAsFoundationDoes() {
        for text in ["", " ", " a ", "\n\t a b \r\n", "\u{2003}x\u{85}", " \u{301}a\u{301} ", "é\u{A0}", "\u{1F600} \n", "\r\n\r\n"] {
            #expect(Array(ProseExcerpt.trimmingWhitespace(text).unicodeScalars) == Array(text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars),
                    "\(Array(text.unicodeScalars))")
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
