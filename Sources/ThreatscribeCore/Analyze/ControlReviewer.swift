/// Reviews each control the team claims against the model and the findings, on what the claim says:
/// its kind, its subject (`covers`), its environments and whether it says the control is in place.
///
/// Only findings about the claim's subject are cited: their catalog entry names the claim's kind
/// (`controls:`), their model path lies under one of the claim's `covers` paths (when given), and they
/// hold in one of the claim's environments. A claim that the control is in place is contradicted by such
/// a finding of medium severity or more, supported when the model shows the control and nothing
/// contradicts it, unverifiable otherwise. A claim that it is *not* in place (`status: not_implemented`
/// or `planned`) is never contradicted by findings: they confirm it; the model showing the control
/// contradicts it. A claim whose meaning one model fact decides (a WebSocket origin check, CORS origins
/// without `*`) is reviewed on that fact first (`ControlClaimReading`).
struct ControlReviewer {
    func reviews(of model: LoadedModel, findings: [Finding]) -> [ControlReview] {
        (model.base.controls ?? []).map { review(of: $0, model: model, findings: findings) }
    }

    private func review(of control: ClaimedControl, model: LoadedModel, findings: [Finding]) -> ControlReview {
        let label = [control.id, control.name].compactMap { $0 }.joined(separator: ": ")
        guard let name = control.kind, let kind = ControlKind.all[name] else {
            return ControlReview(
                control: label, claim: control.claim, verdict: .unverifiable,
                reason: "The claim has no `kind`, so threatscribe cannot tell which findings bear on it (kinds: \(ControlKind.all.keys.sorted().joined(separator: ", "))).",
                relatedFindings: [])
        }
        let environments = Self.environments(of: control, in: model)
        let reading = ControlClaimReading(control: control, environments: model.environments.filter { environments.contains($0.name) },
                                          allEnvironments: model.environments, label: label)
        if let decided = reading.review(findings: findings) { return decided }
        let related = findings.filter { finding in
            finding.controls.contains(name)
                && Self.isAbout(finding, covers: control.covers)
                && !Set(finding.environments).isDisjoint(with: environments)
        }
        let scope = Self.scopeNote(control, environments: environments, model: model)
        if !(control.status ?? .implemented).claimsPresence {
            return reviewOfAbsence(control, label: label, kind: kind, related: related, scope: scope, model: model)
        }
        let serious = related.filter { $0.severity >= .medium }
        if !serious.isEmpty {
            let list = serious.prefix(5).map { "\($0.id) (\($0.severity.label))" }.joined(separator: ", ")
            let more = serious.count > 5 ? " and \(serious.count - 5) more" : ""
            return ControlReview(control: label, claim: control.claim, verdict: .contradicted,
                                 reason: "Findings of medium severity or more show the claim does not hold as modelled: \(list)\(more). Findings considered: \(scope).",
                                 relatedFindings: serious.map(\.id))
        }
        guard let shown = kind.shownBy(model.base) else {
            return ControlReview(control: label, claim: control.claim, verdict: .unverifiable,
                                 reason: "The model does not show where this control is enforced, so the claim cannot be checked; describe it in the model (the middleware, endpoint or deployment settings that implement it).",
                                 relatedFindings: related.map(\.id))
        }
        let lowNote = related.isEmpty ? "" : " Lower-severity findings bear on it."
        return ControlReview(control: label, claim: control.claim, verdict: .supported,
                             reason: "The model shows it (\(shown)) and no finding of medium severity or more contradicts it; checked against the model, not the running system.\(lowNote) Findings considered: \(scope).",
                             relatedFindings: related.map(\.id))
    }

    /// A claim that the control is missing or only planned.
    private func reviewOfAbsence(_ control: ClaimedControl, label: String, kind: ControlKind, related: [Finding], scope: String, model: LoadedModel) -> ControlReview {
        let status = (control.status ?? .implemented).rawValue
        if control.covers == nil, let shown = kind.shownBy(model.base) {
            return ControlReview(control: label, claim: control.claim, verdict: .contradicted,
                                 reason: "The claim says the control is `\(status)`, but the model shows it (\(shown)).", relatedFindings: [])
        }
        let confirming = related.isEmpty ? "" : " Findings agree: \(related.prefix(5).map(\.id).joined(separator: ", "))\(related.count > 5 ? " and \(related.count - 5) more" : "") (considered: \(scope))."
        return ControlReview(control: label, claim: control.claim, verdict: .supported,
                             reason: "The claim says the control is `\(status)`, and the model does not show it.\(confirming)",
                             relatedFindings: related.map(\.id))
    }

    /// The claim's environments; absent: the production-like ones when the model has any, else all.
    static func environments(of control: ClaimedControl, in model: LoadedModel) -> Set<String> {
        if let named = control.environments { return Set(named) }
        let productionLike = model.environments.filter { $0.kind?.isProductionLike == true }.map(\.name)
        return Set(productionLike.isEmpty ? model.environments.map(\.name) : productionLike)
    }

    /// The finding's model path lies under one of `covers` (every finding when `covers` is absent).
    static func isAbout(_ finding: Finding, covers: [String]?) -> Bool {
        guard let covers else { return true }
        let path = finding.subjectPath.components
        return covers.contains { cover in
            let prefix = ModelPath(parsing: cover).components
            return path.count >= prefix.count && Array(path.prefix(prefix.count)) == prefix
        }
    }

    /// "kind `tls`, under `deployment.ingress`, in production", for the reasons.
    static func scopeNote(_ control: ClaimedControl, environments: Set<String>, model: LoadedModel) -> String {
        var parts = ["kind `\(control.kind ?? "")`"]
        if let covers = control.covers { parts.append("under " + covers.map { "`\($0)`" }.joined(separator: ", ")) }
        if model.environments.count > 1 { parts.append("in " + environments.sorted().joined(separator: ", ")) }
        return parts.joined(separator: ", ")
    }
}
