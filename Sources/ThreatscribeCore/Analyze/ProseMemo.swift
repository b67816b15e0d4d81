import Foundation

/// What the findings of one run share across environments: each environment's reach, facts about each
/// entry's texts, and which environments give an entry's placeholders the same global facts (values and
/// shell stand-ins), so that the prose of a subject a shared computation gives several environments
/// (`SubjectReuse`) is filled once for them (`FindingAssembly`).
/// Filled prose is a function of the subject and those facts, so sharing it changes nothing.
///
/// Findings are assembled on several threads: every table is read and written under one lock, and a
/// value is computed outside it (two threads may compute the same value; both are equal, the first kept).
final class ProseMemo: @unchecked Sendable {
    private struct EntryEnvironment: Hashable {
        var entry: Int
        var environment: Int
    }

    /// A global fact as a placeholder reads it.
    private struct GlobalRead: Equatable {
        var value: FactValue
        var standIn: String?
    }

    private let lock = NSLock()
    private var classes: [EntryEnvironment: Int] = [:]
    /// Per entry: each environment's global reads seen so far, first environment first.
    private var reads: [Int: [(environment: Int, reads: [GlobalRead])]] = [:]
    private var identityReaders: [Int: Bool] = [:]
    private var environmentConditions: [Int: Bool] = [:]
    private var reaches: [Int: EnvironmentReach?] = [:]

    /// The first environment whose globals give the hit's entry the same reads as the hit's environment
    /// (of those seen so far: which one of equal environments it is changes no prose). Hits with a shared
    /// subject are evaluated with their environment's own globals, so this is per (entry, environment).
    func proseClass(of hit: FindingHit) -> Int {
        let place = EntryEnvironment(entry: hit.entryIndex, environment: hit.environmentIndex)
        if let known = locked({ classes[place] }) { return known }
        let entry = hit.sharedEntry.entry
        let texts = [entry.title, entry.description, entry.impactText, entry.mitigation]
        let globals = hit.scene.globals
        let current = texts.flatMap { ProseLayoutMemo.shared.placeholders(of: $0) }.compactMap { placeholder -> GlobalRead? in
            guard let scope = placeholder.scope, scope != hit.subject.scope else { return nil }
            return GlobalRead(value: globals[scope]?[placeholder.field] ?? .unknown, standIn: globals[scope]?.shellStandIns[placeholder.field])
        }
        return locked {
            if let known = classes[place] { return known }
            let seen = reads[hit.entryIndex] ?? []
            let proseClass = seen.first { $0.reads == current }?.environment ?? hit.environmentIndex
            if proseClass == hit.environmentIndex { reads[hit.entryIndex, default: []].append((hit.environmentIndex, current)) }
            classes[place] = proseClass
            return proseClass
        }
    }

    /// `compute()` once per entry: whether its prose reads the environment's identity (`FindingAssembly`).
    func readsEnvironmentIdentity(entry: Int, compute: () -> Bool) -> Bool {
        remembered(entry, in: \.identityReaders, compute: compute)
    }

    /// `compute()` once per entry: whether its condition names an `env.` fact (`FindingAssembly`).
    func conditionNamesEnvironment(entry: Int, compute: () -> Bool) -> Bool {
        remembered(entry, in: \.environmentConditions, compute: compute)
    }

    /// `compute()` once per environment: its reach (a function of the environment and its index).
    func reach(in environment: Int, compute: () -> EnvironmentReach?) -> EnvironmentReach? {
        remembered(environment, in: \.reaches, compute: compute)
    }

    /// The value of `table` at `key`, computed (outside the lock) and stored when absent.
    private func remembered<K: Hashable, V>(_ key: K, in table: ReferenceWritableKeyPath<ProseMemo, [K: V]>, compute: () -> V) -> V {
        if let known = locked({ self[keyPath: table][key] }) { return known }
        let value = compute()
        return locked {
            if let known = self[keyPath: table][key] { return known }
            self[keyPath: table][key] = value
            return value
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
