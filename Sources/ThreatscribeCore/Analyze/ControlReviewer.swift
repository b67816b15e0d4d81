/// Reviews each control the team claims against the model and the findings: contradicted when a
/// finding of medium severity or more contradicts that kind of control (the catalog says which), supported
/// when the model shows the control and nothing contradicts it, unverifiable when the model does not show it.
struct ControlReviewer {
    func reviews(of model: LoadedModel, findings: [Finding]) -> [ControlReview] {
        (model.base.controls ?? []).map { control in
            let label = [control.id, control.name].compactMap { $0 }.joined(separator: ": ")
            guard let name = control.kind, let kind = ControlKind.all[name] else {
                return ControlReview(
                    control: label, claim: control.claim, verdict: .unverifiable,
                    reason: "The claim has no kind threatscribe can check (kinds: \(ControlKind.all.keys.sorted().joined(separator: ", "))).",
                    relatedFindings: [])
            }
            let related = findings.filter { $0.controls.contains(name) }
            let serious = related.filter { $0.severity >= .medium }
            if !serious.isEmpty {
                let list = serious.prefix(5).map { "\($0.id) (\($0.severity.label))" }.joined(separator: ", ")
                let more = serious.count > 5 ? " and \(serious.count - 5) more" : ""
                return ControlReview(control: label, claim: control.claim, verdict: .contradicted,
                                     reason: "Findings of medium severity or more show the claim does not hold as modelled: \(list)\(more).", relatedFindings: serious.map(\.id))
            }
            guard let shown = kind.shownBy(model.base) else {
                return ControlReview(control: label, claim: control.claim, verdict: .unverifiable,
                                     reason: "The model does not show where this control is enforced, so the claim cannot be checked; describe it in the model (the middleware, endpoint or deployment settings that implement it).",
                                     relatedFindings: related.map(\.id))
            }
            let lowNote = related.isEmpty ? "" : " Lower-severity findings bear on it."
            return ControlReview(control: label, claim: control.claim, verdict: .supported,
                                 reason: "The model shows it (\(shown)) and no finding of medium severity or more contradicts it; checked against the model, not the running system.\(lowNote)",
                                 relatedFindings: related.map(\.id))
        }
    }
}
