/// Turns catalog hits into findings: fills the prose with the subject's facts, gathers evidence,
/// rates severity, and merges environments where the finding is the same.
///
/// Each hit is rendered as soon as it is found (`rendered(_:)`), so an environment's subjects are freed
/// before the next environment is analysed; `findings(from:)` then merges the rendered hits.
struct FindingAssembly {
    /// Every environment of the model, in order.
    var environmentNames: [String]

    /// One hit rendered: the finding in its environment and what deciding the merge needs of the hit.
    struct RenderedHit {
        /// `THREAT-ID@path`.
        var key: String
        var environmentIndex: Int
        var environmentName: String
        /// `rank(_:)` of the hit: the most production-like environment's finding is kept.
        var rank: Int
        var finding: Finding
        /// What the finding says without the environment's name, URL and host; `nil` when that is the
        /// finding's own prose (no placeholder reads them).
        var environmentFreeStatement: String?

        /// The statement compared across environments.
        var statement: String {
            environmentFreeStatement
                ?? [finding.title, finding.description, finding.impactText, finding.recommendation].joined(separator: "\u{1}")
        }
    }

    /// The hit's finding and merge keys; the subject and evaluator are not kept.
    func rendered(_ hit: FindingHit) -> RenderedHit {
        let finding = render(hit)
        return RenderedHit(key: "\(hit.entry.id)@\(hit.subject.path)", environmentIndex: hit.environmentIndex,
                           environmentName: hit.environment.name, rank: Self.rank(hit), finding: finding,
                           environmentFreeStatement: Self.environmentFreeStatement(of: hit))
    }

    /// One finding per (entry, subject) when it holds in every environment on the same evidence and says the
    /// same thing there (apart from the environment's name and URL), with the prose of the most
    /// production-like environment; otherwise one finding per environment (`#name`).
    func findings(from hits: [RenderedHit]) -> [Finding] {
        let groups = Dictionary(grouping: hits.indices) { hits[$0].key }
        var findings: [Finding] = []
        for key in groups.keys.sorted() {
            let group = groups[key]!.sorted { hits[$0].environmentIndex < hits[$1].environmentIndex }
            let first = hits[group[0]]
            let holdsEverywhere = group.count == environmentNames.count
            let sameEvidence = {
                let evidence = Self.evidenceValues(first.finding)
                return group.dropFirst().allSatisfy { Self.evidenceValues(hits[$0].finding) == evidence }
            }
            let sameStatement = {
                let statement = first.statement
                return group.dropFirst().allSatisfy { hits[$0].statement == statement }
            }
            let sameSeverity = group.allSatisfy { hits[$0].finding.severity == first.finding.severity }
            if holdsEverywhere && sameSeverity && sameEvidence() && sameStatement() {
                let representative = group.max { hits[$0].rank < hits[$1].rank }!
                var finding = hits[representative].finding
                finding.id = key
                finding.environments = group.map { hits[$0].environmentName }
                findings.append(finding)
            } else {
                for index in group {
                    var finding = hits[index].finding
                    finding.id = "\(key)#\(hits[index].environmentName)"
                    finding.environments = [hits[index].environmentName]
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    /// The entry's prose filled with this environment's facts, except its name, base URL and host, to
    /// compare what the finding says across environments; `nil` when no placeholder of the prose reads
    /// those three, so that the statement is the finding's own prose, which is not filled again.
    private static func environmentFreeStatement(of hit: FindingHit) -> String? {
        let entry = hit.entry
        let texts = [entry.title, entry.description, entry.impactText, entry.mitigation]
        guard readsEnvironmentIdentity(texts, subjectScope: hit.subject.scope) else { return nil }
        var evaluator = hit.evaluator
        if var environment = evaluator.globals["env"] {
            for field in ["name", "base_url", "host"] where environment[field].isKnown {
                environment.values[field] = .string("ENVIRONMENT-\(field)")
            }
            evaluator.globals["env"] = environment
        }
        return texts.map { ProseTemplate.fill($0, evaluator: evaluator) }.joined(separator: "\u{1}")
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

    private func render(_ hit: FindingHit) -> Finding {
        let entry = hit.entry
        let fill = { (text: String) in ProseTemplate.fill(text, evaluator: hit.evaluator) }
        let reach = entry.reach == .network ? EnvironmentReach.of(hit.environment, path: environmentPath(of: hit)) : nil
        let factors = reach?.capping(entry.likelihood) ?? entry.likelihood
        let likelihood = factors.level
        let impact = entry.impact.level
        return Finding(
            id: "", threatID: entry.id, title: ProseTemplate.plainText(entry.title, evaluator: hit.evaluator),
            severity: entry.severityOverride ?? Severity(likelihood: likelihood, impact: impact),
            likelihood: likelihood, impact: impact,
            likelihoodScore: factors.average, impactScore: entry.impact.average,
            confidence: entry.confidence, stride: entry.stride,
            cwe: CWEReference(id: entry.cwe, name: entry.cweName),
            owaspAPI2023: entry.owaspAPI2023, owasp2021: entry.owasp2021, owasp2025: entry.owasp2025,
            asvs5: entry.asvs5, asvs4: entry.asvs4, nist80053: entry.nist80053,
            environments: [hit.environment.name],
            subjectPath: hit.subject.path, subjectName: hit.subject.name,
            component: entry.component ?? hit.subject.component,
            description: fill(entry.description), impactText: fill(entry.impactText),
            recommendation: fill(entry.mitigation), validation: fill(entry.validation),
            evidence: evidence(for: hit) + reachEvidence(reach, original: entry.likelihood, capped: factors, hit: hit), references: entry.references,
            falsePositives: entry.falsePositives.isEmpty ? nil : entry.falsePositives, controls: entry.controls)
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
        return [Evidence(path: reach.path, modelLocation: locations.modelLocation(of: reach.path), codeLocation: locations.codeLocation(of: reach.path),
                         fact: "exposure", value: "\(reach.exposure.rawValue) (\(reach.reason)): reachable \(who), so likelihood is lowered (\(changes.joined(separator: ", ")))")]
    }

    private func evidence(for hit: FindingHit) -> [Evidence] {
        let subject = hit.subject
        let locations = hit.environment.locations
        var items: [Evidence] = []
        for field in hit.entry.evidenceFields {
            let value = subject[field]
            guard value.isKnown else { continue }
            let path = subject.valuePaths[field] ?? subject.path
            let shown: String
            if let text = subject.evidenceValues[field] { shown = text }
            else if case .list = value { shown = value.pythonLiteral }
            else { shown = value.plainText }
            items.append(Evidence(
                path: path, modelLocation: locations.modelLocation(of: path), codeLocation: locations.codeLocation(of: path),
                fact: field, value: shown, detail: subject.evidenceDetails[field]))
        }
        if hit.entry.whenText.contains("env."), let kind = hit.environment.kind {
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
