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

    /// The backtracking steps Python's `re` would take to decide `text` the way Starlette `version`
    /// matches origins, or `nil` when deciding it takes more than the step budget (then ``admits(_:in:)``
    /// answers "no match" without knowing: ``OriginRegexBacktrackingProbe`` reports such patterns).
    public func backtrackingSteps(_ text: String, in version: StarletteVersion) -> Int? {
        let run = OriginRegexRun(input: Array(text.unicodeScalars))
        let mustReachEnd = version.matchesOriginRegexFully
        _ = run.match(root, at: 0) { end in !mustReachEnd || end == run.input.count }
        return run.isExhausted ? nil : run.steps
    }

    private func matches(_ text: String, mustReachEnd: Bool) -> Bool {
        let run = OriginRegexRun(input: Array(text.unicodeScalars))
        return run.match(root, at: 0) { end in !mustReachEnd || end == run.input.count }
    }
}

/// One backtracking match attempt over a fixed input, with a step budget that bounds
/// pathological patterns (exceeding it counts as "no match").
///
/// The search is the depth-first backtracking of Python `re`, run on an explicit stack of choice
/// points instead of the call stack, so neither a long input nor a deep pattern can overflow it.
/// What remains to match after a node is a ``Continuation``; it never grows with the input.
final class OriginRegexRun {
    let input: [Unicode.Scalar]
    /// Steps taken so far.
    private(set) var steps = 0
    /// The budget ran out: the "no match" answered is not a decision.
    private(set) var isExhausted = false
    /// The most steps one match attempt may take.
    static let stepBudget = 2_000_000
    /// The most choice points kept at once (reaching it counts as "no match", like the step budget).
    private static let choiceBudget = 200_000

    init(input: [Unicode.Scalar]) { self.input = input }

    /// What is left to match: a chain of nodes ending in the caller's test of the end position.
    private indirect enum Continuation {
        case accept
        case node(OriginRegexNode, then: Continuation)
        /// Iteration `count` of a repetition (`count` iterations done), entered at some position.
        case repetition(Repetition, count: Int, then: Continuation)
        /// Check after one iteration that started at `start`, then go on with iteration `count + 1`.
        case afterIteration(Repetition, count: Int, start: Int, then: Continuation)
    }

    private struct Repetition {
        var inner: OriginRegexNode
        var min: Int
        var max: Int?
        var greedy: Bool
    }

    /// Whether `node` matches at `i` with an end position `k` accepts (trying ends in Python's order).
    func match(_ node: OriginRegexNode, at i: Int, then k: (Int) -> Bool) -> Bool {
        var choices: [(position: Int, rest: Continuation)] = []
        var position = i
        var rest = Continuation.node(node, then: .accept)
        while true {
            steps += 1
            if steps > Self.stepBudget || choices.count > Self.choiceBudget { isExhausted = true; return false }
            var failed = false
            switch rest {
            case .accept:
                if k(position) { return true }
                failed = true
            case let .node(node, next):
                switch node {
                case .empty:
                    rest = next
                case let .literal(c):
                    if position < input.count && input[position] == c { position += 1; rest = next } else { failed = true }
                case .anyCharacter:
                    if position < input.count && input[position] != "\n" { position += 1; rest = next } else { failed = true }
                case let .set(set):
                    if position < input.count && set.contains(input[position]) { position += 1; rest = next } else { failed = true }
                case let .group(inner):
                    rest = .node(inner, then: next)
                case let .alternation(branches):
                    for branch in branches.dropFirst().reversed() { choices.append((position, .node(branch, then: next))) }
                    rest = branches.first.map { .node($0, then: next) } ?? next
                case let .sequence(items):
                    rest = items.reversed().reduce(next) { later, item in .node(item, then: later) }
                case let .repetition(inner, min, max, greedy):
                    rest = .repetition(Repetition(inner: inner, min: min, max: max, greedy: greedy), count: 0, then: next)
                case .startAnchor:
                    if position == 0 { rest = next } else { failed = true }
                case .endAnchor:
                    if position == input.count || (position == input.count - 1 && input[position] == "\n") { rest = next } else { failed = true }
                case .endOfString:
                    if position == input.count { rest = next } else { failed = true }
                }
            case let .repetition(repetition, count, next):
                let iteration = Continuation.node(
                    repetition.inner, then: .afterIteration(repetition, count: count, start: position, then: next))
                if count < repetition.min {
                    rest = iteration
                } else if !(repetition.max.map { count < $0 } ?? true) {
                    rest = next
                } else if repetition.greedy {
                    choices.append((position, next))
                    rest = iteration
                } else {
                    choices.append((position, iteration))
                    rest = next
                }
            case let .afterIteration(repetition, count, start, next):
                // An iteration that consumed nothing cannot make progress once the minimum is met.
                if position == start && count >= repetition.min {
                    failed = true
                } else {
                    rest = .repetition(repetition, count: count + 1, then: next)
                }
            }
            if failed {
                guard let choice = choices.popLast() else { return false }
                position = choice.position
                rest = choice.rest
            }
        }
    }
}
