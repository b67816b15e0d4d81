import Foundation
import Testing
@testable import ThreatscribeCore

/// `ShellWord` and `PythonLiteral` give back every value through the real interpreters: bash reads each
/// word as exactly one argument, `ast.literal_eval` reads each literal as exactly the string.
struct CommandEscapingTests {
    /// Every ASCII character but NUL, and the Unicode characters that break lines, hide text or merge with neighbours.
    static let values: [String] = {
        var values = (1..<128).map { String(UnicodeScalar(UInt8($0))) }
        values += ["", "plain-word_1.2:3/4@5%6+7=8,9", "it's", "a b", "$(touch x)", "`id`", "${HOME}", "!!", "~", "*", "{a,b}",
                   "a\nb", "\r\n", "\u{1B}]0;title\u{7}", "\u{85}", "\u{2028}\u{2029}", "\u{202E}evil\u{202C}", "\u{FEFF}",
                   "\u{600}'", "'\u{301}", "e\u{301}", "\u{200D}", "\u{1F469}\u{200D}\u{1F4BB}", "\u{E000}", "\u{10FFFF}", "\u{E0001}",
                   "x\u{9F}y", "\\", "\\'", "\"", "\\\"", "'\"'\"'"]
        return values
    }()

    func run(_ executable: String, _ arguments: [String], input: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    @Test func bashReadsEachWordAsTheValue() throws {
        let script = "printf '%s\\0' " + Self.values.map { ShellWord.quoted($0) }.joined(separator: " ") + "\n"
        #expect(!script.dropLast().contains("\n"), "a word holds a line break")
        let output = try run("/bin/bash", ["--norc", "-s"], input: script)
        let words = output.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
        // Compared as scalars: String equality would accept a canonically equivalent but different text.
        #expect(words.map { Array($0.unicodeScalars) } == Self.values.map { Array($0.unicodeScalars) })
    }

    @Test func shellWordsStayBareOnlyWhenSafe() {
        #expect(ShellWord.quoted("https://api.example.com/docs") == "https://api.example.com/docs")
        #expect(ShellWord.quoted("a'b") == "'a'\\''b'")
        #expect(ShellWord.quoted("a\nb") == "$'a\\nb'")
        #expect(ShellWord.quoted("a\0b") == "$'a\u{FFFD}b'")
        #expect(ShellWord.quoted("") == "''")
        #expect(ShellWord.quoted(["a", "b c"]) == "a 'b c'")
    }

    @Test func pythonReadsEachLiteralAsTheValue() throws {
        let literals = Self.values.map { PythonLiteral.string($0) }
        for literal in literals {
            #expect(!literal.unicodeScalars.contains { ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{1B}"].contains($0) }, "\(literal)")
        }
        let program = "import ast, json, sys\nfor line in sys.stdin.read().split('\\n')[:-1]:\n    print(json.dumps(ast.literal_eval(line)))\n"
        let output = try run("/usr/bin/python3", ["-c", program], input: literals.map { $0 + "\n" }.joined())
        let decoded = try String(decoding: output, as: UTF8.self).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8), options: [.fragmentsAllowed]) as? String
        }
        #expect(decoded.map { Array(($0 ?? "\u{FFFF}").unicodeScalars) } == Self.values.map { Array($0.unicodeScalars) })
        #expect(PythonLiteral.list(["a", "\"b\""]) == #"["a", "\"b\""]"#)
    }
}
