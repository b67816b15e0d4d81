extension FindingView {
    init(_ finding: Finding) {
        let list = { (items: [String]) in items.isEmpty ? "none" : items.joined(separator: ", ") }
        self.init(
            id: finding.id,
            anchor: Anchor.finding(finding.id),
            threatID: finding.threatID,
            title: finding.title,
            severity: finding.severity.label,
            severityClass: finding.severity.rawValue,
            likelihood: "\(finding.likelihood.label) (\(Self.score(finding.likelihoodScore)))",
            impact: "\(finding.impact.label) (\(Self.score(finding.impactScore)))",
            confidence: finding.confidence == .clearCut
                ? "clear-cut: the model shows the weakness directly"
                : "judgment: the model suggests it; a reviewer must confirm",
            component: finding.component,
            subjectName: finding.subjectName,
            subjectPath: Code(finding.subjectPath.description),
            mappings: [
                FactView(label: "STRIDE", value: list(finding.stride.map { "\($0.name) (\($0.rawValue))" }), isKnown: true),
                FactView(label: "CWE", value: "\(finding.cwe.id): \(finding.cwe.name)", isKnown: true),
                FactView(label: "OWASP API Security Top 10 2023", value: list(finding.owaspAPI2023), isKnown: true),
                FactView(label: "OWASP Top 10 2021", value: list(finding.owasp2021), isKnown: true),
                FactView(label: "OWASP Top 10 2025", value: list(finding.owasp2025), isKnown: true),
                FactView(label: "ASVS 5.0.0", value: list(finding.asvs5), isKnown: true),
                FactView(label: "ASVS 4.0.3", value: list(finding.asvs4), isKnown: true),
                FactView(label: "NIST SP 800-53", value: list(finding.nist80053), isKnown: true),
            ] + Self.trackingFacts(finding),
            environmentList: list(finding.environments),
            environmentClasses: Anchor.environmentClasses(finding.environments),
            evidence: finding.evidence.map(EvidenceView.init),
            description: Prose(finding.description),
            impactText: Prose(finding.impactText),
            recommendation: Prose(finding.recommendation),
            validation: Prose(finding.validation),
            falsePositives: finding.falsePositives.map(Prose.init),
            references: finding.references.map(ReferenceView.init),
            hasReferences: !finding.references.isEmpty
        )
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
    init(_ evidence: Evidence) {
        self.init(
            fact: evidence.fact.map(Code.init),
            path: Code(evidence.path.description),
            value: Code(evidence.value),
            modelLocation: evidence.modelLocation.map { Code($0.description) },
            codeLocation: evidence.codeLocation.map { Code($0.description) },
            detail: evidence.detail.map(Code.init)
        )
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
    init(_ finding: Finding) {
        self.init(
            id: finding.id, anchor: Anchor.finding(finding.id), title: finding.title,
            severity: finding.severity.label, severityClass: finding.severity.rawValue
        )
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
