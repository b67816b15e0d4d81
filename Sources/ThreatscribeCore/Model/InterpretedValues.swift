/// Values of model fields the analysis interprets, validated when the model loads (a misspelling gets
/// a suggestion) and documented with what each makes the analysis do. The model keeps them as strings;
/// these enums are their vocabulary.

/// `server.kind`: the ASGI server that runs the app.
public enum ServerKind: String, CaseIterable, Sendable, AnalysisMeaning {
    case uvicorn
    case fastapiRun = "fastapi run"
    case fastapiDev = "fastapi dev"
    case gunicorn, hypercorn, granian, daphne, other

    public var analysisMeaning: String {
        switch self {
        case .uvicorn: "Uvicorn: the uvicorn findings apply (proxy-header trust, limits, `Server` header); defaults host 127.0.0.1, port 8000."
        case .fastapiRun: "`fastapi run` (uvicorn underneath): the uvicorn findings apply; binds 0.0.0.0 by default."
        case .fastapiDev: "`fastapi dev` (uvicorn with auto-reload, 127.0.0.1): the uvicorn findings apply, and `reload` counts as on."
        case .gunicorn: "Gunicorn (usually with uvicorn workers): uvicorn-specific findings and defaults do not apply; describe the settings explicitly."
        case .hypercorn: "Hypercorn: uvicorn-specific findings and defaults do not apply."
        case .granian: "Granian: uvicorn-specific findings and defaults do not apply."
        case .daphne: "Daphne: uvicorn-specific findings and defaults do not apply."
        case .other: "Another server: no server-specific findings or defaults."
        }
    }
}

/// `build.code_review`.
public enum CodeReviewPolicy: String, CaseIterable, Sendable, AnalysisMeaning {
    case required, optional, none

    public var analysisMeaning: String {
        switch self {
        case .required: "An approving review is required before merge: TS-BUILD-002 does not fire; a claimed `code_review` control is shown."
        case .optional: "Reviews happen but are not enforced: TS-BUILD-002 fires."
        case .none: "No review: TS-BUILD-002 fires."
        }
    }
}

/// `build.dependency_scanning`: the tool that scans dependencies for known vulnerabilities.
public enum DependencyScanner: String, CaseIterable, Sendable, AnalysisMeaning {
    case dependabot, renovate
    case pipAudit = "pip-audit"
    case safety, snyk, trivy, grype
    case osvScanner = "osv-scanner"
    case githubDependencyReview = "github-dependency-review"
    case other, none

    public var analysisMeaning: String {
        switch self {
        case .none: "No scanning: TS-DEP-002 fires."
        case .other: "A scanner not listed here: counts as scanning."
        default: "Counts as scanning: TS-DEP-002 does not fire; a claimed `dependency_scanning` control is shown."
        }
    }
}

/// `build.lock_file`.
public enum LockFile: String, CaseIterable, Sendable, AnalysisMeaning {
    case uvLock = "uv.lock"
    case poetryLock = "poetry.lock"
    case pdmLock = "pdm.lock"
    case pipfileLock = "Pipfile.lock"
    case requirementsWithHashes = "requirements.txt with hashes"
    case requirementsPinned = "requirements.txt pinned"
    case other, none

    public var analysisMeaning: String {
        switch self {
        case .none: "No lock file: versions resolve at install time. Shown in the report (pinning findings read `dependency_pinning`)."
        case .requirementsPinned: "`requirements.txt` with every version pinned (`==`) but no `--hash`. Shown in the report."
        case .requirementsWithHashes: "`requirements.txt` with pinned versions and `--hash` (`pip-compile --generate-hashes`). Shown in the report."
        case .other: "Another lock file. Shown in the report."
        default: "A lock file: installed versions are fixed. Shown in the report."
        }
    }
}

/// `deployment.kubernetes.rbac`.
public enum KubernetesRBAC: String, CaseIterable, Sendable, AnalysisMeaning {
    case leastPrivilege = "least_privilege"
    case `default`
    case broad

    public var analysisMeaning: String {
        switch self {
        case .leastPrivilege: "The API's service account has only the permissions it needs: no RBAC finding."
        case .default: "The namespace's default service account, no extra bindings: no RBAC finding."
        case .broad: "Broad permissions (cluster-wide roles, wildcards, secrets access): TS-DEPLOY-003 fires outside development."
        }
    }
}

/// `deployment.kubernetes.pod_security`.
public enum PodSecurityLevel: String, CaseIterable, Sendable, AnalysisMeaning {
    case restricted, baseline, privileged
    case policyEngine = "policy_engine"
    case none

    public var analysisMeaning: String {
        switch self {
        case .restricted: "Pod Security Standard `restricted` is enforced. Shown in the report."
        case .baseline: "Pod Security Standard `baseline` is enforced. Shown in the report."
        case .privileged: "Pod Security Standard `privileged` (no restriction). Shown in the report."
        case .policyEngine: "A policy engine (Kyverno, Gatekeeper) enforces pod rules. Shown in the report."
        case .none: "Nothing restricts pod specifications. Shown in the report."
        }
    }
}

/// `clients[].type`.
public enum ClientType: String, CaseIterable, Sendable, AnalysisMeaning {
    case browserSPA = "browser_spa"
    case serverRenderedWeb = "server_rendered_web"
    case mobileApp = "mobile_app"
    case desktopApp = "desktop_app"
    case service, cli, other

    public var analysisMeaning: String {
        switch self {
        case .browserSPA, .serverRenderedWeb, .desktopApp: "Runs in a browser or web view. Shown in the report; the CORS analysis uses the client's `origin`, whatever its type."
        case .mobileApp, .service, .cli, .other: "Shown in the report; no finding depends on the type."
        }
    }
}

/// `external_services[].protocol`.
public enum ServiceProtocol: String, CaseIterable, Sendable, AnalysisMeaning {
    case https, http, grpcs, grpc, wss, ws, smtps, smtp, amqps, amqp, mqtts, mqtt, ldaps, ldap, sftp, ftp, tls, other

    public var analysisMeaning: String {
        if DataFlowAnalyzer.encryptedProtocols.contains(rawValue) { return "Encrypted: counts as TLS unless `tls` says otherwise." }
        if DataFlowAnalyzer.plainProtocols.contains(rawValue) { return "Plain text: counts as no TLS unless `tls` says otherwise; cleartext findings fire." }
        return self == .other ? "Another protocol: TLS only as `tls` or the URL says." : "TLS only as `tls` says (e.g. STARTTLS)."
    }
}

/// `external_services[].authentication`: how the API authenticates to the service.
public enum ServiceAuthentication: String, CaseIterable, Sendable, AnalysisMeaning {
    case apiKey = "api_key"
    case oauth2ClientCredentials = "oauth2_client_credentials"
    case bearerToken = "bearer_token"
    case basic, mtls
    case signedRequest = "signed_request"
    case workloadIdentity = "workload_identity"
    case other, none

    public var analysisMeaning: String {
        switch self {
        case .none: "The API sends no credential. Shown in the report."
        case .workloadIdentity: "Cloud workload identity (IAM role, managed identity): no stored secret. Shown in the report."
        default: "Shown in the report; where the credential comes from is `credentials_source`."
        }
    }
}
