/// The kinds of control a team can claim (`controls[].kind` in the model), and where the model shows each.
///
/// Catalog entries name the kinds their findings contradict (`controls:`), so the review of claimed
/// controls rests on the catalog's knowledge, not on report sections.
public struct ControlKind: Sendable {
    public var name: String
    /// For the model reference: where the analysis looks for the control.
    public var meaning: String
    /// A sentence saying where the model shows the control, or nil when it does not.
    var shownBy: @Sendable (ArchitectureModel) -> String?

    init(name: String, meaning: String, shownBy: @escaping @Sendable (ArchitectureModel) -> String?) {
        self.name = name
        self.meaning = meaning
        self.shownBy = shownBy
    }

    /// `controls[].kind` in the model schema: every kind, each with where the model shows it.
    public static var schema: EnumSchema {
        EnumSchema(name: "ControlKind", cases: kinds.map(\.name),
                   meanings: Dictionary(uniqueKeysWithValues: kinds.map { ($0.name, $0.meaning) }))
    }

    /// Every known kind, by name.
    public static let all: [String: ControlKind] = Dictionary(uniqueKeysWithValues: kinds.map { ($0.name, $0) })

    static let kinds: [ControlKind] = [
        ControlKind(name: "authentication", meaning: "Shown by an `auth` mechanism that is not `type: none`; contradicted by authentication findings (TS-AUTH-*, TS-ROUTE-001/003, TS-SESS-*).") { model in
            let mechanisms = (model.auth ?? []).filter { $0.type != .none }.map(\.id)
            return mechanisms.isEmpty ? nil : "the model lists auth mechanisms \(mechanisms.joined(separator: ", "))"
        },
        ControlKind(name: "authorization", meaning: "Shown by endpoints with `scopes` or `checks_object_ownership`; contradicted by TS-ROUTE-005/006/007/009.") { model in
            let scoped = (model.routers ?? []).flatMap(\.endpoints).filter { !($0.scopes ?? []).isEmpty || $0.checksObjectOwnership == true }
            return scoped.isEmpty ? nil : "\(scoped.count) endpoint(s) declare scopes or ownership checks"
        },
        ControlKind(name: "rate_limiting", meaning: "Shown by a `rate_limit` middleware, an endpoint `rate_limit` or ingress rate limiting; contradicted by TS-MW-007/008, TS-ROUTE-010, TS-AUTH-011/018.") { model in
            if (model.middleware ?? []).contains(where: { $0.type == .rateLimit }) { return "a rate_limit middleware is registered" }
            let limited = (model.routers ?? []).flatMap(\.endpoints).filter { $0.rateLimit != nil }
            if !limited.isEmpty { return "\(limited.count) endpoint(s) declare a rate limit" }
            return model.deployment?.ingress?.rateLimiting == true ? "the ingress rate-limits" : nil
        },
        ControlKind(name: "account_lockout", meaning: "Shown by an `auth` mechanism with `lockout_after_failures`; contradicted by TS-AUTH-011 (guessing without a rate limit or a lockout).") { model in
            let locking = (model.auth ?? []).filter { $0.lockoutAfterFailures != nil }
            return locking.isEmpty ? nil : locking.map { "auth mechanism \($0.id) locks the account after \($0.lockoutAfterFailures!) failed attempts" }.joined(separator: ", ")
        },
        ControlKind(name: "input_validation", meaning: "Shown by Pydantic `models`; contradicted by body-size and body-order findings.") { model in
            (model.models ?? []).isEmpty ? nil : "the model lists \((model.models ?? []).count) Pydantic model(s)"
        },
        ControlKind(name: "tls", meaning: "Shown by ingress TLS or an `https://` public URL; contradicted by cleartext findings (TS-FLOW-*, TS-DEPLOY-007, HSTS).") { model in
            model.deployment?.ingress?.tls == true || model.deployment?.publicUrl?.hasPrefix("https://") == true
                ? "the deployment serves \(model.deployment?.publicUrl ?? "the API") over TLS" : nil
        },
        ControlKind(name: "cors", meaning: "Shown by a CORSMiddleware; contradicted by TS-CORS-* findings.") { model in
            (model.middleware ?? []).contains { $0.type == .cors } ? "CORSMiddleware is registered" : nil
        },
        ControlKind(name: "csrf", meaning: "Never shown by the model (a claim stays unverifiable unless contradicted); contradicted by TS-AUTH-009, TS-SESS-006 and credentialed CORS findings.") { _ in nil },
        ControlKind(name: "security_headers", meaning: "Shown by a security-headers middleware; contradicted by TS-HDR-*.") { model in
            (model.middleware ?? []).contains { $0.type == .securityHeaders } ? "a security-headers middleware is registered" : nil
        },
        ControlKind(name: "logging", meaning: "Shown by a `logging` section; contradicted by TS-ERR-004/005.") { model in model.logging == nil ? nil : "the model describes logging" },
        ControlKind(name: "error_handling", meaning: "Shown by exception handlers; contradicted by TS-ERR-001/002/003, TS-VAL-001.") { model in
            (model.app?.exceptionHandlers ?? []).isEmpty ? nil : "exception handlers are registered"
        },
        ControlKind(name: "dependency_scanning", meaning: "Shown by `build.dependency_scanning` other than `none`; contradicted by TS-DEP-*, advisory findings.") { model in
            model.build?.dependencyScanning.flatMap { $0.lowercased() == DependencyScanner.none.rawValue ? nil : "the build runs \($0)" }
        },
        ControlKind(name: "secrets", meaning: "Shown by `deployment.secrets`; contradicted by literal or plain-environment secret findings.") { model in model.deployment?.secrets.map { "secrets come from \($0.rawValue)" } },
        ControlKind(name: "container_security", meaning: "Shown by `deployment.container`; contradicted by TS-DEPLOY-001/003/005/006/008.") { model in
            model.deployment?.container == nil ? nil : "the model describes the container"
        },
        ControlKind(name: "network_segmentation", meaning: "Shown by Kubernetes NetworkPolicies; contradicted by TS-DEPLOY-002, TS-SRV-009, TS-FLOW-010.") { model in
            model.deployment?.kubernetes?.networkPolicies == true ? "NetworkPolicies are in place" : nil
        },
        ControlKind(name: "code_review", meaning: "Shown by `build.code_review: required`; contradicted by TS-BUILD-002/004.") { model in
            model.build?.codeReview?.lowercased() == CodeReviewPolicy.required.rawValue ? "code review is required" : nil
        },
        ControlKind(name: "documentation", meaning: "Shown by `openapi_url: null`; contradicted by TS-DOCS-* and hidden-endpoint findings.") { model in
            switch model.app?.openapiUrl {
            case .disabled?: "openapi_url is None"
            case .value("")?: "openapi_url is \"\" (FastAPI then serves no schema and no docs)"
            default: nil
            }
        },
    ]
}
