extension ThreatModelView {
    /// The view of `report`. `catalogEntryCount` is the number of threat entries the analysis used.
    public init(report: AnalysisReport, catalogEntryCount: Int) {
        let model = report.model.base
        let system = model.system
        let environments = report.environments.isEmpty ? report.model.environments.map(\.name) : report.environments
        var sections = ComponentSections(model: model)
        sections.showDifferences(across: report.model.environments.filter { environments.contains($0.name) }
            .map { ($0.name, ComponentSections(model: $0.model)) })
        let graph = DataFlowGraph(model: model)
        let groups = FindingGroup.grouping(report.findings, environments: report.model.environments)
        let items = Self.distinctTitles(groups.map { FindingView($0, environments: environments, modelFile: report.model.file) })

        self.init(
            title: "Threat model: \(system.name)",
            systemName: system.name,
            generatedAt: report.generatedAt,
            toolVersion: report.toolVersion,
            executive: ExecutiveSummaryView(report: report, items: items, groups: groups, environments: environments),
            findings: items,
            hasFindings: !items.isEmpty,
            commandVariables: CommandVariablesView(findings: groups.map(\.representative)),
            controls: Self.controls(report, groups: groups, items: items),
            scope: ScopeView(
                modelFile: Code(report.model.file),
                environments: environments.map { name in Self.environment(name, in: report) },
                environmentCount: environments.count,
                hasEnvironmentFilter: environments.count > 1,
                catalogEntryCount: catalogEntryCount,
                exportedFindingCount: report.findings.count
            ),
            overview: Self.overview(model).withoutClosingStops(),
            diagram: DiagramLayout.view(
                of: graph, mermaid: MermaidFlowchart.source(of: graph),
                notAssessed: graph.isEmpty ? NotAssessed.sentence("any client, data store, external service or data flow to draw") : nil
            ),
            components: sections.application.filter(\.saysSomething).map { $0.splittingFacts() },
            flows: Self.flows(model, graph: graph),
            operations: OperationsView(parts: sections.operations.filter(\.saysSomething).map { $0.splittingFacts() })
        )
        filters = FilterBarView(items: items, environments: environments)
        // The honest coverage count (never "every part was assessed" beside a part the report says is missing).
        let notAssessed = notAssessedParts(report).count
        if notAssessed > 0 {
            let shown = report.notAssessed.isEmpty ? "the \u{201C}Not in the model\u{201D} lines" : "the questions and \u{201C}Not in the model\u{201D} lines"
            executive.verdict += " \(notAssessed) part(s) not assessed (\(shown))."
        }
    }

    /// Titles made unique: a repeated title gets the element it is about.
    private static func distinctTitles(_ items: [FindingView]) -> [FindingView] {
        var counts: [String: Int] = [:]
        for item in items { counts[item.title, default: 0] += 1 }
        return items.map { item in
            var item = item
            if counts[item.title]! > 1 { item.title += " (\(item.subjectName), \(item.subjectPath.text))" }
            return item
        }
    }

    private static func environment(_ name: String, in report: AnalysisReport) -> EnvironmentView {
        let resolved = report.model.environments.first { $0.name == name }
        return EnvironmentView(
            name: name,
            filterClass: Anchor.environment(name),
            kind: resolved?.kind?.rawValue ?? "kind not stated",
            baseURL: resolved?.baseURL ?? "base URL not stated"
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

    private static func flows(_ model: ArchitectureModel, graph: DataFlowGraph) -> FlowSectionView {
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
            boundariesNotAssessed: boundaries.isEmpty ? NotAssessed.sentence("the trust boundaries") : nil
        )
    }

    /// Each review links the items that hold the findings it cites.
    private static func controls(_ report: AnalysisReport, groups: [FindingGroup], items: [FindingView]) -> ControlSectionView {
        let reviews = report.controlReviews.map { review in
            var related: [FindingLinkView] = []
            for id in review.relatedFindings {
                guard let index = groups.firstIndex(where: { $0.members.contains { $0.id == id } }) else { continue }
                let link = FindingLinkView(items[index])
                if !related.contains(link) { related.append(link) }
            }
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
