import Foundation
import Testing
@testable import ThreatscribeCore

/// `TextSearch.contains` answers as Foundation's `contains` does, ASCII or not.
@Suite struct TextSearchTests {
    @Test func answersAsFoundationDoes() {
        let texts = ["", "a", "abc", "`x`", "say `TS-A@routers[0]` now", "a\r\nb", "\r\n", "e\u{301}", "é", "x\u{301}`y`", "``", "a b\tc\n"]
        let parts = ["", "a", "b", "`x`", "`TS-A@routers[0]`", "\n", "\r", "e", "é", "e\u{301}", "`", "`y`", "abcd", "b\tc"]
        for text in texts {
            for part in parts {
                #expect(TextSearch.contains(text, part) == text.contains(part), "\(Array(text.unicodeScalars)) \(Array(part.unicodeScalars))")
            }
        }
        // Every text of up to four and part of up to two characters over an alphabet with backticks and line breaks.
        let alphabet = ["a", "`", "[", "\n", "\r", " "]
        func strings(upTo length: Int) -> [String] {
            var all = [""], last = [""]
            for _ in 0..<length {
                last = last.flatMap { prefix in alphabet.map { prefix + $0 } }
                all += last
            }
            return all
        }
        let shortParts = strings(upTo: 2)
        for text in strings(upTo: 4) {
            for part in shortParts where TextSearch.contains(text, part) != text.contains(part) {
                Issue.record("\(text.debugDescription) \(part.debugDescription)")
            }
        }
    }

    /// ASCII parts in texts mixing ASCII with what Foundation compares by canonical equivalence: marks
    /// after a match, precomposed letters, the three scalars equivalent to ASCII, a prepended mark,
    /// emoji sequences, CR LF.
    @Test func answersAsFoundationDoesAroundOtherScalars() {
        let pieces = ["a", "b", "K", ";", "`", " ", "\n", "\r", "\u{301}", "é", "e", "\u{212A}", "\u{37E}", "\u{1FEF}", "\u{600}",
                      "—", "😀", "\u{200D}", "🇫🇷", "\u{A0}", "中"]
        let parts = ["a", "b", "K", ";", "`", "e", "ab", "a b", "`a`", "\na", "a\n", "Ka", "e;", "b`", " ", "aK;`"]
        var generator = SeededGenerator(seed: 21)
        for _ in 0..<1500 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for part in parts where TextSearch.contains(text, part) != text.contains(part) {
                Issue.record("\(Array(text.unicodeScalars)) \(part.debugDescription)")
            }
        }
    }
}
