/// Reviews each control the team claims against the model and the findings:
/// contradicted when a finding of medium severity or more bears on it, supported when the model
/// shows the control and no such finding exists, unverifiable when the model does not show it.
struct ControlReviewer {
    /// What bears on a claimed control of one kind: report components, and whether the model shows it.
    struct Check: Sendable {
        var components: [String]
        /// A sentence saying where the model shows the control, or nil when it does not.
        var shownBy: @Sendable (ArchitectureModel) -> String?
    }

    static let checks: [String: Check] = [
        "authentication": Check(components: [Component.routing, Component.authentication]) { model in
            let mechanisms = (model.auth ?? []).filter { $0.type != .none }.map(\.id)
            return mechanisms.isEmpty ? nil : "the model lists auth mechanisms \(mechanisms.joined(separator: ", "))"
        },
        "authorization": Check(components: [Component.routing]) { model in
            let scoped = (model.routers ?? []).flatMap(\.endpoints).filter { !($0.scopes ?? []).isEmpty || $0.checksObjectOwnership == true }
            return scoped.isEmpty ? nil : "\(scoped.count) endpoint(s) declare scopes or ownership checks"
        },
        "rate_limiting": Check(components: [Component.middleware, Component.server]) { model in
            if (model.middleware ?? []).contains(where: { $0.type == .rateLimit }) { return "a rate_limit middleware is registered" }
            let limited = (model.routers ?? []).flatMap(\.endpoints).filter { $0.rateLimit != nil }
            if !limited.isEmpty { return "\(limited.count) endpoint(s) declare a rate limit" }
            if model.deployment?.ingress?.rateLimiting == true { return "the ingress rate-limits" }
            return nil
        },
        "input_validation": Check(components: [Component.validation]) { model in
            (model.models ?? []).isEmpty ? nil : "the model lists \((model.models ?? []).count) Pydantic model(s)"
        },
        "tls": Check(components: [Component.dataFlow, Component.deployment]) { model in
            model.deployment?.ingress?.tls == true || model.deployment?.publicUrl?.hasPrefix("https://") == true
                ? "the deployment terminates TLS for \(model.deployment?.publicUrl ?? "the public URL")" : nil
        },
        "cors": Check(components: [Component.cors]) { model in
            (model.middleware ?? []).contains { $0.type == .cors } ? "CORSMiddleware is registered" : nil
        },
        "csrf": Check(components: [Component.cors, Component.middleware, Component.routing]) { _ in nil },
        "security_headers": Check(components: [Component.middleware]) { model in
            (model.middleware ?? []).contains { $0.type == .securityHeaders } ? "a security-headers middleware is registered" : nil
        },
        "logging": Check(components: [Component.errors]) { model in model.logging == nil ? nil : "the model describes logging" },
        "error_handling": Check(components: [Component.errors]) { model in
            (model.app?.exceptionHandlers ?? []).isEmpty ? nil : "exception handlers are registered"
        },
        "dependency_scanning": Check(components: [Component.build, Component.dependencies]) { model in
            model.build?.dependencyScanning.map { "the build runs \($0)" }
        },
        "secrets": Check(components: [Component.deployment, Component.authentication]) { model in
            model.deployment?.secrets.map { "secrets come from \($0.rawValue)" }
        },
        "container_security": Check(components: [Component.deployment]) { model in
            model.deployment?.container == nil ? nil : "the model describes the container"
        },
        "network_segmentation": Check(components: [Component.deployment]) { model in
            model.deployment?.kubernetes?.networkPolicies == true ? "NetworkPolicies are in place" : nil
        },
        "code_review": Check(components: [Component.build]) { model in
            model.build?.codeReview.map { "code review is \($0)" }
        },
        "documentation": Check(components: [Component.openAPI]) { _ in nil },
    ]

    func reviews(of model: LoadedModel, findings: [Finding]) -> [ControlReview] {
        (model.base.controls ?? []).map { control in
            let label = [control.id, control.name].compactMap { $0 }.joined(separator: ": ")
            guard let kind = control.kind, let check = Self.checks[kind] else {
                return ControlReview(
                    control: label, claim: control.claim, verdict: .unverifiable,
                    reason: "The claim has no kind threatscribe can check (kinds: \(Self.checks.keys.sorted().joined(separator: ", "))).",
                    relatedFindings: [])
            }
            let related = findings.filter { check.components.contains($0.component) }
            let serious = related.filter { $0.severity >= .medium }
            if !serious.isEmpty {
                let list = serious.prefix(5).map { "\($0.id) (\($0.severity.label))" }.joined(separator: ", ")
                let more = serious.count > 5 ? " and \(serious.count - 5) more" : ""
                return ControlReview(control: label, claim: control.claim, verdict: .contradicted,
                                     reason: "Findings in \(check.components.joined(separator: " / ")) show gaps: \(list)\(more).",
                                     relatedFindings: serious.map(\.id))
            }
            guard let shown = check.shownBy(model.base) else {
                return ControlReview(control: label, claim: control.claim, verdict: .unverifiable,
                                     reason: "The model does not show where this control is enforced, so the claim cannot be checked; describe it in the model (e.g. the middleware or endpoint settings that implement it).",
                                     relatedFindings: related.map(\.id))
            }
            return ControlReview(control: label, claim: control.claim, verdict: .supported,
                                 reason: "The model shows it (\(shown)) and no finding of medium severity or more contradicts it; checked against the model, not the running system.",
                                 relatedFindings: related.map(\.id))
        }
    }
}
