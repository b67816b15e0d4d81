/// Every item of a standard that the threat catalog speaks to, with what the analysis of one model
/// says about it. Pure: built from an analysis, the catalog it ran and the standards reference.
///
/// - **not met**: a finding mapped to the item holds in some environment (a judgment finding makes
///   the row a judgment item, for a reviewer to confirm or reject);
/// - **met**: the catalog checks mapped to it ran on a part the model describes and found nothing —
///   "as far as the model shows", never an audit of the code;
/// - **not assessed**: the model does not describe what those checks read.
public struct ComplianceMatrix: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable, CaseIterable {
        case met
        case notMet = "not met"
        case notAssessed = "not assessed"
    }

    /// Where a row's status comes from in the model.
    public struct Evidence: Sendable, Equatable {
        public var path: ModelPath
        public var modelLocation: SourceLocation?
        public var codeLocation: SourceLocation?
        /// The finding this evidence belongs to, for rows that are not met.
        public var findingID: String?
    }

    public struct Row: Sendable, Equatable {
        /// As the catalog writes it: `v5.0.0-3.4.2`, `API8:2023`, `AC-4`.
        public var id: String
        /// Verbatim from the reference.
        public var text: String
        public var chapter: String
        public var status: Status
        /// A reviewer must resolve the row: its findings are judgment calls, or it could not be assessed.
        public var needsResolution: Bool
        public var reason: String
        public var evidence: [Evidence]
        public var findings: [Finding]
        /// Catalog entries mapped to the item.
        public var checks: [String]
    }

    public struct Chapter: Sendable, Equatable {
        public var id: String
        public var name: String?
        public var counts: [Status: Int]
        public var total: Int
    }

    public var standard: ComplianceStandard
    public var rows: [Row]
    public var chapters: [Chapter]

    public init(report: AnalysisReport, catalog: ThreatCatalog, standard: ComplianceStandard,
                reference: StandardsReference, chapterNames: [String: String]) {
        self.standard = standard
        var entriesByID: [String: [CatalogEntry]] = [:]
        for entry in catalog.entries {
            for id in standard.ids(of: entry) { entriesByID[id, default: []].append(entry) }
        }
        let environments = report.model.environments
        let stated = StatedFields(environments)
        var rows: [Row] = []
        for id in entriesByID.keys.sorted(by: ComplianceStandard.precedes) {
            guard let text = standard.text(of: id, in: reference), let entries = entriesByID[id] else { continue }
            let findings = report.findings.filter { standard.ids(of: $0).contains(id) }
            rows.append(Self.row(id: id, text: text, chapter: standard.chapter(of: id), entries: entries,
                                 findings: findings, environments: environments, stated: stated))
        }
        self.rows = rows
        var chapters: [Chapter] = []
        for row in rows {
            if let index = chapters.firstIndex(where: { $0.id == row.chapter }) {
                chapters[index].counts[row.status, default: 0] += 1
                chapters[index].total += 1
            } else {
                chapters.append(Chapter(id: row.chapter, name: chapterNames[row.chapter], counts: [row.status: 1], total: 1))
            }
        }
        self.chapters = chapters
    }

    private static func row(id: String, text: String, chapter: String, entries: [CatalogEntry], findings: [Finding],
                            environments: [ResolvedEnvironment], stated: StatedFields) -> Row {
        let checks = entries.map(\.id)
        // A finding that only says values are unresolved (TS-CORS-021) shows the item was not assessed.
        let unassessed = findings.filter { $0.evidence.contains { $0.fact?.hasPrefix("unresolved") == true } }
        if !findings.isEmpty, unassessed.count == findings.count {
            return Row(id: id, text: text, chapter: chapter, status: .notAssessed, needsResolution: true,
                       reason: "not checked: " + unassessed.map { "\($0.id) (the model leaves values it reads unresolved)" }.joined(separator: "; "),
                       evidence: unassessed.flatMap { finding in finding.evidence.map {
                           Evidence(path: $0.path, modelLocation: $0.modelLocation, codeLocation: $0.codeLocation, findingID: finding.id) } },
                       findings: unassessed, checks: checks)
        }
        if !findings.isEmpty {
            let clearCut = findings.filter { $0.confidence == .clearCut }
            // Environments repeat the same model values; each value is cited once, with the first finding it supports.
            var evidence: [Evidence] = []
            for finding in findings {
                for item in finding.evidence where !evidence.contains(where: { $0.path == item.path && $0.modelLocation == item.modelLocation }) {
                    evidence.append(Evidence(path: item.path, modelLocation: item.modelLocation, codeLocation: item.codeLocation, findingID: finding.id))
                }
            }
            let reason = clearCut.isEmpty
                ? "\(count(findings.count, "judgment finding")) (the model suggests the weakness; a reviewer confirms or rejects it)"
                : "\(count(clearCut.count, "clear-cut finding"))" + (clearCut.count < findings.count ? " and \(count(findings.count - clearCut.count, "judgment finding"))" : "")
            return Row(id: id, text: text, chapter: chapter, status: .notMet, needsResolution: clearCut.isEmpty, reason: reason,
                       evidence: evidence, findings: findings, checks: checks)
        }
        // No finding: the row is met only for checks whose scope the model describes.
        // Each unchecked entry with why; `blocksMet` when the model is silent about what the check needs.
        var checked: [String] = [], unchecked: [(check: String, part: String, blocksMet: Bool)] = [], evidence: [Evidence] = []
        for entry in entries {
            let parts = environments.compactMap { environment in
                CatalogScopeCoverage.part(for: entry, in: environment.model).map { (environment, $0) }
            }
            let needsProduction = entry.whenText.contains("is_production")
            let unstated = stated.unstated(in: entry.whenText)
            if let claim = claimedControl(silencing: entry, in: environments) {
                unchecked.append((entry.id, claim, true))
            } else if !unstated.isEmpty {
                let fields = unstated.joined(separator: " or ")
                unchecked.append((entry.id, "the model does not state \(fields); the check fires only on an explicit false", true))
            } else if let (environment, found) = parts.first(where: { !unresolved(read: entry, in: $0.0.model, under: $0.1.part.path).isEmpty }) {
                // A value nobody stated is unknown: a check that read its default proves nothing.
                let values = unresolved(read: entry, in: environment.model, under: found.part.path)
                unchecked.append((entry.id, "the model leaves " + values.map { "\($0.path) unresolved (\($0.expression))" }.joined(separator: ", "), true))
            } else if needsProduction, !environments.contains(where: { $0.kind == .production }) {
                unchecked.append((entry.id, "the model describes no production environment", true))
            } else if let (environment, found) = parts.first(where: { $0.1.isPresent }) {
                checked.append(entry.id)
                let path = found.part.path
                if !evidence.contains(where: { $0.path == path }) {
                    evidence.append(Evidence(path: path, modelLocation: environment.locations.modelLocation(of: path),
                                             codeLocation: environment.locations.codeLocation(of: path), findingID: nil))
                }
            } else {
                let silent = environments.allSatisfy { CatalogScopeCoverage.isSilent(about: entry.scope, in: $0.model) }
                unchecked.append((entry.id, "the model describes no " + (parts.first?.1.part.description ?? "part the \(entry.scope) checks read"), silent))
            }
        }
        let missing = Dictionary(grouping: unchecked, by: \.part).sorted { $0.key < $1.key }
            .map { "\($0.value.map(\.check).joined(separator: ", ")) (\($0.key))" }
            .joined(separator: "; ")
        // A check silenced by a claim, or blind to a field the model leaves unset, leaves the row to the reviewer.
        if checked.isEmpty || unchecked.contains(where: \.blocksMet) {
            return Row(id: id, text: text, chapter: chapter, status: .notAssessed, needsResolution: true,
                       reason: (checked.isEmpty ? "" : "no finding from \(checked.joined(separator: ", ")); ") + "not checked: \(missing)",
                       evidence: evidence, findings: [], checks: checks)
        }
        var reason = "no finding from \(checked.joined(separator: ", ")) in any environment"
        if !missing.isEmpty { reason += "; not checked: \(missing)" }
        return Row(id: id, text: text, chapter: chapter, status: .met, needsResolution: false, reason: reason,
                   evidence: evidence, findings: [], checks: checks)
    }

    /// The unresolved values under `path` that `entry` reads: a CORSMiddleware's arguments matter
    /// only to the CORS checks, not to the other checks of the middleware pipeline.
    private static func unresolved(read entry: CatalogEntry, in model: ArchitectureModel, under path: ModelPath) -> [UnresolvedValue] {
        model.unresolvedValues(under: path).filter { value in
            guard entry.scope != "cors", case .key("middleware")? = value.path.components.first,
                  case .index(let index)? = value.path.components.dropFirst().first,
                  let middleware = model.middleware, middleware.indices.contains(index) else { return true }
            return middleware[index].type != .cors
        }
    }

    /// A check whose condition stands down when the team claims a control (`not (system.claimed_controls
    /// contains "rate_limiting")`) proves nothing while the model claims it: the claim is not evidence.
    private static func claimedControl(silencing entry: CatalogEntry, in environments: [ResolvedEnvironment]) -> String? {
        for environment in environments {
            for control in environment.model.controls ?? [] {
                guard let kind = control.kind, entry.whenText.contains("claimed_controls contains \"\(kind)\"") else { continue }
                return "silenced by the claimed control \(control.id.map { "\($0), " } ?? "")\(control.name), which the model does not show"
            }
        }
        return nil
    }

    private static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
