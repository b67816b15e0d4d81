/// The parsed form of an `allow_origin_regex`: the subset of Python `re` syntax that origin
/// regexes use. Shared by ``OriginRegex`` (matching) and ``SloppyOriginRegexProbe`` (walking).
indirect enum OriginRegexNode: Sendable, Equatable {
    case empty
    case literal(Unicode.Scalar)
    /// `.`: any character except a newline.
    case anyCharacter
    case set(OriginRegexCharacterSet)
    case sequence([OriginRegexNode])
    case alternation([OriginRegexNode])
    /// `(...)`, `(?:...)` or `(?P<name>...)`; captures do not affect matching here.
    case group(OriginRegexNode)
    case repetition(OriginRegexNode, min: Int, max: Int?, greedy: Bool)
    /// `^` or `\A`.
    case startAnchor
    /// `$`: end of string or before a final newline.
    case endAnchor
    /// `\Z`: end of string only.
    case endOfString
}

/// A character class (`[a-z0-9-]`, `\d`, `[^/]`, …).
struct OriginRegexCharacterSet: Sendable, Equatable {
    enum Item: Sendable, Equatable {
        case scalar(Unicode.Scalar)
        case range(Unicode.Scalar, Unicode.Scalar)
        case digit(negated: Bool)
        case word(negated: Bool)
        case space(negated: Bool)
    }

    var items: [Item]
    var isNegated: Bool

    func contains(_ c: Unicode.Scalar) -> Bool {
        let hit = items.contains { item in
            switch item {
            case let .scalar(s): return s == c
            case let .range(lo, hi): return lo.value <= c.value && c.value <= hi.value
            case let .digit(negated): return c.properties.numericType == .decimal ? !negated : negated
            case let .word(negated):
                let isWord = c.properties.isAlphabetic || c.properties.numericType != nil || c == "_"
                return isWord != negated
            case let .space(negated): return c.properties.isWhitespace != negated
            }
        }
        return hit != isNegated
    }
}

/// Parses Python `re` syntax into ``OriginRegexNode``; throws for syntax Python rejects and for
/// Python features this engine does not implement (never guesses).
struct OriginRegexParser {
    private let pattern: String
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var groupDepth = 0

    /// Bounds on what is evaluated, so that neither parsing, matching nor probing a pattern can
    /// exhaust the stack, the memory or the time (Python accepts larger patterns).
    enum Limits {
        /// The longest pattern, in Unicode scalars.
        static let maxLength = 1_000
        /// The deepest nesting of groups.
        static let maxGroupDepth = 50
        /// The largest count in `{m}`, `{m,}` or `{m,n}`.
        static let maxRepeatCount = 1_000
        /// The most characters one literal reading of the pattern may have (repeats multiplied out).
        static let maxExpandedLength = 10_000
    }

    init(_ pattern: String) {
        self.pattern = pattern
        self.scalars = Array(pattern.unicodeScalars)
    }

    static func parse(_ pattern: String) throws(CORSConfigurationError) -> OriginRegexNode {
        var parser = OriginRegexParser(pattern)
        if parser.scalars.count > Limits.maxLength {
            throw parser.tooComplex("it is \(parser.scalars.count) characters long, more than \(Limits.maxLength)")
        }
        let node = try parser.parseAlternation()
        if parser.index < parser.scalars.count {
            throw parser.invalid("unbalanced parenthesis at position \(parser.index)")
        }
        if expandedLength(of: node) > Limits.maxExpandedLength {
            throw parser.tooComplex("its repeats multiply out to more than \(Limits.maxExpandedLength) characters")
        }
        return node
    }

    /// The length of the longest literal reading of `node`, counting each repeat by its largest
    /// written count (stops growing past the limit, so it cannot overflow).
    private static func expandedLength(of node: OriginRegexNode) -> Int {
        let cap = Limits.maxExpandedLength + 1
        switch node {
        case .empty, .startAnchor, .endAnchor, .endOfString: return 0
        case .literal, .anyCharacter, .set: return 1
        case let .group(inner): return expandedLength(of: inner)
        case let .alternation(branches): return branches.map(expandedLength(of:)).max() ?? 0
        case let .sequence(items): return min(cap, items.reduce(0) { min(cap, $0 + expandedLength(of: $1)) })
        case let .repetition(inner, lower, upper, _):
            return min(cap, expandedLength(of: inner) * Swift.max(1, upper ?? lower, lower))
        }
    }

    private func tooComplex(_ reason: String) -> CORSConfigurationError {
        .regexTooComplex(pattern: pattern, reason: reason)
    }

    private func invalid(_ reason: String) -> CORSConfigurationError {
        .invalidRegex(pattern: pattern, reason: reason)
    }

    private func unsupported(_ reason: String) -> CORSConfigurationError {
        .unsupportedRegex(pattern: pattern, reason: reason)
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func parseAlternation() throws(CORSConfigurationError) -> OriginRegexNode {
        var branches = [try parseSequence()]
        while current == "|" {
            index += 1
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseSequence() throws(CORSConfigurationError) -> OriginRegexNode {
        var items: [OriginRegexNode] = []
        while let c = current, c != "|", c != ")" {
            let atomStart = index
            var atom = try parseAtom()
            if let quantifier = try parseQuantifier() {
                switch atom {
                case .startAnchor, .endAnchor, .endOfString:
                    throw invalid("nothing to repeat at position \(atomStart)")
                default: break
                }
                atom = .repetition(atom, min: quantifier.min, max: quantifier.max, greedy: quantifier.greedy)
                if let next = current, next == "*" || next == "+" || next == "?" || (next == "{" && peekCountedQuantifier() != nil) {
                    throw invalid("multiple repeat at position \(index)")
                }
            }
            items.append(atom)
        }
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .sequence(items)
        }
    }

    private struct Quantifier { var min: Int; var max: Int?; var greedy: Bool }

    /// A `{m}`, `{m,}`, `{,n}` or `{m,n}` at the cursor: (min, max, length), or nil if the brace is literal.
    private func peekCountedQuantifier() -> (Int, Int?, Int)? {
        guard current == "{" else { return nil }
        var j = index + 1
        var first = ""
        while j < scalars.count, ("0"..."9").contains(scalars[j]) { first.unicodeScalars.append(scalars[j]); j += 1 }
        var second: String? = nil
        if j < scalars.count, scalars[j] == "," {
            j += 1
            var s = ""
            while j < scalars.count, ("0"..."9").contains(scalars[j]) { s.unicodeScalars.append(scalars[j]); j += 1 }
            second = s
        }
        guard j < scalars.count, scalars[j] == "}" else { return nil }
        if first.isEmpty && second == nil { return nil }
        // A count too large for `Int` stays too large (the repeat limit refuses it).
        let lo = first.isEmpty ? 0 : Int(first) ?? Int.max
        let hi: Int? = second.map { $0.isEmpty ? nil : Int($0) ?? Int.max } ?? lo
        return (lo, hi, j + 1 - index)
    }

    private mutating func parseQuantifier() throws(CORSConfigurationError) -> Quantifier? {
        guard let c = current else { return nil }
        var q: Quantifier
        switch c {
        case "*": q = Quantifier(min: 0, max: nil, greedy: true); index += 1
        case "+": q = Quantifier(min: 1, max: nil, greedy: true); index += 1
        case "?": q = Quantifier(min: 0, max: 1, greedy: true); index += 1
        case "{":
            guard let (lo, hi, length) = peekCountedQuantifier() else { return nil }
            if let hi, hi < lo { throw invalid("min repeat greater than max repeat at position \(index)") }
            if Swift.max(lo, hi ?? lo) > Limits.maxRepeatCount {
                let written = String(String.UnicodeScalarView(scalars[index..<index + length]))
                throw tooComplex("the repeat count \(written) at position \(index) is above \(Limits.maxRepeatCount)")
            }
            q = Quantifier(min: lo, max: hi, greedy: true)
            index += length
        default: return nil
        }
        if current == "?" {
            q.greedy = false
            index += 1
        } else if current == "+" {
            throw unsupported("possessive quantifier at position \(index)")
        }
        return q
    }

    private mutating func parseAtom() throws(CORSConfigurationError) -> OriginRegexNode {
        let c = scalars[index]
        switch c {
        case "*", "+", "?":
            throw invalid("nothing to repeat at position \(index)")
        case "{":
            if peekCountedQuantifier() != nil { throw invalid("nothing to repeat at position \(index)") }
            index += 1
            return .literal("{")
        case ".": index += 1; return .anyCharacter
        case "^": index += 1; return .startAnchor
        case "$": index += 1; return .endAnchor
        case "[": return try parseSet()
        case "(": return try parseGroup()
        case "\\": return try parseEscape()
        default: index += 1; return .literal(c)
        }
    }

    private mutating func parseGroup() throws(CORSConfigurationError) -> OriginRegexNode {
        let start = index
        if groupDepth >= Limits.maxGroupDepth {
            throw tooComplex("groups nest deeper than \(Limits.maxGroupDepth) levels at position \(start)")
        }
        groupDepth += 1
        defer { groupDepth -= 1 }
        index += 1
        if current == "?" {
            index += 1
            guard let kind = current else { throw invalid("unexpected end of pattern") }
            switch kind {
            case ":": index += 1
            case "P":
                index += 1
                if current == "<" {
                    index += 1
                    while let n = current, n != ">" { index += 1 }
                    guard current == ">" else { throw invalid("missing >, unterminated name") }
                    index += 1
                } else {
                    throw unsupported("named backreference or unknown (?P extension at position \(start)")
                }
            case "#":
                while let n = current, n != ")" { index += 1 }
                guard current == ")" else { throw invalid("missing ), unterminated comment") }
                index += 1
                return .empty
            case "=", "!": throw unsupported("lookahead at position \(start)")
            case "<": throw unsupported("lookbehind at position \(start)")
            case ">": throw unsupported("atomic group at position \(start)")
            case "(": throw unsupported("conditional group at position \(start)")
            default: throw unsupported("inline flags or group extension (?\(Character(kind)) at position \(start)")
            }
        }
        let body = try parseAlternation()
        guard current == ")" else { throw invalid("missing ), unterminated subpattern at position \(start)") }
        index += 1
        return .group(body)
    }

    private mutating func parseEscape() throws(CORSConfigurationError) -> OriginRegexNode {
        index += 1
        guard let e = current else { throw invalid("bad escape (end of pattern)") }
        index += 1
        switch e {
        case "d": return .set(.init(items: [.digit(negated: false)], isNegated: false))
        case "D": return .set(.init(items: [.digit(negated: true)], isNegated: false))
        case "w": return .set(.init(items: [.word(negated: false)], isNegated: false))
        case "W": return .set(.init(items: [.word(negated: true)], isNegated: false))
        case "s": return .set(.init(items: [.space(negated: false)], isNegated: false))
        case "S": return .set(.init(items: [.space(negated: true)], isNegated: false))
        case "A": return .startAnchor
        case "Z": return .endOfString
        case "b", "B": throw unsupported("word boundary \\\(Character(e))")
        case "1"..."9": throw unsupported("backreference \\\(Character(e))")
        default:
            return .literal(try escapedLiteral(e))
        }
    }

    /// The literal character for an escape that denotes one character (`\.`, `\n`, `\x41`, …).
    private mutating func escapedLiteral(_ e: Unicode.Scalar) throws(CORSConfigurationError) -> Unicode.Scalar {
        switch e {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        case "a": return "\u{07}"
        case "0": return "\0"
        case "x", "u", "U":
            let width = e == "x" ? 2 : (e == "u" ? 4 : 8)
            guard index + width <= scalars.count,
                  let value = UInt32(String(String.UnicodeScalarView(scalars[index..<index + width])), radix: 16),
                  let scalar = Unicode.Scalar(value) else {
                throw invalid("incomplete escape \\\(Character(e))")
            }
            index += width
            return scalar
        default:
            if e.isASCII && (e.properties.isAlphabetic || ("0"..."9").contains(e)) {
                throw invalid("bad escape \\\(Character(e))")
            }
            return e
        }
    }

    private mutating func parseSet() throws(CORSConfigurationError) -> OriginRegexNode {
        let start = index
        index += 1
        var set = OriginRegexCharacterSet(items: [], isNegated: false)
        if current == "^" { set.isNegated = true; index += 1 }
        var first = true
        while true {
            guard let c = current else { throw invalid("unterminated character set at position \(start)") }
            if c == "]" && !first { index += 1; break }
            first = false
            let lowItem = try parseSetMember()
            if current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                index += 1
                let highItem = try parseSetMember()
                guard case let .scalar(lo) = lowItem, case let .scalar(hi) = highItem else {
                    throw invalid("bad character range at position \(start)")
                }
                guard lo.value <= hi.value else { throw invalid("bad character range \(lo)-\(hi)") }
                set.items.append(.range(lo, hi))
            } else {
                set.items.append(lowItem)
            }
        }
        return .set(set)
    }

    private mutating func parseSetMember() throws(CORSConfigurationError) -> OriginRegexCharacterSet.Item {
        guard let c = current else { throw invalid("unterminated character set") }
        index += 1
        guard c == "\\" else { return .scalar(c) }
        guard let e = current else { throw invalid("bad escape (end of pattern)") }
        index += 1
        switch e {
        case "d": return .digit(negated: false)
        case "D": return .digit(negated: true)
        case "w": return .word(negated: false)
        case "W": return .word(negated: true)
        case "s": return .space(negated: false)
        case "S": return .space(negated: true)
        case "b": return .scalar("\u{08}")
        default: return .scalar(try escapedLiteral(e))
        }
    }
}
