/// The analyze stage: analyzers derive facts for every environment, the catalog turns facts into findings.
public struct ThreatAnalysis: Sendable {
    public var analyzers: [any Analyzer]
    public var catalog: ThreatCatalog

    public init(analyzers: [any Analyzer] = Analyzers.all, catalog: ThreatCatalog) {
        self.analyzers = analyzers
        self.catalog = catalog
    }

    /// Options that do not come from the model. `generatedAt` and `toolVersion` are injected so output is reproducible.
    public struct Options: Sendable {
        /// Report only these environments (all when empty). Findings are computed over every environment
        /// either way, so ids do not depend on this filter.
        public var environments: [String]
        public var generatedAt: String
        public var toolVersion: String

        public init(environments: [String] = [], generatedAt: String, toolVersion: String) {
            self.environments = environments
            self.generatedAt = generatedAt
            self.toolVersion = toolVersion
        }
    }

    /// Every subject of every scope in one environment.
    public func subjects(in environment: ResolvedEnvironment, of model: LoadedModel) -> [FactSubject] {
        let context = AnalysisContext(environment: environment, allEnvironments: model.environments)
        return analyzers.flatMap { $0.subjects(in: context) }
    }

    public func run(on model: LoadedModel, options: Options) throws(DiagnosticList) -> AnalysisReport {
        let known = model.environments.map(\.name)
        let unknown = options.environments.filter { !known.contains($0) }
        if !unknown.isEmpty {
            throw DiagnosticList(unknown.map { name in
                let hint = Suggestion.closest(to: name, in: known).map { "; did you mean `\($0)`?" } ?? ""
                return Diagnostic(.error, "no environment named `\(DiagnosticText.excerpt(name))` in \(model.file) (it has \(known.joined(separator: ", ")))\(hint)", at: nil)
            })
        }
        // Subjects shared by environments are computed once; findings are rendered once the merge is decided.
        var reuse = SubjectReuse(analyzerCount: analyzers.count)
        let routeTables = RouteTableMemo()
        var hits: [FindingHit] = []
        for (index, environment) in model.environments.enumerated() {
            hits += self.hits(in: environment, index: index, of: model, reuse: &reuse, routeTables: routeTables)
        }
        let selected = options.environments.isEmpty ? known : known.filter { options.environments.contains($0) }
        var hasHits = Array(repeating: false, count: catalog.entries.count)
        for hit in hits { hasHits[hit.entryIndex] = true }
        let assembly = FindingAssembly(environmentNames: known, compiledProse: catalog.entries.indices.map { hasHits[$0] ? EntryProse(catalog.entries[$0]) : nil })
        var kept = assembly.findings(from: hits)
        if selected.count < known.count {
            // Filtered in place: a finding is large, and copying one retains each of its fields.
            for index in kept.indices { kept[index].environments.removeAll { !selected.contains($0) } }
            kept.removeAll { $0.environments.isEmpty }
        }
        // The hits and subjects (every subject of every environment) are freed on the other core while the
        // findings are ordered.
        let leftovers = Leftovers(hits: hits, reuse: reuse)
        hits = []
        reuse = SubjectReuse(analyzerCount: 0)
        let (_, findings) = concurrently({ leftovers.release() }) { [kept] in
            // Ids are unique, so this order is total; positions are sorted rather than the large findings.
            let assembled = kept.indices.sorted { (kept[$0].severity, kept[$1].id) > (kept[$1].severity, kept[$0].id) }.map { kept[$0] }
            return UnresolvedEvidence.marked(assembled, in: model.environments)
        }
        let reviews = ControlReviewer().reviews(of: model, findings: findings)
        return AnalysisReport(
            model: model, environments: selected, findings: findings, controlReviews: reviews,
            notAssessed: NotAssessedParts.list(for: model.base) + NotAssessedParts.unresolved(in: model.environments),
            generatedAt: options.generatedAt, toolVersion: options.toolVersion, catalogEntryCount: catalog.entries.count)
    }

    private func hits(in environment: ResolvedEnvironment, index: Int, of model: LoadedModel, reuse: inout SubjectReuse,
                      routeTables: RouteTableMemo) -> [FindingHit] {
        var context = AnalysisContext(environment: environment, allEnvironments: model.environments)
        context.routeTables = routeTables
        let batches = reuse.batches(of: analyzers, in: context)
        var hits = self.hits(for: batches, in: environment, index: index, reuse: &reuse)
        // A sub-application's pipeline includes the main app's middleware: a pipeline-wide finding the
        // main app already has (no HSTS, no rate limiting) is the same problem, reported once.
        let mainPipelineThreats = Set(hits.filter { MountedAppProjection.pipelineScopes.contains($0.subject.scope) }.map(\.entry.id))
        for projection in MountedAppProjection.all(in: environment) {
            var context = AnalysisContext(environment: projection.environment, allEnvironments: model.environments)
            context.routeTables = routeTables
            let subjects = analyzers.flatMap { $0.subjects(in: context) }.map(projection.mapped)
            hits += self.hits(for: [SubjectReuse.Batch(subjects: subjects, computation: nil)], in: environment, index: index, reuse: &reuse).filter { hit in
                projection.isAbout(hit.subject)
                    && !(MountedAppProjection.pipelineScopes.contains(hit.subject.scope) && mainPipelineThreats.contains(hit.entry.id))
            }
        }
        return hits
    }

    /// Every (entry, subject) whose condition holds, in catalog order and, for one entry, in subject order.
    private func hits(for batches: [SubjectReuse.Batch], in environment: ResolvedEnvironment, index: Int, reuse: inout SubjectReuse) -> [FindingHit] {
        let vocabulary = FactVocabulary(analyzers: analyzers)
        var globals: [String: FactSubject] = [:]
        // Where each scope's subjects are: (batch, indices in the batch), in subject order.
        var byScope: [String: [(batch: Int, positions: [Int])]] = [:]
        for (batchIndex, batch) in batches.enumerated() {
            var positions: [String: [Int]] = [:]
            var order: [String] = []
            // An analyzer's subjects come in runs of one scope: each run is looked up once, not each subject.
            var run: (scope: String, isGlobal: Bool, positions: [Int])?
            func endRun() {
                guard let run else { return }
                if positions[run.scope] == nil { order.append(run.scope) }
                positions[run.scope, default: []].append(contentsOf: run.positions)
            }
            for position in batch.subjects.indices {
                let scope = batch.subjects[position].scope
                if run?.scope != scope {
                    endRun()
                    run = (scope, vocabulary.scopes[scope]?.isGlobal == true, [])
                }
                if run!.isGlobal { globals[scope] = batch.subjects[position] }
                run!.positions.append(position)
            }
            endRun()
            for scope in order { byScope[scope, default: []].append((batchIndex, positions[scope]!)) }
        }
        let scene = HitScene(environment: environment, index: index, globals: globals)
        // Entries are matched concurrently, each against the memo of earlier environments (a (computation,
        // entry) pair occurs once per call), and what they found is remembered after, in catalog order.
        let snapshot = reuse
        let sharedEntries = catalog.entries.map(SharedEntry.init)
        let matched = Array(catalog.entries.indices).concurrentMap(batch: 4) { [byScope, globals] entryIndex -> EntryMatches in
            let entry = catalog.entries[entryIndex]
            guard let places = byScope[entry.scope] else { return EntryMatches(hits: [], found: []) }
            let reads = ConditionEvaluator.globalReads(of: entry.when, scope: entry.scope).map { globals[$0.scope]?[$0.field] ?? .unknown }
            var matches = EntryMatches(hits: [], found: [])
            for place in places {
                let batch = batches[place.batch]
                let positions: [Int]
                if let known = snapshot.knownMatches(of: entryIndex, in: batch, reads: reads) {
                    positions = known
                } else {
                    positions = place.positions.filter { ConditionEvaluator.holds(entry.when, subject: batch.subjects[$0], globals: globals) }
                    matches.found.append((place.batch, reads, positions))
                }
                for position in positions {
                    matches.hits.append(FindingHit(entry: sharedEntries[entryIndex], entryIndex: entryIndex, scene: scene, subject: batch.subjects[position],
                                                   shared: batch.computation.map { (computation: $0, subject: position) }))
                }
            }
            return matches
        }
        for (entryIndex, entryMatches) in matched.enumerated() {
            for found in entryMatches.found { reuse.remember(found.positions, of: entryIndex, in: batches[found.batch], reads: found.reads) }
        }
        return matched.flatMap(\.hits)
    }

    /// What matching one entry in one environment found: its hits, in subject order, and the matches
    /// computed rather than remembered.
    private struct EntryMatches: Sendable {
        var hits: [FindingHit]
        var found: [(batch: Int, reads: [FactValue], positions: [Int])]
    }
}

/// What assembling the findings needed and nothing needs after: the hits and the subjects they come
/// from, freed by `release()` (once, on one thread).
private final class Leftovers: @unchecked Sendable {
    private var hits: [FindingHit]?
    private var reuse: SubjectReuse?

    init(hits: [FindingHit], reuse: SubjectReuse) {
        self.hits = hits
        self.reuse = reuse
    }

    func release() {
        hits = nil
        reuse = nil
    }
}

/// One environment as its hits see it: the environment, its index, and the global subjects conditions and prose read.
final class HitScene: Sendable {
    let environment: ResolvedEnvironment
    let index: Int
    let globals: [String: FactSubject]

    init(environment: ResolvedEnvironment, index: Int, globals: [String: FactSubject]) {
        self.environment = environment
        self.index = index
        self.globals = globals
    }
}

/// A catalog entry that hits refer to rather than copy: read through a class's constant, the entry's
/// fields are borrowed, not copied, where a copy per hit, or one per read from an array, costs a retain
/// per field (contended when findings are assembled on two cores).
final class SharedEntry: Sendable {
    let entry: CatalogEntry

    init(_ entry: CatalogEntry) { self.entry = entry }
}

/// One entry firing for one subject in one environment, before environments are merged.
final class FindingHit: Sendable {
    /// The entry, shared by its hits (an entry is large; a hit holds no copy of its own). Where several
    /// fields are read, bind this and read `shared.entry.field`: binding `entry` copies every field.
    let sharedEntry: SharedEntry
    /// The entry's index in the catalog.
    let entryIndex: Int
    let scene: HitScene
    let subject: FactSubject
    /// The shared computation the subject comes from and its index there (`SubjectReuse`): hits with the
    /// same entry and the same pair are about the same subject.
    let shared: (computation: Int, subject: Int)?

    init(entry: SharedEntry, entryIndex: Int, scene: HitScene, subject: FactSubject, shared: (computation: Int, subject: Int)?) {
        self.sharedEntry = entry
        self.entryIndex = entryIndex
        self.scene = scene
        self.subject = subject
        self.shared = shared
    }

    var entry: CatalogEntry { sharedEntry.entry }
    var environment: ResolvedEnvironment { scene.environment }
    var environmentIndex: Int { scene.index }
    var evaluator: ConditionEvaluator { ConditionEvaluator(subject: subject, globals: scene.globals) }
}
