import Foundation
import Testing
@testable import ThreatscribeCore

/// `JSONTree` writes strings Foundation reads back unchanged, control characters included.
struct JSONTreeTextTests {
    @Test func stringsRoundTripThroughFoundation() throws {
        let texts = ["plain", "quote \" backslash \\ slash /", "line\nbreak\ttab\rreturn", "\u{0}\u{1}\u{1F}\u{7F}", "é ✓ 𝄞", ""]
        for text in texts {
            let written = JSONTree.array([.string(text)]).text(pretty: false)
            let read = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String])
            #expect(read == [text], "\(written)")
        }
        #expect(JSONTree.string("a\u{1}\"b").text(pretty: false) == #""a\u0001\"b""#)
    }
}
