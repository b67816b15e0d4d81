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
}
