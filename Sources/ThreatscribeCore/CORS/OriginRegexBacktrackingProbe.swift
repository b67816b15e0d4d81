import Foundation

/// An Origin header that makes Python's backtracking `re` run away on an `allow_origin_regex`
/// (ReDoS, CWE-1333), found by pumping one character inside the pattern and counting the steps of
/// the same backtracking search ``OriginRegex`` runs (Python's order of alternatives and repetitions).
public struct OriginRegexBacktracking: Hashable, Sendable {
    /// Steps the matcher takes for an Origin of a given length.
    public struct Measurement: Hashable, Sendable {
        /// Characters (Unicode scalars) of the Origin.
        public let length: Int
        /// Backtracking steps to decide the probe.
        public let steps: Int
    }

    /// A probe sixteen characters longer than the shortest one found that takes more than
    /// ``OriginRegexRun/stepBudget`` steps.
    public let attackOrigin: String
    /// Steps for shorter probes of the same shape, showing how the work grows.
    public let growth: [Measurement]
    /// The step budget the attack origin exceeds.
    public var stepBudget: Int { OriginRegexRun.stepBudget }
}

/// Finds an ``OriginRegexBacktracking`` for patterns with a repetition inside an unbounded
/// repetition (the shape behind exponential backtracking); other patterns are not probed.
///
/// A probe is a prefix the pattern reads, one character repeated, and a character that makes the
/// match fail. It is reported only when deciding it exceeds the step budget, so a pattern that merely
/// looks nested (`([a-z0-9-]+\.)*example\.com`, whose dots separate the iterations) stays silent.
public enum OriginRegexBacktrackingProbe {
    /// Characters a probe repeats.
    static let pumpedLength = 32
    /// Most legitimate readings whose prefixes are tried.
    private static let sampleLimit = 4
    private static let memo = OriginRegexBacktrackingMemo()

    /// The runaway probe for `regex` as Starlette `version` applies it, or `nil`.
    public static func find(in regex: OriginRegex, version: StarletteVersion) -> OriginRegexBacktracking? {
        let key = "\(version.matchesOriginRegexFully ? "F" : "M")\u{0}\(regex.pattern)"
        if let known = memo.answer(for: key) { return known.value }
        let found = search(regex, version: version)
        memo.store(found, for: key)
        return found
    }

    private static func search(_ regex: OriginRegex, version: StarletteVersion) -> OriginRegexBacktracking? {
        guard hasNestedRepetition(regex.root, insideUnbounded: false) else { return nil }
        let pumps = pumpCharacters(regex.root)
        let prefixes = Set(SloppyOriginRegexProbe.legitimateSamples(regex.root).prefix(sampleLimit).flatMap { sample in
            let scalars = Array(sample.unicodeScalars)
            return (0...scalars.count).map { String(String.UnicodeScalarView(scalars[..<$0])) }
        }).sorted { ($0.count, $0) < ($1.count, $1) }
        for prefix in prefixes {
            for pump in pumps {
                for terminator in ["!", ""] {
                    let probe = { (count: Int) in prefix + String(repeating: String(Character(pump)), count: count) + terminator }
                    guard regex.backtrackingSteps(probe(pumpedLength), in: version) == nil else { continue }
                    var growth: [OriginRegexBacktracking.Measurement] = []
                    var count = 4
                    while count <= pumpedLength, let steps = regex.backtrackingSteps(probe(count), in: version) {
                        growth.append(.init(length: probe(count).unicodeScalars.count, steps: steps))
                        count += 2
                    }
                    // Report a longer Origin than the one that exhausted the budget: at the budget, Python's
                    // faster steps still decide within seconds; sixteen more characters take it
                    // thousands of times longer on an exponential pattern.
                    return OriginRegexBacktracking(attackOrigin: probe(count + 16), growth: growth)
                }
            }
        }
        return nil
    }

    /// A repetition (or alternation) of its own inside a repetition without an upper bound.
    static func hasNestedRepetition(_ node: OriginRegexNode, insideUnbounded: Bool) -> Bool {
        switch node {
        case .empty, .literal, .anyCharacter, .set, .startAnchor, .endAnchor, .endOfString:
            return false
        case let .group(inner):
            return hasNestedRepetition(inner, insideUnbounded: insideUnbounded)
        case let .sequence(items):
            return items.contains { hasNestedRepetition($0, insideUnbounded: insideUnbounded) }
        case let .alternation(branches):
            return insideUnbounded || branches.contains { hasNestedRepetition($0, insideUnbounded: insideUnbounded) }
        case let .repetition(inner, _, max, _):
            if insideUnbounded && (max ?? 2) > 1 { return true }
            return hasNestedRepetition(inner, insideUnbounded: insideUnbounded || max == nil)
        }
    }

    /// One character of each literal and class the pattern reads, in a stable order.
    static func pumpCharacters(_ node: OriginRegexNode) -> [Unicode.Scalar] {
        var found: [Unicode.Scalar] = []
        func visit(_ node: OriginRegexNode) {
            switch node {
            case let .literal(c): found.append(c)
            case .anyCharacter: found.append("a")
            case let .set(set): SloppyOriginRegexProbe.representativeScalar(of: set).map { found.append($0) }
            case let .group(inner), let .repetition(inner, _, _, _): visit(inner)
            case let .sequence(items), let .alternation(items): items.forEach(visit)
            case .empty, .startAnchor, .endAnchor, .endOfString: break
            }
        }
        visit(node)
        var seen = Set<Unicode.Scalar>()
        return found.filter { seen.insert($0).inserted }
    }
}

/// Answers of ``OriginRegexBacktrackingProbe`` per pattern, kept for the process (a model analyses
/// the same CORS configuration once per environment).
final class OriginRegexBacktrackingMemo: @unchecked Sendable {
    struct Answer { let value: OriginRegexBacktracking? }
    /// Most patterns kept.
    let limit = 256
    private var answers: [String: Answer] = [:]
    private let lock = NSLock()

    func answer(for key: String) -> Answer? {
        lock.lock()
        defer { lock.unlock() }
        return answers[key]
    }

    func store(_ value: OriginRegexBacktracking?, for key: String) {
        lock.lock()
        defer { lock.unlock() }
        if answers.count < limit { answers[key] = Answer(value: value) }
    }
}
