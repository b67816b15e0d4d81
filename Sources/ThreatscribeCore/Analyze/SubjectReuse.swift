/// Work shared across the environments of one run: an analyzer's subjects computed once for every
/// environment whose input to it is equal (`Analyzer.input(of:)`), and which of those subjects an entry's
/// condition holds for, once for every environment whose global facts the condition reads are equal.
/// Both are pure functions of what is compared, so sharing them changes no result.
struct SubjectReuse: Sendable {
    /// One analyzer's subjects in one environment, and the computation they come from: environments with
    /// the same `computation` have the same subjects, in the same order.
    struct Batch: Sendable {
        var subjects: [FactSubject]
        /// `nil` when computed for this environment alone.
        var computation: Int?
    }

    /// Per analyzer: the inputs computed so far, their computation ids and subjects.
    private var computed: [[(input: ArchitectureModel, id: Int, subjects: [FactSubject])]]
    private var computations = 0
    /// Per (computation, entry): the global facts the entry's condition read, and the indices of the subjects it held for.
    private var matches: [MatchKey: [(reads: [FactValue], indices: [Int])]] = [:]

    private struct MatchKey: Hashable {
        var computation: Int
        var entry: Int
    }

    init(analyzerCount: Int) {
        computed = Array(repeating: [], count: analyzerCount)
    }

    /// The subjects of every analyzer in `context`, in analyzer order. Those not computed before are
    /// computed concurrently; computations are numbered in analyzer order, as one after the other would.
    mutating func batches(of analyzers: [any Analyzer], in context: AnalysisContext) -> [Batch] {
        let inputs = analyzers.map { $0.input(of: context.model) }
        let known = analyzers.indices.map { index in inputs[index].flatMap { input in computed[index].first { $0.input == input } } }
        let missing = analyzers.indices.filter { known[$0] == nil }
        let computedNow = missing.concurrentMap { index -> [FactSubject] in
            guard let input = inputs[index] else { return analyzers[index].subjects(in: context) }
            // Only the input is in reach, so the subjects are a function of it.
            let environment = ResolvedEnvironment(name: "", kind: nil, baseURL: nil, model: input,
                                                  locations: ModelLocations(inModel: [:], inCode: [:]))
            var alone = AnalysisContext(environment: environment, allEnvironments: [])
            alone.routeTables = context.routeTables
            return analyzers[index].subjects(in: alone)
        }
        var batches = known.map { $0.map { Batch(subjects: $0.subjects, computation: $0.id) } }
        for (index, subjects) in zip(missing, computedNow) {
            guard let input = inputs[index] else {
                batches[index] = Batch(subjects: subjects, computation: nil)
                continue
            }
            computations += 1
            computed[index].append((input, computations, subjects))
            batches[index] = Batch(subjects: subjects, computation: computations)
        }
        return batches.map { $0! }
    }

    /// The indices of `positions` (subjects of `batch`) for which `entry`'s condition holds, `reads` being the
    /// values of the global facts the condition reads in this environment, when known from an earlier
    /// environment (`remember`).
    func knownMatches(of entry: Int, in batch: Batch, reads: [FactValue]) -> [Int]? {
        guard let computation = batch.computation else { return nil }
        return matches[MatchKey(computation: computation, entry: entry)]?.first { $0.reads == reads }?.indices
    }

    /// Records `indices`, the subjects of `batch` for which `entry`'s condition holds with `reads`.
    mutating func remember(_ indices: [Int], of entry: Int, in batch: Batch, reads: [FactValue]) {
        guard let computation = batch.computation else { return }
        let key = MatchKey(computation: computation, entry: entry)
        guard matches[key]?.contains(where: { $0.reads == reads }) != true else { return }
        matches[key, default: []].append((reads, indices))
    }
}
