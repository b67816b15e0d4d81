extension FindingView {
    /// The item for `group`; `environments` are the model's environment names, in order.
    init(_ group: FindingGroup, environments: [String], modelFile: String) {
        let finding = group.representative
        let list = { (items: [String]) in items.isEmpty ? "none" : items.joined(separator: ", ") }
        let variations = VariationTableView(group, environments: environments)
        let varying = Set(variations?.columns.map(\.text) ?? [])
        let trackings = group.members.map { Self.trackingFacts($0) }
        var codeLocations: [Code] = []
        for location in finding.evidence.compactMap(\.codeLocation) where !codeLocations.contains(Code(location.description)) {
            codeLocations.append(Code(location.description))
        }
        let evidence = EvidenceView.lines(
            finding.evidence.filter { ($0.detail != nil || !varying.contains(VariationTableView.key(of: $0))) && $0.fact != "env.kind" },
            modelFile: modelFile)
        var title = EnvironmentFreeTitle.title(finding.title, environments: environments)
        let rootIDs = group.rootIDs
        if group.isAcrossEndpoints {
            let others = rootIDs.count - 1
            title += " (and \(others) more endpoint\(others == 1 ? "" : "s"))"
        }
        self.init(
            id: group.id,
            idCode: Code(group.id),
            mergedIDs: rootIDs.dropFirst().prefix(10).map(Code.init),
            moreMerged: rootIDs.count > 11 ? "and \(rootIDs.count - 11) more" : nil,
            anchor: Anchor.finding(group.id),
            threatID: finding.threatID,
            title: title,
            severity: finding.severity.label,
            severityClass: finding.severity.rawValue,
            likelihood: "\(finding.likelihood.label) (\(Self.score(finding.likelihoodScore)))",
            impact: "\(finding.impact.label) (\(Self.score(finding.impactScore)))",
            confidence: finding.confidence == .clearCut ? "clear-cut" : "judgment (a reviewer must confirm)",
            component: finding.component,
            subjectName: finding.subjectName,
            subjectPath: Code(finding.subjectPath.description),
            codeLocations: codeLocations,
            environmentList: list(group.environments(in: environments)),
            environmentClasses: Anchor.environmentClasses(group.environments(in: environments)),
            shownFor: group.environments(in: environments).count > 1 && finding.environments.count == 1 ? finding.environments[0] : nil,
            variations: variations,
            evidence: evidence,
            hasEvidence: !evidence.isEmpty,
            description: Prose(ProseExcerpt.leading(2, of: finding.description)),
            impactText: Prose(ProseExcerpt.leading(2, of: finding.impactText)),
            recommendation: Prose(finding.recommendation),
            validation: Prose(finding.validation),
            falsePositives: finding.falsePositives.map { Prose(ProseExcerpt.leading(1, of: $0)) },
            standards: Self.standards(finding),
            mappings: [
                FactView(label: "Likelihood", value: Self.score(finding.likelihoodScore), isKnown: true),
                FactView(label: "Impact", value: Self.score(finding.impactScore), isKnown: true),
                FactView(label: "STRIDE", value: finding.stride.map(\.rawValue).joined(), isKnown: true),
                FactView(label: "CWE", value: finding.cwe.name, isKnown: true),
                FactView(label: "OWASP Top 10 2025", value: list(finding.owasp2025), isKnown: true),
                FactView(label: "ASVS 4.0.3", value: list(finding.asvs4), isKnown: true),
            ],
            tracking: trackings.allSatisfy { $0 == trackings[0] } ? trackings[0] : [],
            references: finding.references.map(ReferenceView.init),
            hasReferences: !finding.references.isEmpty
        )
    }

    /// The standards ids in one line: CWE · OWASP API · OWASP Top 10 2021 · ASVS 5 · NIST.
    static func standards(_ finding: Finding) -> String {
        let nist = finding.nist80053.isEmpty ? [] : ["NIST " + finding.nist80053.joined(separator: ", ")]
        let parts = [[finding.cwe.id], finding.owaspAPI2023, finding.owasp2021, finding.asvs5, nist]
        return parts.filter { !$0.isEmpty }.map { $0.joined(separator: ", ") }.joined(separator: " · ")
    }

    /// "Tracking" and "Residual risk" rows, when a tracking file names the finding.
    static func trackingFacts(_ finding: Finding) -> [FactView] {
        guard let tracking = finding.tracking else { return [] }
        var status = tracking.status.rawValue
        if let expires = tracking.expires {
            status += tracking.isExpired ? " — EXPIRED on \(expires): the finding is open again" : " until \(expires)"
        }
        let details = [tracking.justification, tracking.ticket.map { "ticket \($0)" }, tracking.owner.map { "owner \($0)" },
                       tracking.date.map { "decided \($0)" }].compactMap { $0 }
        if !details.isEmpty { status += " (\(details.joined(separator: "; ")))" }
        return [
            FactView(label: "Tracking", value: status, isKnown: true),
            FactView(label: "Residual risk", value: tracking.residualRisk(of: finding.severity)?.label ?? "None", isKnown: true),
        ]
    }

    /// `7.0`: one decimal, no locale.
    static func score(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}

extension EvidenceView {
    /// `evidence` gathered by model path and place, in first-seen order; `modelFile` is written as `line N`.
    static func lines(_ evidence: [Evidence], modelFile: String) -> [EvidenceView] {
        var views: [EvidenceView] = []
        for item in evidence {
            let location = item.modelLocation.map { $0.file == modelFile ? "line \($0.line)" : $0.description }
            let value = EvidenceValueView(fact: item.fact.map(Code.init), value: Code(item.value))
            if let index = views.firstIndex(where: { $0.path.text == item.path.description && $0.modelLocation == location
                                                     && $0.codeLocation?.text == item.codeLocation?.description }) {
                views[index].values.append(value)
                if let detail = item.detail { views[index].details.append(Code(detail)) }
            } else {
                views.append(EvidenceView(path: Code(item.path.description), modelLocation: location,
                                          codeLocation: item.codeLocation.map { Code($0.description) },
                                          values: [value], details: item.detail.map { [Code($0)] } ?? []))
            }
        }
        return views
    }
}

extension ReferenceView {
    /// A link only for an `http(s)` URL that can end neither the `href` nor a Markdown autolink
    /// (`HTMLEscaping.webURL`, checked on Unicode scalars); anything else is shown as text.
    init(_ reference: String) {
        self.init(text: reference, url: HTMLEscaping.webURL(reference))
    }
}

extension FindingLinkView {
    init(_ item: FindingView) {
        self.init(id: item.id, anchor: item.anchor, title: item.title, severity: item.severity, severityClass: item.severityClass)
    }
}

/// HTML anchors: `[A-Za-z0-9-]` only, so they need no escaping anywhere.
enum Anchor {
    static func finding(_ id: String) -> String { "finding-" + slug(id) }
    static func component(_ name: String) -> String { "component-" + slug(name) }
    /// The CSS class of an environment (`env-production-…`): ASCII letters, digits and `-` only.
    static func environment(_ name: String) -> String { "env-" + slug(name) }
    static func environmentClasses(_ names: [String]) -> String { names.map(environment).joined(separator: " ") }

    static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                result.unicodeScalars.append(scalar)
            } else if !result.hasSuffix("-") {
                result += "-"
            }
        }
        // Different ids may share a slug; a short checksum keeps anchors unique and stable.
        return result + "-" + String(checksum(text), radix: 36)
    }

    private static func checksum(_ text: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}

