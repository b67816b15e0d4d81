extension ThreatModelView {
    /// The view of `report`. `catalogEntryCount` is the number of threat entries the analysis used.
    public init(report: AnalysisReport, catalogEntryCount: Int) {
        let model = report.model.base
        let system = model.system
        let environments = report.environments.isEmpty ? report.model.environments.map(\.name) : report.environments
        var sections = ComponentSections(model: model, findings: report.findings)
        sections.showDifferences(across: report.model.environments.filter { environments.contains($0.name) }
            .map { ($0.name, ComponentSections(model: $0.model, findings: [])) })
        let graph = DataFlowGraph(model: model)

        var notAssessed: [String] = []
        for sentence in report.notAssessed.map(NotAssessed.sentence) where !notAssessed.contains(sentence) {
            notAssessed.append(sentence)
        }

        self.init(
            title: "Threat model: \(system.name)",
            systemName: system.name,
            generatedAt: report.generatedAt,
            toolVersion: report.toolVersion,
            objective: Self.objective(system: system, file: report.model.file, environments: environments),
            scope: ScopeView(
                modelFile: Code(report.model.file),
                environments: environments.map { name in Self.environment(name, in: report) },
                environmentCount: environments.count,
                hasEnvironmentFilter: environments.count > 1,
                catalogEntryCount: catalogEntryCount,
                notAssessed: notAssessed,
                hasNotAssessed: !notAssessed.isEmpty
            ),
            overview: Self.overview(model),
            diagram: DiagramLayout.view(
                of: graph, mermaid: MermaidFlowchart.source(of: graph),
                notAssessed: graph.isEmpty ? NotAssessed.sentence("any client, data store, external service or data flow to draw") : nil
            ),
            summary: Self.summary(report.findings),
            components: sections.application,
            findings: report.findings.map(FindingView.init),
            hasFindings: !report.findings.isEmpty,
            commandVariables: CommandVariablesView(findings: report.findings),
            flows: Self.flows(model, graph: graph, findings: sections.flowFindings),
            operations: OperationsView(parts: sections.operations),
            controls: Self.controls(report),
            conclusion: ConclusionView(report: report, environments: environments, notAssessedCount: notAssessed.count)
        )
        conclusion = ConclusionView(report: report, environments: environments, notAssessedCount: notAssessedParts().count)
    }

    private static func objective(system: SystemDescription, file: String, environments: [String]) -> String {
        let subject = system.purpose.map { "\(system.name) (\($0))" } ?? system.name
        let places = environments.count == 1 ? "the \(environments[0]) environment" : "the environments \(environments.joined(separator: ", "))"
        return "Identify the threats that the architecture, configuration and deployment of \(subject), as the model \(file) describes them, open up in \(places); rate each with the OWASP Risk Rating Methodology; and give, for each, the evidence in the model, the impact, a specific recommendation and the steps that validate the fix."
    }

    private static func environment(_ name: String, in report: AnalysisReport) -> EnvironmentView {
        let resolved = report.model.environments.first { $0.name == name }
        return EnvironmentView(
            name: name,
            filterClass: Anchor.environment(name),
            kind: resolved?.kind?.rawValue ?? "kind not stated",
            baseURL: resolved?.baseURL ?? "base URL not stated",
            findingCount: report.findings.filter { $0.environments.contains(name) }.count
        )
    }

    private static func overview(_ model: ArchitectureModel) -> OverviewView {
        let system = model.system
        var frameworks = (model.frameworks ?? [:]).keys.sorted().map { name in
            let text = model.frameworks![name]!
            // The version Starlette-specific analysis (CORS, templates) used, when the model does not state one.
            guard name == "starlette", let assumed = AssumedStarletteVersion(text, writtenAt: "frameworks.starlette"), !assumed.isStated else {
                return "\(name) \(text)"
            }
            return "\(name) \(text), analysed as \(assumed)"
        }
        if model.frameworks?["starlette"] == nil, model.middleware?.contains(where: { $0.type == .cors }) == true,
           let assumed = AssumedStarletteVersion(nil, writtenAt: "frameworks.starlette") {
            frameworks.append("starlette not named, analysed as \(assumed)")
        }
        return OverviewView(
            facts: [
                FactView(label: "Name", value: system.name, isKnown: true),
                FactView.make("Purpose", system.purpose, missing: "the system's purpose"),
                FactView.make("Owner", system.owner, missing: "the owner"),
                FactView.make("Trust model", system.trustModel, missing: "the trust model"),
                FactView.make("Data classification", system.dataClassification?.rawValue, missing: "the data classification"),
                FactView.make("Exposure", system.exposure?.rawValue, missing: "who can reach the API"),
                FactView.make("Framework", model.app?.framework?.rawValue, missing: "the web framework"),
            ],
            description: system.description,
            frameworks: frameworks,
            hasFrameworks: !frameworks.isEmpty
        )
    }

    private static func summary(_ findings: [Finding]) -> SummaryView {
        SummaryView(
            counts: Severity.allCases.reversed().map { severity in
                SeverityCountView(severity: severity.label, severityClass: severity.rawValue, count: findings.filter { $0.severity == severity }.count)
            },
            total: findings.count,
            rows: findings.map { finding in
                SummaryRowView(
                    id: finding.id, anchor: Anchor.finding(finding.id), title: finding.title,
                    severity: finding.severity.label, severityClass: finding.severity.rawValue,
                    environmentList: finding.environments.joined(separator: ", "),
                    environmentClasses: Anchor.environmentClasses(finding.environments)
                )
            }
        )
    }

    private static func flows(_ model: ArchitectureModel, graph: DataFlowGraph, findings: [FindingLinkView]) -> FlowSectionView {
        let name = { (id: String) in graph.nodes.first { $0.modelID == id }?.label ?? id }
        let flows = (model.dataFlows ?? []).map { flow in
            FlowView(
                from: name(flow.from), to: name(flow.to),
                protocolName: flow.protocol ?? "not stated",
                tls: flow.tls.map { $0 ? "yes" : "no" } ?? "not stated",
                isUnencrypted: flow.tls == false,
                data: (flow.data ?? []).joined(separator: ", ").nonEmpty ?? "not stated",
                description: flow.description ?? ""
            )
        }
        let boundaries = (model.trustBoundaries ?? []).map { boundary in
            BoundaryView(name: boundary.name ?? boundary.id, members: boundary.contains.map(name).joined(separator: ", "))
        }
        return FlowSectionView(
            flows: flows, hasFlows: !flows.isEmpty,
            boundaries: boundaries, hasBoundaries: !boundaries.isEmpty,
            flowsNotAssessed: flows.isEmpty ? NotAssessed.sentence("the data flows") : nil,
            boundariesNotAssessed: boundaries.isEmpty ? NotAssessed.sentence("the trust boundaries") : nil,
            flowFindings: findings, hasFlowFindings: !findings.isEmpty
        )
    }

    private static func controls(_ report: AnalysisReport) -> ControlSectionView {
        let reviews = report.controlReviews.map { review in
            let related = review.relatedFindings.compactMap { id in report.findings.first { $0.id == id }.map(FindingLinkView.init) }
            return ControlReviewView(
                control: review.control, claim: review.claim,
                verdict: review.verdict.rawValue.prefix(1).uppercased() + review.verdict.rawValue.dropFirst(),
                verdictClass: review.verdict.rawValue, reason: Prose(review.reason),
                related: related, hasRelated: !related.isEmpty
            )
        }
        let count = { (verdict: ControlReview.Verdict) in report.controlReviews.filter { $0.verdict == verdict }.count }
        return ControlSectionView(
            reviews: reviews, hasReviews: !reviews.isEmpty,
            supportedCount: count(.supported), contradictedCount: count(.contradicted), unverifiableCount: count(.unverifiable)
        )
    }
}
