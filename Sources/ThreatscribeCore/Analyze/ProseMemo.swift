/// What the findings of one run share across environments: each environment's reach, facts about each
/// entry's texts, and the prose of a subject that a shared computation gives several environments
/// (`SubjectReuse`), filled once for the environments where the global facts its placeholders read
/// (values and shell stand-ins) are equal.
/// Filled prose is a function of the subject and those facts, so sharing it changes nothing.
final class ProseMemo {
    private struct Key: Hashable {
        var computation: Int
        var subject: Int
        var entry: Int
        /// The first environment whose global reads equal this one's (`proseClass`).
        var proseClass: Int
    }

    private struct EntryEnvironment: Hashable {
        var entry: Int
        var environment: Int
    }

    /// A global fact as a placeholder reads it.
    private struct GlobalRead: Equatable {
        var value: FactValue
        var standIn: String?
    }

    private var filled: [Key: FindingAssembly.Prose] = [:]
    private var classes: [EntryEnvironment: Int] = [:]
    /// Per entry: each environment's global reads seen so far, first environment first.
    private var reads: [Int: [(environment: Int, reads: [GlobalRead])]] = [:]
    private var identityReaders: [Int: Bool] = [:]
    private var environmentConditions: [Int: Bool] = [:]
    private var reaches: [Int: EnvironmentReach?] = [:]

    /// The hit's prose (`compute()`), filled once per shared subject and equal global reads.
    func prose(of hit: FindingHit, compute: () -> FindingAssembly.Prose) -> FindingAssembly.Prose {
        guard let shared = hit.shared else { return compute() }
        let key = Key(computation: shared.computation, subject: shared.subject, entry: hit.entryIndex, proseClass: proseClass(of: hit))
        if let known = filled[key] { return known }
        let prose = compute()
        filled[key] = prose
        return prose
    }

    /// The first environment whose globals give the hit's entry the same reads as the hit's environment.
    /// Hits with a shared subject are evaluated with their environment's own globals, so this is per
    /// (entry, environment).
    private func proseClass(of hit: FindingHit) -> Int {
        let place = EntryEnvironment(entry: hit.entryIndex, environment: hit.environmentIndex)
        if let known = classes[place] { return known }
        let entry = hit.entry
        let texts = [entry.title, entry.description, entry.impactText, entry.mitigation]
        let globals = hit.scene.globals
        let current = texts.flatMap { ProseLayoutMemo.shared.placeholders(of: $0) }.compactMap { placeholder -> GlobalRead? in
            guard let scope = placeholder.scope, scope != hit.subject.scope else { return nil }
            return GlobalRead(value: globals[scope]?[placeholder.field] ?? .unknown, standIn: globals[scope]?.shellStandIns[placeholder.field])
        }
        let seen = reads[hit.entryIndex] ?? []
        let proseClass = seen.first { $0.reads == current }?.environment ?? hit.environmentIndex
        if proseClass == hit.environmentIndex { reads[hit.entryIndex, default: []].append((hit.environmentIndex, current)) }
        classes[place] = proseClass
        return proseClass
    }

    /// `compute()` once per entry: whether its prose reads the environment's identity (`FindingAssembly`).
    func readsEnvironmentIdentity(entry: Int, compute: () -> Bool) -> Bool {
        if let known = identityReaders[entry] { return known }
        let reads = compute()
        identityReaders[entry] = reads
        return reads
    }

    /// `compute()` once per entry: whether its condition names an `env.` fact (`FindingAssembly`).
    func conditionNamesEnvironment(entry: Int, compute: () -> Bool) -> Bool {
        if let known = environmentConditions[entry] { return known }
        let names = compute()
        environmentConditions[entry] = names
        return names
    }

    /// `compute()` once per environment: its reach (a function of the environment and its index).
    func reach(in environment: Int, compute: () -> EnvironmentReach?) -> EnvironmentReach? {
        if let known = reaches[environment] { return known }
        let reach = compute()
        reaches[environment] = reach
        return reach
    }
}
