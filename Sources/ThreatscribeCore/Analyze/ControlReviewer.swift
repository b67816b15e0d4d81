/// Reviews each control the team claims against the findings: a claim that a finding contradicts is
/// reported as contradicted, one the model backs as supported, and the rest as unverifiable.
struct ControlReviewer {
    /// Which report components bear on a control of each kind.
    static let componentsByKind: [String: [String]] = [
        "authentication": [Component.routing, Component.authentication],
        "authorization": [Component.routing],
        "rate_limiting": [Component.middleware, Component.server],
        "input_validation": [Component.validation],
        "tls": [Component.dataFlow, Component.deployment],
        "https": [Component.dataFlow, Component.deployment],
        "cors": [Component.cors],
        "csrf": [Component.cors, Component.middleware],
        "security_headers": [Component.middleware],
        "logging": [Component.errors],
        "error_handling": [Component.errors],
        "dependency_scanning": [Component.build, Component.dependencies],
        "secrets": [Component.deployment, Component.authentication],
        "container_security": [Component.deployment],
        "network_segmentation": [Component.deployment],
        "code_review": [Component.build],
        "documentation": [Component.openAPI],
    ]

    func reviews(of model: LoadedModel, findings: [Finding]) -> [ControlReview] {
        (model.base.controls ?? []).map { control in
            let label = [control.id, control.name].compactMap { $0 }.joined(separator: ": ")
            guard let kind = control.kind, let components = Self.componentsByKind[kind] else {
                return ControlReview(control: label, claim: control.claim, verdict: .unverifiable,
                                     reason: "The model gives no kind threatscribe can check this claim against (use one of \(Self.componentsByKind.keys.sorted().joined(separator: ", "))).",
                                     relatedFindings: [])
            }
            let related = findings.filter { components.contains($0.component) && $0.severity >= .medium }
            if !related.isEmpty {
                let list = related.prefix(5).map { "\($0.id) (\($0.severity.label))" }.joined(separator: ", ")
                return ControlReview(control: label, claim: control.claim, verdict: .contradicted,
                                     reason: "Findings in \(components.joined(separator: " / ")) show gaps: \(list).",
                                     relatedFindings: related.map(\.id))
            }
            let lower = findings.filter { components.contains($0.component) }
            return ControlReview(control: label, claim: control.claim, verdict: lower.isEmpty ? .supported : .unverifiable,
                                 reason: lower.isEmpty
                                    ? "No finding in \(components.joined(separator: " / ")) contradicts it; threatscribe checked what the model describes, not the running system."
                                    : "Only low-severity findings bear on it: \(lower.map(\.id).joined(separator: ", ")).",
                                 relatedFindings: lower.map(\.id))
        }
    }
}
