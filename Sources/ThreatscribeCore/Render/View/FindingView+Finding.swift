import Foundation

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
        let description = ProseExcerpt.leading(2, of: finding.description)
        let evidence = EvidenceView.lines(
            finding.evidence.filter { ($0.detail != nil || !varying.contains(VariationTableView.key(of: $0))) && $0.fact != "env.kind" },
            modelFile: modelFile, statedIn: description + "\n\n" + finding.recommendation)
        var title = EnvironmentFreeTitle.title(finding.title, environments: environments)
        let rootIDs = group.rootIDs
        let shownEnvironments = group.environments(in: environments)
        // The other elements' ids, except those the fix already lists ("This also fixes", the header table).
        let merged = rootIDs.dropFirst().filter { !TextSearch.contains(finding.recommendation, "`\($0)`") }
        if group.isAcrossEndpoints {
            let others = rootIDs.count - 1
            title += " (and \(others) more endpoint\(others == 1 ? "" : "s"))"
        }
        self.init(
            id: group.id,
            idCode: Code(group.id),
            mergedIDs: merged.prefix(10).map(Code.init),
            moreMerged: merged.count > 10 ? "and \(merged.count - 10) more" : nil,
            anchor: Anchor.finding(group.id),
            threatID: finding.threatID,
            title: title,
            severity: finding.severity.label,
            severityClass: finding.severity.rawValue,
            likelihood: "\(finding.likelihood.label) (\(Self.score(finding.likelihoodScore)))",
            impact: "\(finding.impact.label) (\(Self.score(finding.impactScore)))",
            confidence: finding.confidence == .clearCut ? "clear-cut" : "judgment",
            component: finding.component,
            subjectName: finding.subjectName,
            subjectNote: title.contains(finding.subjectName) ? nil : finding.subjectName,
            subjectPath: Code(finding.subjectPath.description),
            codeLocations: codeLocations,
            environmentList: list(shownEnvironments),
            environmentClasses: Anchor.environmentClasses(shownEnvironments),
            shownFor: shownEnvironments.count > 1 && finding.environments.count == 1 ? finding.environments[0] : nil,
            variations: variations,
            evidence: evidence,
            hasEvidence: !evidence.isEmpty,
            description: Prose(description),
            impactText: Prose(ProseExcerpt.leading(2, of: finding.impactText)),
            recommendation: Prose(finding.recommendation),
            validation: Prose(finding.validation),
            falsePositives: finding.falsePositives.map { Prose(ProseExcerpt.leading(1, of: $0)) },
            standards: Self.standards(finding),
            mappings: [
                FactView(label: "Likelihood", value: Self.score(finding.likelihoodScore), isKnown: true),
                FactView(label: "Impact", value: Self.score(finding.impactScore), isKnown: true),
                FactView(label: "STRIDE", value: finding.stride.map(\.rawValue).joined(), isKnown: true),
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
    /// A value the item's text already states (`description`: its description and fix) is left out: the
    /// line then gives only where the model says it.
    static func lines(_ evidence: [Evidence], modelFile: String, statedIn description: String = "") -> [EvidenceView] {
        var views: [EvidenceView] = []
        var positions: [Place: Int] = [:]
        for item in evidence {
            let location = item.modelLocation.map { $0.file == modelFile ? "line \($0.line)" : $0.description }
            // `build.sbom` = `false`, not `build.sbom`: `sbom` = `false`: a fact named like the path's last key says nothing more.
            let fact = item.fact.flatMap { fact in item.path.components.last == .key(fact) ? nil : Code(fact) }
            let values = isStated(item.value, in: description) ? [] : [EvidenceValueView(fact: fact, value: Code(cappedList(item.value)))]
            let place = Place(path: item.path.description, modelLocation: location, codeLocation: item.codeLocation?.description)
            if let index = positions[place] {
                views[index].values += values
                views[index].hasValues = !views[index].values.isEmpty
                if let detail = item.detail { views[index].details.append(Code(detail)) }
            } else {
                positions[place] = views.count
                views.append(EvidenceView(path: Code(place.path), modelLocation: location,
                                          codeLocation: place.codeLocation.map(Code.init),
                                          values: values, hasValues: !values.isEmpty, details: item.detail.map { [Code($0)] } ?? []))
            }
        }
        return views
    }

    /// Where an evidence line is: the lines of one place are gathered into one view.
    private struct Place: Hashable {
        var path: String
        var modelLocation: String?
        var codeLocation: String?
    }

    /// A Python list literal of more than `FactValue.proseListLimit` strings (`["GET /a", …]`) cut after
    /// that many, saying how many more there are; any other value unchanged.
    static func cappedList(_ value: String) -> String {
        guard value.hasPrefix("[\""), value.hasSuffix("]") else { return value }
        var inString = false
        var escaped = false
        var elements = 0
        var cut: String.Index? = nil
        for index in value.indices {
            let character = value[index]
            if escaped { escaped = false; continue }
            if inString {
                if character == "\\" { escaped = true } else if character == "\"" { inString = false; elements += 1
                    if elements == FactValue.proseListLimit { cut = value.index(after: index) } }
            } else if character == "\"" {
                inString = true
            }
        }
        guard let cut, elements > FactValue.proseListLimit else { return value }
        return value[..<cut] + ", … and \(elements - FactValue.proseListLimit) more]"
    }

    /// Whether `description` states `value` (an empty value says nothing): as a code span, or verbatim when it is more than a word
    /// (`python:3.12`), or every element of a list value (`["a", "b"]`), in code spans or as text.
    static func isStated(_ value: String, in description: String) -> Bool {
        if value.isEmpty { return true }
        guard !description.isEmpty else { return false }
        if TextSearch.contains(description, "`\(value)`") { return true }
        if value.count >= 6, value.contains(where: { !$0.isLetter }), TextSearch.contains(description, value) { return true }
        guard value.hasPrefix("[\""), value.hasSuffix("\"]"), value.count > 4 else { return false }
        // A list as the description writes it: each element in a code span, or as a bullet of plain
        // (Markdown-escaped) text.
        let plain = description.replacingOccurrences(of: "\\", with: "")
        let elements = value.dropFirst(2).dropLast(2).components(separatedBy: "\", \"").map {
            $0.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return elements.allSatisfy { element in
            !element.isEmpty && (TextSearch.contains(description, "`\(element)`")
                || (element.count >= 6 && plain.contains(element.replacingOccurrences(of: "\\", with: ""))))
        }
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

