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
        // Hits are rendered environment by environment, so one environment's subjects are held at a time.
        let assembly = FindingAssembly(environmentNames: known)
        var hits: [FindingAssembly.RenderedHit] = []
        for (index, environment) in model.environments.enumerated() {
            hits += self.hits(in: environment, index: index, of: model).map(assembly.rendered)
        }
        let selected = options.environments.isEmpty ? known : known.filter { options.environments.contains($0) }
        let assembled = assembly.findings(from: hits)
            .compactMap { finding -> Finding? in
                var finding = finding
                finding.environments = finding.environments.filter { selected.contains($0) }
                return finding.environments.isEmpty ? nil : finding
            }
            .sorted { ($0.severity, $1.id) > ($1.severity, $0.id) }
        let findings = UnresolvedEvidence.marked(assembled, in: model.environments)
        let reviews = ControlReviewer().reviews(of: model, findings: findings)
        return AnalysisReport(
            model: model, environments: selected, findings: findings, controlReviews: reviews,
            notAssessed: NotAssessedParts.list(for: model.base) + NotAssessedParts.unresolved(in: model.environments),
            generatedAt: options.generatedAt, toolVersion: options.toolVersion, catalogEntryCount: catalog.entries.count)
    }

    private func hits(in environment: ResolvedEnvironment, index: Int, of model: LoadedModel) -> [FindingHit] {
        var hits = self.hits(for: self.subjects(in: environment, of: model), in: environment, index: index)
        // A sub-application's pipeline includes the main app's middleware: a pipeline-wide finding the
        // main app already has (no HSTS, no rate limiting) is the same problem, reported once.
        let mainPipelineThreats = Set(hits.filter { MountedAppProjection.pipelineScopes.contains($0.subject.scope) }.map(\.entry.id))
        for projection in MountedAppProjection.all(in: environment) {
            let context = AnalysisContext(environment: projection.environment, allEnvironments: model.environments)
            let subjects = analyzers.flatMap { $0.subjects(in: context) }.map(projection.mapped)
            hits += self.hits(for: subjects, in: environment, index: index).filter { hit in
                projection.isAbout(hit.subject)
                    && !(MountedAppProjection.pipelineScopes.contains(hit.subject.scope) && mainPipelineThreats.contains(hit.entry.id))
            }
        }
        return hits
    }

    private func hits(for subjects: [FactSubject], in environment: ResolvedEnvironment, index: Int) -> [FindingHit] {
        let vocabulary = FactVocabulary(analyzers: analyzers)
        var globals: [String: FactSubject] = [:]
        for subject in subjects where vocabulary.scopes[subject.scope]?.isGlobal == true {
            globals[subject.scope] = subject
        }
        let byScope = Dictionary(grouping: subjects, by: \.scope)
        var hits: [FindingHit] = []
        for entry in catalog.entries {
            for subject in byScope[entry.scope] ?? [] {
                let evaluator = ConditionEvaluator(subject: subject, globals: globals)
                guard evaluator.holds(entry.when) else { continue }
                hits.append(FindingHit(entry: entry, environment: environment, environmentIndex: index,
                                       subject: subject, evaluator: evaluator))
            }
        }
        return hits
    }
}

/// One entry firing for one subject in one environment, before environments are merged.
struct FindingHit {
    var entry: CatalogEntry
    var environment: ResolvedEnvironment
    var environmentIndex: Int
    var subject: FactSubject
    var evaluator: ConditionEvaluator
}
