/// The kinds of control a team can claim (`controls[].kind` in the model), and where the model shows each.
///
/// Catalog entries name the kinds their findings contradict (`controls:`), so the review of claimed
/// controls rests on the catalog's knowledge, not on report sections.
public struct ControlKind: Sendable {
    public var name: String
    /// A sentence saying where the model shows the control, or nil when it does not.
    var shownBy: @Sendable (ArchitectureModel) -> String?

    /// Every known kind, by name.
    public static let all: [String: ControlKind] = Dictionary(uniqueKeysWithValues: kinds.map { ($0.name, $0) })

    static let kinds: [ControlKind] = [
        ControlKind(name: "authentication") { model in
            let mechanisms = (model.auth ?? []).filter { $0.type != .none }.map(\.id)
            return mechanisms.isEmpty ? nil : "the model lists auth mechanisms \(mechanisms.joined(separator: ", "))"
        },
        ControlKind(name: "authorization") { model in
            let scoped = (model.routers ?? []).flatMap(\.endpoints).filter { !($0.scopes ?? []).isEmpty || $0.checksObjectOwnership == true }
            return scoped.isEmpty ? nil : "\(scoped.count) endpoint(s) declare scopes or ownership checks"
        },
        ControlKind(name: "rate_limiting") { model in
            if (model.middleware ?? []).contains(where: { $0.type == .rateLimit }) { return "a rate_limit middleware is registered" }
            let limited = (model.routers ?? []).flatMap(\.endpoints).filter { $0.rateLimit != nil }
            if !limited.isEmpty { return "\(limited.count) endpoint(s) declare a rate limit" }
            return model.deployment?.ingress?.rateLimiting == true ? "the ingress rate-limits" : nil
        },
        ControlKind(name: "input_validation") { model in
            (model.models ?? []).isEmpty ? nil : "the model lists \((model.models ?? []).count) Pydantic model(s)"
        },
        ControlKind(name: "tls") { model in
            model.deployment?.ingress?.tls == true || model.deployment?.publicUrl?.hasPrefix("https://") == true
                ? "the deployment serves \(model.deployment?.publicUrl ?? "the API") over TLS" : nil
        },
        ControlKind(name: "cors") { model in
            (model.middleware ?? []).contains { $0.type == .cors } ? "CORSMiddleware is registered" : nil
        },
        ControlKind(name: "csrf") { _ in nil },
        ControlKind(name: "security_headers") { model in
            (model.middleware ?? []).contains { $0.type == .securityHeaders } ? "a security-headers middleware is registered" : nil
        },
        ControlKind(name: "logging") { model in model.logging == nil ? nil : "the model describes logging" },
        ControlKind(name: "error_handling") { model in
            (model.app?.exceptionHandlers ?? []).isEmpty ? nil : "exception handlers are registered"
        },
        ControlKind(name: "dependency_scanning") { model in model.build?.dependencyScanning.map { "the build runs \($0)" } },
        ControlKind(name: "secrets") { model in model.deployment?.secrets.map { "secrets come from \($0.rawValue)" } },
        ControlKind(name: "container_security") { model in
            model.deployment?.container == nil ? nil : "the model describes the container"
        },
        ControlKind(name: "network_segmentation") { model in
            model.deployment?.kubernetes?.networkPolicies == true ? "NetworkPolicies are in place" : nil
        },
        ControlKind(name: "code_review") { model in model.build?.codeReview.map { "code review is \($0)" } },
        ControlKind(name: "documentation") { model in
            model.app?.openapiUrl == .disabled ? "openapi_url is None" : nil
        },
    ]
}
