/// A compiled `allow_origin_regex` with Python `re` semantics, so that ``CORSEvaluator`` agrees with
/// Starlette instead of with `NSRegularExpression`.
///
/// Supported syntax: literals and escapes (`\.`, `\/`, `\-`, `\n`, `\x41`), `.` (no newline),
/// character classes with ranges and negation, `\d \w \s` and their negations, groups `(...)`,
/// `(?:...)`, `(?P<name>...)`, comments `(?#...)`, alternation, greedy and lazy `* + ? {m,n}`,
/// anchors `^ $ \A \Z`. Python-only or rarely used syntax — inline flags such as `(?i)`,
/// lookaround, backreferences, atomic groups, possessive quantifiers, `\b`/`\B` — is reported as
/// ``CORSConfigurationError/unsupportedRegex(pattern:reason:)`` rather than guessed at.
public struct OriginRegex: Sendable, Equatable {
    /// The pattern as written in the configuration.
    public let pattern: String
    let root: OriginRegexNode

    /// Compiles `pattern`; throws for syntax Python rejects or this engine does not support.
    public init(_ pattern: String) throws(CORSConfigurationError) {
        self.pattern = pattern
        self.root = try OriginRegexParser.parse(pattern)
    }

    /// Python `re.fullmatch(pattern, text)` is truthy.
    public func fullyMatches(_ text: String) -> Bool {
        matches(text, mustReachEnd: true)
    }

    /// Python `re.match(pattern, text)` is truthy (a match anchored at the start only).
    public func matchesPrefix(_ text: String) -> Bool {
        matches(text, mustReachEnd: false)
    }

    /// Whether Starlette `version` accepts `origin` through this regex: `fullmatch` from 0.13.1,
    /// `match` before.
    public func admits(_ origin: String, in version: StarletteVersion) -> Bool {
        version.matchesOriginRegexFully ? fullyMatches(origin) : matchesPrefix(origin)
    }

    private func matches(_ text: String, mustReachEnd: Bool) -> Bool {
        let run = OriginRegexRun(input: Array(text.unicodeScalars))
        return run.match(root, at: 0) { end in !mustReachEnd || end == run.input.count }
    }
}

/// One backtracking match attempt over a fixed input, with a step budget that bounds
/// pathological patterns (exceeding it counts as "no match").
final class OriginRegexRun {
    let input: [Unicode.Scalar]
    private var steps = 0
    private static let stepBudget = 2_000_000

    init(input: [Unicode.Scalar]) { self.input = input }

    func match(_ node: OriginRegexNode, at i: Int, then k: (Int) -> Bool) -> Bool {
        steps += 1
        if steps > Self.stepBudget { return false }
        switch node {
        case .empty:
            return k(i)
        case let .literal(c):
            return i < input.count && input[i] == c && k(i + 1)
        case .anyCharacter:
            return i < input.count && input[i] != "\n" && k(i + 1)
        case let .set(set):
            return i < input.count && set.contains(input[i]) && k(i + 1)
        case let .group(inner):
            return match(inner, at: i, then: k)
        case let .alternation(branches):
            for branch in branches where match(branch, at: i, then: k) { return true }
            return false
        case let .sequence(items):
            return matchSequence(items[...], at: i, then: k)
        case let .repetition(inner, min, max, greedy):
            return matchRepetition(inner, min: min, max: max, greedy: greedy, count: 0, at: i, then: k)
        case .startAnchor:
            return i == 0 && k(i)
        case .endAnchor:
            return (i == input.count || (i == input.count - 1 && input[i] == "\n")) && k(i)
        case .endOfString:
            return i == input.count && k(i)
        }
    }

    private func matchSequence(_ items: ArraySlice<OriginRegexNode>, at i: Int, then k: (Int) -> Bool) -> Bool {
        guard let first = items.first else { return k(i) }
        return match(first, at: i) { j in self.matchSequence(items.dropFirst(), at: j, then: k) }
    }

    private func matchRepetition(
        _ inner: OriginRegexNode, min: Int, max: Int?, greedy: Bool, count: Int, at i: Int, then k: (Int) -> Bool
    ) -> Bool {
        func next(_ j: Int) -> Bool {
            // An iteration that consumed nothing cannot make progress once the minimum is met.
            if j == i && count >= min { return false }
            return matchRepetition(inner, min: min, max: max, greedy: greedy, count: count + 1, at: j, then: k)
        }
        if count < min { return match(inner, at: i, then: next) }
        let mayRepeat = max.map { count < $0 } ?? true
        if greedy {
            if mayRepeat && match(inner, at: i, then: next) { return true }
            return k(i)
        }
        if k(i) { return true }
        return mayRepeat && match(inner, at: i, then: next)
    }
}
