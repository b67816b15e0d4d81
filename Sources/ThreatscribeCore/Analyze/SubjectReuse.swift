/// Work shared across the environments of one run: an analyzer's subjects computed once for every
/// environment whose input to it is equal (`Analyzer.input(of:)`), and which of those subjects an entry's
/// condition holds for, once for every environment whose global facts the condition reads are equal.
/// Both are pure functions of what is compared, so sharing them changes no result.
struct SubjectReuse {
    /// One analyzer's subjects in one environment, and the computation they come from: environments with
    /// the same `computation` have the same subjects, in the same order.
    struct Batch {
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

    /// The subjects of `analyzer` (at `index` in the analysis) in `context`.
    mutating func batch(of analyzer: any Analyzer, at index: Int, in context: AnalysisContext) -> Batch {
        guard let input = analyzer.input(of: context.model) else { return Batch(subjects: analyzer.subjects(in: context), computation: nil) }
        if let known = computed[index].first(where: { $0.input == input }) { return Batch(subjects: known.subjects, computation: known.id) }
        // Only the input is in reach, so the subjects are a function of it.
        let environment = ResolvedEnvironment(name: "", kind: nil, baseURL: nil, model: input,
                                              locations: ModelLocations(inModel: [:], inCode: [:]))
        var alone = AnalysisContext(environment: environment, allEnvironments: [])
        alone.routeTables = context.routeTables
        let subjects = analyzer.subjects(in: alone)
        computations += 1
        computed[index].append((input, computations, subjects))
        return Batch(subjects: subjects, computation: computations)
    }

    /// The indices of `positions` (subjects of `batch`) for which `entry`'s condition holds, `reads` being the
    /// values of the global facts the condition reads in this environment.
    mutating func matches(of entry: Int, condition: Condition, in batch: Batch, positions: [Int],
                          reads: [FactValue], globals: [String: FactSubject]) -> [Int] {
        let evaluate = { positions.filter { ConditionEvaluator.holds(condition, subject: batch.subjects[$0], globals: globals) } }
        guard let computation = batch.computation else { return evaluate() }
        let key = MatchKey(computation: computation, entry: entry)
        if let known = matches[key]?.first(where: { $0.reads == reads }) { return known.indices }
        let indices = evaluate()
        matches[key, default: []].append((reads, indices))
        return indices
    }
}
