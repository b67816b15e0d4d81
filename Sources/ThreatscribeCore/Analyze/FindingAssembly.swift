/// Turns catalog hits into findings: fills the prose with the subject's facts, gathers evidence,
/// rates severity, and merges environments where the finding is the same.
///
/// Merging is decided before rendering: a hit's prose is filled once per subject shared by environments
/// and equal global facts (`ProseMemo.proseClass(of:)`), and of a group that merges only the finding kept is rendered.
struct FindingAssembly: Sendable {
    /// Every environment of the model, in order.
    var environmentNames: [String]
    /// The prose of each catalog entry that has hits, compiled once (by entry index).
    var compiledProse: [EntryProse?]
    /// Which environments' globals fill an entry's prose alike, and each environment's reach.
    let memo = ProseMemo()

    /// What a finding says: the filled title, description, impact and recommendation, and the statement
    /// compared across environments.
    struct Prose {
        var title: String
        var description: String
        var impactText: String
        var recommendation: String
        /// What the finding says without the environment's name, URL and host; `nil` when that is the
        /// finding's own prose (no placeholder reads them).
        var environmentFreeStatement: String?

        /// Whether both say the same, field by field (then their statements are equal; when not, the
        /// statements may still be).
        func isSame(as other: Prose) -> Bool {
            guard environmentFreeStatement == nil, other.environmentFreeStatement == nil else {
                return environmentFreeStatement != nil && environmentFreeStatement == other.environmentFreeStatement
            }
            return title == other.title && description == other.description
                && impactText == other.impactText && recommendation == other.recommendation
        }

        /// The statement compared across environments.
        var statement: String {
            environmentFreeStatement ?? [title, description, impactText, recommendation].joined(separator: "\u{1}")
        }
    }

    /// A hit with what deciding the merge needs of it.
    private struct Draft {
        var hit: FindingHit
        /// `rank(_:)` of the hit: the most production-like environment's finding is kept.
        var rank: Int
        var prose: Prose
        /// `ProseMemo.proseClass(of:)` of a hit about a shared subject.
        var proseClass: Int?
        var reach: EnvironmentReach?
        var factors: RiskFactors
        var severity: Severity
    }

    /// One finding per (entry, subject) when it holds in every environment on the same evidence and says the
    /// same thing there (apart from the environment's name and URL), with the prose of the most
    /// production-like environment; otherwise one finding per environment (`#name`).
    ///
    /// Groups are assembled concurrently and their findings placed in key order, as one after the other would.
    func findings(from hits: [FindingHit]) -> [Finding] {
        // A group's key is made once per entry and shared subject, not once per hit: hits of one entry whose
        // subject is the same one of the same shared computation (`SubjectReuse`) are about the same element.
        var groups: [HitGroup] = []
        var byKey: [String: Int] = [:]
        var byShared: [SharedSubject: Int] = [:]
        for hit in hits {
            let shared = hit.shared.map { SharedSubject(entry: hit.entryIndex, computation: $0.computation, subject: $0.subject) }
            if let shared, let position = byShared[shared] {
                groups[position].hits.append(hit)
                continue
            }
            let key = "\(hit.sharedEntry.entry.id)@\(hit.subject.path)"
            let position: Int
            if let known = byKey[key] {
                position = known
            } else {
                position = groups.count
                byKey[key] = position
                groups.append(HitGroup(key: key, hits: []))
            }
            groups[position].hits.append(hit)
            if let shared { byShared[shared] = position }
        }
        byKey = [:]
        byShared = [:]
        let ordered = groups.indices.sorted { groups[$0].key < groups[$1].key }.map { index in
            HitGroup(key: groups[index].key, hits: groups[index].hits.sorted { $0.environmentIndex < $1.environmentIndex })
        }
        groups = []
        // Batches of up to 64 groups, and at least eight batches when there are eight groups: a small
        // report's groups are shared by the cores too.
        return ordered.concurrentMap(batch: min(64, max(1, ordered.count / 8))) { findings(of: $0) }.flatMap { $0 }
    }

    /// An entry and one subject of a shared computation.
    private struct SharedSubject: Hashable {
        var entry: Int
        var computation: Int
        var subject: Int
    }

    /// The hits of one (entry, subject), in environment order, and their key `ENTRY-ID@path`.
    private struct HitGroup: Sendable {
        var key: String
        var hits: [FindingHit]
    }

    /// The findings of one group: one merged finding or one per environment.
    private func findings(of group: HitGroup) -> [Finding] {
        let key = group.key
        var findings: [Finding] = []
        var drafts: [Draft] = []
        drafts.reserveCapacity(group.hits.count)
        for hit in group.hits { drafts.append(draft(of: hit, after: drafts)) }
        var rendered: [Finding?] = Array(repeating: nil, count: drafts.count)
        func finding(_ index: Int) -> Finding {
            if let known = rendered[index] { return known }
            let finding = render(drafts[index])
            rendered[index] = finding
            return finding
        }
        let first = drafts[0]
        let holdsEverywhere = drafts.count == environmentNames.count
        let sameEvidence = {
            // One subject shared by every environment: the evidence of its facts is the same, only the reach's may differ.
            if let shared = first.hit.shared, drafts.allSatisfy({ $0.hit.shared?.computation == shared.computation && $0.hit.shared?.subject == shared.subject }) {
                let reach = reachEvidenceValues(first)
                return drafts.dropFirst().allSatisfy { reachEvidenceValues($0) == reach }
            }
            var evidence: [String]?
            return drafts.indices.dropFirst().allSatisfy { index in
                if Self.sameEvidenceItems(finding(0), finding(index)) { return true }
                if evidence == nil { evidence = Self.evidenceValues(finding(0)) }
                return Self.evidenceValues(finding(index)) == evidence
            }
        }
        let sameStatement = {
            var statement: String?
            return drafts.dropFirst().allSatisfy { draft in
                if first.prose.isSame(as: draft.prose) { return true }
                if statement == nil { statement = first.prose.statement }
                return draft.prose.statement == statement
            }
        }
        let sameSeverity = drafts.allSatisfy { $0.severity == first.severity }
        if holdsEverywhere && sameSeverity && sameEvidence() && sameStatement() {
            let representative = drafts.indices.max { drafts[$0].rank < drafts[$1].rank }!
            var merged = rendered[representative] ?? render(drafts[representative])
            merged.id = key
            merged.environments = drafts.map { $0.hit.environment.name }
            findings.append(merged)
        } else {
            for index in drafts.indices {
                var single = rendered[index] ?? render(drafts[index])
                let name = drafts[index].hit.environment.name
                single.id = "\(key)#\(name)"
                single.environments = [name]
                findings.append(single)
            }
        }
        return findings
    }

    /// The hit's draft; its prose is that of an earlier draft of the group (`earlier`) about the same
    /// shared subject whose environment's globals give the entry's placeholders the same values, else filled.
    /// (Hits about one shared subject are in one group, so this fills the prose once per shared subject and
    /// equal global reads.)
    private func draft(of hit: FindingHit, after earlier: [Draft]) -> Draft {
        let shared = hit.sharedEntry
        let reach = shared.entry.reach == .network ? memo.reach(in: hit.environmentIndex) { EnvironmentReach.of(hit.environment, path: environmentPath(of: hit)) } : nil
        let factors = reach?.capping(shared.entry.likelihood) ?? shared.entry.likelihood
        let proseClass = hit.shared == nil ? nil : memo.proseClass(of: hit)
        let known = proseClass == nil ? nil : earlier.first { draft in
            draft.proseClass == proseClass && draft.hit.shared?.computation == hit.shared?.computation && draft.hit.shared?.subject == hit.shared?.subject
        }
        return Draft(hit: hit, rank: Self.rank(hit), prose: known?.prose ?? prose(of: hit), proseClass: proseClass, reach: reach, factors: factors,
                     severity: shared.entry.severityOverride ?? Severity(likelihood: factors.level, impact: shared.entry.impact.level))
    }

    /// The hit's prose, filled.
    private func prose(of hit: FindingHit) -> Prose {
        let compiled = compiled(hit)
        let evaluator = hit.evaluator
        return Prose(title: compiled.title.plainText(evaluator),
                     description: compiled.description.filled(evaluator),
                     impactText: compiled.impactText.filled(evaluator),
                     recommendation: compiled.mitigation.filled(evaluator),
                     environmentFreeStatement: environmentFreeStatement(of: hit))
    }

    /// The hit's entry's prose, compiled.
    private func compiled(_ hit: FindingHit) -> EntryProse {
        compiledProse.indices.contains(hit.entryIndex) ? compiledProse[hit.entryIndex] ?? EntryProse(hit.sharedEntry.entry) : EntryProse(hit.sharedEntry.entry)
    }

    /// The entry's prose filled with this environment's facts, except its name, base URL and host, to
    /// compare what the finding says across environments; `nil` when no placeholder of the prose reads
    /// those three, so that the statement is the finding's own prose, which is not filled again.
    private func environmentFreeStatement(of hit: FindingHit) -> String? {
        let shared = hit.sharedEntry
        let texts = [shared.entry.title, shared.entry.description, shared.entry.impactText, shared.entry.mitigation]
        guard memo.readsEnvironmentIdentity(entry: hit.entryIndex, compute: { Self.readsEnvironmentIdentity(texts, subjectScope: hit.subject.scope) }) else { return nil }
        var evaluator = hit.evaluator
        if var environment = evaluator.globals["env"] {
            for field in ["name", "base_url", "host"] where environment[field].isKnown {
                environment.values[field] = .string("ENVIRONMENT-\(field)")
            }
            evaluator.globals["env"] = environment
        }
        let compiled = compiled(hit)
        return [compiled.title, compiled.description, compiled.impactText, compiled.mitigation].map { $0.filled(evaluator) }.joined(separator: "\u{1}")
    }

    /// Whether a placeholder of `texts` reads the `env` subject's name, base URL or host, which
    /// `environmentFreeStatement(of:)` replaces (a subject of scope `env` reads its own facts, not replaced).
    private static func readsEnvironmentIdentity(_ texts: [String], subjectScope: String) -> Bool {
        guard subjectScope != "env" else { return false }
        return texts.contains { text in
            ProseLayoutMemo.shared.placeholders(of: text).contains { placeholder in
                placeholder.scope == "env" && ["name", "base_url", "host"].contains(placeholder.field)
            }
        }
    }

    /// Whether both findings' evidence items have the same paths, facts and values, in order (then their
    /// `evidenceValues(_:)` are equal; when not, they may still be).
    private static func sameEvidenceItems(_ one: Finding, _ other: Finding) -> Bool {
        one.evidence.count == other.evidence.count && zip(one.evidence, other.evidence).allSatisfy {
            $0.path == $1.path && $0.fact == $1.fact && $0.value == $1.value
        }
    }

    /// What the evidence says, without where it was written and without the environment's own kind.
    private static func evidenceValues(_ finding: Finding) -> [String] {
        finding.evidence.filter { !$0.path.description.hasPrefix("environments[") }.map { "\($0.path)=\($0.fact ?? "")=\($0.value)" }
    }

    /// Production first, then staging, then the rest; earlier environments win ties.
    private static func rank(_ hit: FindingHit) -> Int {
        let kind: Int
        switch hit.environment.kind {
        case .production?: kind = 3
        case .staging?: kind = 2
        case nil: kind = 1
        default: kind = 0
        }
        return kind * 1000 - hit.environmentIndex
    }

    private func render(_ draft: Draft) -> Finding {
        let hit = draft.hit
        let shared = hit.sharedEntry
        let factors = draft.factors
        let prose = draft.prose
        return Finding(
            id: "", threatID: shared.entry.id, title: prose.title,
            severity: draft.severity,
            likelihood: factors.level, impact: shared.entry.impact.level,
            likelihoodScore: factors.average, impactScore: shared.entry.impact.average,
            confidence: shared.entry.confidence, stride: shared.entry.stride,
            cwe: CWEReference(id: shared.entry.cwe, name: shared.entry.cweName),
            owaspAPI2023: shared.entry.owaspAPI2023, owasp2021: shared.entry.owasp2021, owasp2025: shared.entry.owasp2025,
            asvs5: shared.entry.asvs5, asvs4: shared.entry.asvs4, nist80053: shared.entry.nist80053,
            environments: [hit.environment.name],
            subjectPath: hit.subject.path, subjectName: hit.subject.name,
            component: shared.entry.component ?? hit.subject.component,
            description: prose.description, impactText: prose.impactText,
            recommendation: prose.recommendation, validation: compiled(hit).validation.filled(hit.evaluator),
            evidence: evidence(for: hit) + reachEvidence(draft.reach, original: shared.entry.likelihood, capped: factors, hit: hit), references: shared.entry.references,
            falsePositives: shared.entry.falsePositives.isEmpty ? nil : shared.entry.falsePositives, controls: shared.entry.controls)
    }

    /// `evidenceValues(_:)` of the draft's reach evidence alone.
    private func reachEvidenceValues(_ draft: Draft) -> [String] {
        reachEvidence(draft.reach, original: draft.hit.sharedEntry.entry.likelihood, capped: draft.factors, hit: draft.hit)
            .filter { !$0.path.description.hasPrefix("environments[") }.map { "\($0.path)=\($0.fact ?? "")=\($0.value)" }
    }

    /// The environment's own path, when the model lists environments.
    private func environmentPath(of hit: FindingHit) -> ModelPath? {
        let path = ModelPath([.key("environments"), .index(hit.environmentIndex)])
        return hit.environment.locations.modelLocation(of: path) == nil ? nil : path
    }

    /// Says why the likelihood is lower than the entry's: the API is internal or local only.
    private func reachEvidence(_ reach: EnvironmentReach?, original: RiskFactors, capped: RiskFactors, hit: FindingHit) -> [Evidence] {
        guard let reach, capped != original else { return [] }
        let changes = ["opportunity", "size"].compactMap { key -> String? in
            guard let before = original.scores[key], let after = capped.scores[key], before != after else { return nil }
            return "\(key) \(before)→\(after)"
        }
        let who = reach.exposure == .localhost ? "only from the same host" : "only from an internal network"
        let locations = hit.environment.locations
        return [Evidence(path: reach.path, modelLocation: locations.modelLocation(of: reach.path), codeLocation: codeLocation(of: reach.path, in: locations),
                         fact: "exposure", value: "\(reach.exposure.rawValue) (\(reach.reason)): reachable \(who), so likelihood is lowered (\(changes.joined(separator: ", ")))")]
    }

    /// `locations.codeLocation(of:)`, without walking up the path when the model names no code at all.
    private func codeLocation(of path: ModelPath, in locations: ModelLocations) -> SourceLocation? {
        locations.inCode.isEmpty ? nil : locations.codeLocation(of: path)
    }

    private func evidence(for hit: FindingHit) -> [Evidence] {
        let subject = hit.subject
        let locations = hit.environment.locations
        var items: [Evidence] = []
        for field in hit.sharedEntry.entry.evidenceFields {
            let value = subject[field]
            guard value.isKnown else { continue }
            let path = subject.valuePaths[field] ?? subject.path
            let shown: String
            if let text = subject.evidenceValues[field] { shown = text }
            else if case .list = value { shown = value.pythonLiteral }
            else { shown = value.plainText }
            items.append(Evidence(
                path: path, modelLocation: locations.modelLocation(of: path), codeLocation: codeLocation(of: path, in: locations),
                fact: field, value: shown, detail: subject.evidenceDetails[field]))
        }
        if memo.conditionNamesEnvironment(entry: hit.entryIndex, compute: { hit.sharedEntry.entry.whenText.contains("env.") }), let kind = hit.environment.kind {
            let path = ModelPath([.key("environments"), .index(hit.environmentIndex)])
            let location = locations.modelLocation(of: path.appending("kind"))
            if location != nil {
                items.append(Evidence(path: path.appending("kind"), modelLocation: location, codeLocation: nil,
                                      fact: "env.kind", value: "\(kind.rawValue) (environment \(hit.environment.name))"))
            }
        }
        return items
    }
}
