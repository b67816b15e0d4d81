/// "Did you mean …?" for misspelt keys, facts, enum values and ids, by edit distance.
public enum Suggestion {
    /// The candidate closest to `word` when it is close enough to be a typo, or the only candidate
    /// that `word` (three characters or more) abbreviates; ties go to the first in sorted order.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        // No typo is this long; comparing a huge value with every candidate would only cost time.
        guard word.utf8.count <= 200 else { return nil }
        let extensions = candidates.filter { word.count >= 3 && $0.count > word.count && $0.lowercased().hasPrefix(word.lowercased()) }
        if extensions.count == 1 { return extensions[0] }
        let limit = max(2, word.count / 3)
        let scored = candidates.sorted().map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= limit, best.1 > 0 || best.0 != word else { return nil }
        return best.0
    }

    /// Levenshtein distance over characters.
    public static func distance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs), b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
