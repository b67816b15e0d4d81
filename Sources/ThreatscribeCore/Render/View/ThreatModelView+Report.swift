extension ThreatModelView {
    /// The view of `report`. `catalogEntryCount` is the number of threat entries the analysis used.
    public init(report: AnalysisReport, catalogEntryCount: Int) {
        let model = report.model.base
        let system = model.system
        let environments = report.environments.isEmpty ? report.model.environments.map(\.name) : report.environments
        let groups = FindingGroup.grouping(report.findings, environments: report.model.environments)
        // The model's sections, the command variables and each group's item are independent parts, made
        // from one list on every core (a `concurrentMap` nested in another branch would run on one thread).
        let parts = Array(0..<(groups.count + 2)).concurrentMap { index -> ViewPart in
            switch index {
            case 0:
                var sections = ComponentSections(model: model)
                sections.showDifferences(across: report.model.environments.filter { environments.contains($0.name) }
                    .map { ($0.name, ComponentSections(model: $0.model)) })
                return .model(sections, DataFlowGraph(model: model), EndpointIndex(model: model))
            case 1:
                return .commandVariables(CommandVariablesView(findings: groups.map(\.representative)))
            default:
                return .item(FindingView(groups[index - 2], environments: environments, modelFile: report.model.file))
            }
        }
        guard case let .model(sections, graph, endpoints) = parts[0], case let .commandVariables(commandVariables) = parts[1] else {
            preconditionFailure("the first two parts are the model's and the command variables'")
        }
        let distinctItems = Self.distinctTitles(parts.dropFirst(2).compactMap { part in
            if case let .item(item) = part { item } else { nil }
        })
        var items = distinctItems
        let affected = AffectedEndpointsView(groups: groups, items: items, model: model, index: endpoints)
        for entry in affected?.items ?? [] {
            guard let index = items.firstIndex(where: { $0.anchor == entry.anchor }) else { continue }
            let note = "All \(entry.count) endpoints are in Appendix D (\(entry.label))."
            if items[index].variations?.more != nil { items[index].variations?.appendixNote = note } else { items[index].listNote = note }
            if let more = items[index].moreMerged { items[index].moreMerged = more + " (all in Appendix D)" }
        }

        self.init(
            title: "Threat model: \(system.name)",
            systemName: system.name,
            generatedAt: report.generatedAt,
            toolVersion: report.toolVersion,
            executive: ExecutiveSummaryView(report: report, items: items, groups: groups, environments: environments),
            findings: items,
            hasFindings: !items.isEmpty,
            commandVariables: commandVariables,
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
        affectedEndpoints = affected
        // The appendix does not repeat the model: a part appears for what differs between environments
        // and for what the model leaves open or out.
        for index in components.indices {
            let pipeline = components[index].pipeline
            components[index].showsPipeline = pipeline.count > 1 || pipeline.contains { $0.matrix != nil }
        }
        modelParts = (components.filter { !$0.hasPipeline } + operations.parts).compactMap { part in
            var part = part
            // The CORS part's facts are the middleware's settings, which the pipeline table shows.
            let inPipeline = part.name == Component.cors && components.contains(where: \.showsPipeline)
            part.knownFacts = inPipeline ? [] : part.knownFacts.filter { $0.hasByEnvironment || $0.isGap }
            part.hasKnownFacts = !part.knownFacts.isEmpty
            return part.hasKnownFacts || part.missingAspects != nil ? part : nil
        }
        hasModelParts = !modelParts.isEmpty
        modelPartsHaveNotes = modelParts.contains(where: \.hasKnownFacts)
        hasModelAppendix = hasModelParts || overview.hasFacts || overview.description != nil || diagram.notAssessed == nil || flows.hasFlowDetails || components.contains(where: \.showsPipeline)
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
            if counts[item.title]! > 1 {
                item.title += " (\(item.subjectName), \(item.subjectPath.text))"
                item.subjectNote = nil
            }
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

    /// What the summary does not already say: the trust model, and a Starlette version the analysis assumed.
    private static func overview(_ model: ArchitectureModel) -> OverviewView {
        let system = model.system
        var frameworks: [String] = []
        // The version Starlette-specific analysis (CORS, templates) used, when the model does not state one.
        if let text = model.frameworks?["starlette"], let assumed = AssumedStarletteVersion(text, writtenAt: "frameworks.starlette"), !assumed.isStated {
            frameworks.append("starlette \(text), analysed as \(assumed)")
        }
        if model.frameworks?["starlette"] == nil, model.middleware?.contains(where: { $0.type == .cors }) == true,
           let assumed = AssumedStarletteVersion(nil, writtenAt: "frameworks.starlette") {
            frameworks.append("starlette not named, analysed as \(assumed)")
        }
        let facts = [FactView.make("Trust model", system.trustModel, missing: "the trust model")].filter(\.isKnown)
        return OverviewView(
            facts: facts,
            description: system.description,
            frameworks: frameworks,
            hasFrameworks: !frameworks.isEmpty,
            hasFacts: !facts.isEmpty || !frameworks.isEmpty
        )
    }

    /// Claims with the same verdict for the same reason as one line: each claim's name, then its words.
    private static func joiningSameReasons(_ reviews: [ControlReviewView]) -> [ControlReviewView] {
        var joined: [ControlReviewView] = []
        for review in reviews {
            guard let index = joined.firstIndex(where: { $0.verdict == review.verdict && $0.reason == review.reason && $0.related == review.related }) else {
                joined.append(review)
                continue
            }
            let first = joined[index]
            if first.claim != nil, !first.control.contains("; ") { joined[index].claim = "\(first.control): \(first.claim!)" }
            joined[index].control += "; " + review.control
            if let claim = review.claim {
                joined[index].claim = (joined[index].claim.map { $0 + " " } ?? "") + "\(review.control): \(claim)"
            }
        }
        return joined
    }

    /// `reason` with the first mention of `id` (followed by a blank, `,`, `)` or the end, so that `a@b` is not
    /// found in `a@b[0]`) made a link to `anchor`; `nil` when it does not mention it. The id is a code span,
    /// which no character of it can end.
    static func linking(_ id: String, to anchor: String, in reason: String) -> String? {
        guard !id.contains("`") else { return nil }
        var searchStart = reason.startIndex
        while let range = reason.range(of: id, range: searchStart..<reason.endIndex) {
            let before = range.lowerBound == reason.startIndex ? nil : reason[reason.index(before: range.lowerBound)]
            let after = range.upperBound == reason.endIndex ? nil : reason[range.upperBound]
            let afterNext = after == "." ? reason[reason.index(after: range.upperBound)...].first : nil
            let ends = after == nil || [" ", ",", ")"].contains(after!) || (after == "." && (afterNext == nil || afterNext == " "))
            if (before == nil || before == " ") && ends {
                return reason.replacingCharacters(in: range, with: "[`\(id)`](#\(anchor))")
            }
            searchStart = range.upperBound
        }
        return nil
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
            hasFlowDetails: flows.contains { $0.data != "not stated" || !$0.description.isEmpty },
            boundaries: boundaries, hasBoundaries: !boundaries.isEmpty,
            flowsNotAssessed: flows.isEmpty ? NotAssessed.sentence("the data flows") : nil,
            boundariesNotAssessed: boundaries.isEmpty ? NotAssessed.sentence("the trust boundaries") : nil
        )
    }

    /// Each review links the items that hold the findings it cites: where the reason names a finding's id,
    /// the id becomes the link; the others are listed after it.
    private static func controls(_ report: AnalysisReport, groups: [FindingGroup], items: [FindingView]) -> ControlSectionView {
        let reviews = report.controlReviews.map { review in
            var related: [FindingLinkView] = []
            var reason = review.reason
            var linked: [String] = []
            for id in review.relatedFindings {
                guard let index = groups.firstIndex(where: { $0.members.contains { $0.id == id } }) else { continue }
                let link = FindingLinkView(items[index])
                if let linkedReason = Self.linking(id, to: link.anchor, in: reason) {
                    reason = linkedReason
                    linked.append(link.anchor)
                } else if !related.contains(link) {
                    related.append(link)
                }
            }
            related.removeAll { linked.contains($0.anchor) }
            return ControlReviewView(
                control: review.control, claim: review.claim,
                verdict: review.verdict.rawValue.prefix(1).uppercased() + review.verdict.rawValue.dropFirst(),
                verdictClass: review.verdict.rawValue, reason: Prose(reason),
                related: related, hasRelated: !related.isEmpty
            )
        }
        let count = { (verdict: ControlReview.Verdict) in report.controlReviews.filter { $0.verdict == verdict }.count }
        return ControlSectionView(
            reviews: Self.joiningSameReasons(reviews), hasReviews: !reviews.isEmpty,
            supportedCount: count(.supported), contradictedCount: count(.contradicted), unverifiableCount: count(.unverifiable)
        )
    }
}

/// One independent part of the report's view, made on any core.
private enum ViewPart: Sendable {
    case model(ComponentSections, DataFlowGraph, EndpointIndex)
    case commandVariables(CommandVariablesView?)
    case item(FindingView)
}
