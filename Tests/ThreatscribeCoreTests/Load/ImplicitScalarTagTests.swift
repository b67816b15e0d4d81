import Testing
import Yams
@testable import ThreatscribeCore

/// `ImplicitScalarTag` gives what Yams's default `Resolver` (regular expressions) gives, and scalars
/// read with it have the kinds they had when the default resolver read them.
@Suite struct ImplicitScalarTagTests {
    /// Every YAML 1.1 / core form of bool, null, int and float, and near misses.
    static let forms: [String] = [
        "yes", "Yes", "YES", "yEs", "y", "Y", "n", "N", "no", "No", "NO", "nO", "true", "True", "TRUE", "tRUE", "false",
        "False", "FALSE", "fAlse", "on", "On", "ON", "oN", "off", "Off", "OFF", "oFF", "yes ", " yes", "truee", "t", "f",
        "", "~", "~~", "null", "Null", "NULL", "nULL", "nul", "nil", "None", "none", " null", "null ",
        "0", "-0", "+0", "00", "007", "08", "0_7", "0_", "0o7", "0o17", "0o8", "0o", "0o_", "-0o7", "0O7", "0b101", "0b1_0",
        "0b2", "0b", "-0b1", "0B1", "0x1F", "0x1f", "0xg", "0x", "0x_", "+0x1F", "0X1F", "1_000", "_1", "1_", "1__0", "-1_000",
        "190:20:30", "-190:20:30", "+1:30", "1:60", "1:5", "1:05", "1:5:", "1::5", "0:30", "1:30:", "12:345", "1_0:30",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "99999999999999999999999", "0x7FFFFFFFFFFFFFFF", "0x8000000000000000", "0b" + String(repeating: "1", count: 64),
        "1.0", "-1.0", "+1.0", "1.", "-1.", ".5", "-.5", "+.5", "1.e5", "1e5", "1E5", "1E+5", "1e-5", "1e", "1e+", "1.5e",
        ".5e5", ".5e+5", ".5E-5", "._5", "._", ".", "..", "1.2.3", "1e5.0", "1_0.0_1", "1__.__", "0.1_", "6.8523015e+5",
        "685.230_15e+03", "685_230.15", "190:20:30.15", "1:20.", "0:20.5", "1:20.5.5", "1:60.5", "-1:20.5", ".1:20",
        ".inf", "-.inf", "+.inf", ".Inf", "-.Inf", ".INF", "+.INF", ".iNf", "inf", "-inf", "Infinity", ".infinity",
        ".nan", "-.nan", "+.nan", ".NaN", ".NAN", ".nAn", "nan", "NaN",
        "0.115.12", "3.1.6", "2001-12-14", "2002-12-14t21:59:43.10-05:00", "<<", "=", "0x", "1 2", "1,000", "1e5e5",
        "٣", "１", "1\u{300}", "yes\u{300}",
    ]

    /// The forms with line breaks around them (a pattern's `$` matches before one final line break).
    static let withLineBreaks: [String] = ["yes", "1", "1.5", "null", "", "abc", ".inf"].flatMap { text in
        ["\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\n\n", "\r\r", "\n\r", " \n", "\t"]
            .flatMap { lineBreak in [text + lineBreak, lineBreak + text] }
    }

    /// Every text of up to three characters over an alphabet that builds all the forms.
    static let generated: [String] = {
        let alphabet = ["0", "1", "7", "8", "9", "_", ":", ".", "+", "-", "e", "E", "x", "o", "b", "a", "f", "n", "i", "~", "N", "y", " "]
        var texts = alphabet
        for first in alphabet { for second in alphabet { texts.append(first + second) } }
        for first in alphabet { for second in alphabet { for third in alphabet { texts.append(first + second + third) } } }
        // And longer random ones, from a fixed seed.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<(4 + Int(state >> 60)) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += alphabet[Int(state >> 33) % alphabet.count]
            }
            texts.append(text)
        }
        return texts
    }()

    /// The default resolver's tag, with the tags `LocatedScalar.Kind` does not distinguish read as `str`.
    static func defaultResolverTag(_ text: String) -> Yams.Tag.Name {
        let name = Resolver.default.resolveTag(of: Node.scalar(Node.Scalar(text)))
        return [.bool, .int, .float, .null].contains(name) ? name : .str
    }

    /// The kind a scalar had when the model was read with the default resolver (the code this replaced).
    static func defaultResolverKind(_ scalar: Node.Scalar) -> LocatedScalar.Kind {
        switch Node.scalar(scalar).tag.description {
        case Yams.Tag.Name.null.rawValue: .null
        case Yams.Tag.Name.bool.rawValue: Bool.construct(from: scalar) == nil ? .string : .bool
        case Yams.Tag.Name.int.rawValue: Int.construct(from: scalar) == nil ? .string : .int
        case Yams.Tag.Name.float.rawValue: Double.construct(from: scalar) == nil ? .string : .float
        default: .string
        }
    }

    @Test func tagsEqualTheDefaultResolvers() {
        var differences: [String] = []
        for text in Self.forms + Self.withLineBreaks + Self.generated where ImplicitScalarTag.name(of: text) != Self.defaultResolverTag(text) {
            differences.append("\(text.debugDescription): \(ImplicitScalarTag.name(of: text).rawValue) vs \(Self.defaultResolverTag(text).rawValue)")
        }
        #expect(differences.isEmpty, "\(differences.prefix(20).joined(separator: "\n"))")
        // The corpus reaches every tag.
        let tags = Set((Self.forms + Self.generated).map(ImplicitScalarTag.name(of:)))
        #expect(tags == [.bool, .int, .float, .null, .str])
    }

    @Test func scalarsKeepTheirKinds() throws {
        var differences: [String] = []
        var compared = 0
        let written = Self.forms.flatMap { ["v: \($0)", "v: '\($0)'", "v: \"\($0)\"", "v: !!int \($0)", "v: !!float \($0)", "v: !!bool \($0)", "v: !!null \($0)", "v: !!str \($0)", "v: ! \($0)"] }
            + Self.generated.prefix(12_000).map { "v: \($0)" } + ["v: |\n  1\n", "v: >\n  yes\n", "v: 1\n  2\n", "v:\n", "v: &a 1\nw: *a\n"]
        for yaml in written {
            guard let old = try? Yams.compose(yaml: yaml, .default), let new = try? Yams.compose(yaml: yaml, .basic) else { continue }
            for (oldValue, newValue) in zip(old.mapping?.values.map { $0 } ?? [], new.mapping?.values.map { $0 } ?? []) {
                guard case .scalar(let oldScalar) = oldValue, case .scalar(let newScalar) = newValue else { continue }
                compared += 1
                let kinds = (Self.defaultResolverKind(oldScalar), LocatedTreeBuilder.kind(of: newScalar))
                if kinds.0 != kinds.1 { differences.append("\(yaml.debugDescription): \(kinds.0) vs \(kinds.1)") }
            }
        }
        #expect(compared > 12_000)
        #expect(differences.isEmpty, "\(differences.prefix(20).joined(separator: "\n"))")
    }
}
