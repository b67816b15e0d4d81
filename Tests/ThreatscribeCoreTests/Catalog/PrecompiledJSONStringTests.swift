import Foundation
import Testing
@testable import ThreatscribeCore

/// The precompiled catalog's reader gives back every string `JSONEncoder` writes, escapes included.
@Suite struct PrecompiledJSONStringTests {
    static let pieces = ["a", "plain text ", "\n", "\r\n", "\t", "\"", "\\", "/", "\u{0}", "\u{1F}", "\u{7F}", "é", "\u{301}",
                         "\u{2028}", "😀", "`code`", "{{subject}}", "\\n", "\\\"", "中文"]

    @Test func readsWhatJSONEncoderWrites() throws {
        var generator = SeededGenerator(seed: 13)
        for round in 0..<400 {
            let count = Int.random(in: 0...40, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let json = String(decoding: try JSONEncoder().encode([text]), as: UTF8.self)
            let read = try PrecompiledJSON.reading(json) { reader throws(PrecompiledJSON.Problem) in
                var strings: [String] = []
                try reader.array { reader throws(PrecompiledJSON.Problem) in strings.append(try reader.string()) }
                return strings
            }
            #expect(read.map { Array($0.unicodeScalars) } == [Array(text.unicodeScalars)], "round \(round): \(json)")
        }
    }

    @Test func surrogatePairsAndBadStringsAreRead() throws {
        let pair = try PrecompiledJSON.reading(#""x\uD83D\uDE00y\u00e9""#) { reader throws(PrecompiledJSON.Problem) in try reader.string() }
        #expect(pair == "x😀yé")
        for bad in [#""a\qb""#, #""a\uD83Dx""#, "\"a\u{1}b\"", "\"a\\n\u{1}b\"", #""abc"#, #""a\"#, #""a\n"#] {
            #expect(throws: PrecompiledJSON.Problem.self, "\(bad)") {
                try PrecompiledJSON.reading(bad) { reader throws(PrecompiledJSON.Problem) in try reader.string() }
            }
        }
    }
}
