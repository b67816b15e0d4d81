/// What an endpoint is for (`purpose` in the model); the analysis reads it, so it is a closed set.
public enum EndpointPurpose: String, Codable, Sendable, CaseIterable, AnalysisMeaning {
    case login, registration, logout
    case passwordReset = "password_reset"
    case otp
    case oauthCallback = "oauth_callback"
    case admin, upload, download, search, export, payment, webhook, health, other

    public var analysisMeaning: String {
        switch self {
        case .login: "Signs a user in with a credential (a login form, OAuth2 password-flow `/token`). Part of signing in (`is_login`); absent `verifies` means `password`, so brute-force findings apply."
        case .registration: "Creates accounts. No login-specific finding."
        case .logout: "Ends a session. No login-specific finding."
        case .passwordReset: "Requests or completes a password reset. Part of signing in (`is_login`); verifies nothing guessable unless `verifies` says so (a 6-digit code: `guessable_secret`)."
        case .otp: "Checks a one-time code (2FA, e-mail code). Part of signing in; absent `verifies` means `otp`, so brute-force findings apply."
        case .oauthCallback: "Receives an OAuth/OIDC redirect (authorization code and `state`). Part of signing in; verifies nothing guessable, so no brute-force finding."
        case .admin: "Administrative: authorization findings (TS-ROUTE-006/007) apply as for an `admin` path segment."
        case .upload: "Accepts files. Shown in the report."
        case .download: "Returns files. Shown in the report."
        case .search: "Searches or queries. Shown in the report; mark a `POST` search `read_only: true`."
        case .export: "Exports data in bulk. Shown in the report."
        case .payment: "Moves money. Shown in the report."
        case .webhook: "Receives calls from another service. Shown in the report."
        case .health: "A health or readiness check: never reported as a hidden or prefix-bypassing endpoint."
        case .other: "None of the above. Shown in the report."
        }
    }

    /// Part of signing in: login, one-time codes, password resets, OAuth callbacks.
    public var isSignIn: Bool { [.login, .otp, .passwordReset, .oauthCallback].contains(self) }

    /// What the endpoint verifies when the model does not say (`verifies` absent).
    public var defaultVerifiedSecret: VerifiedSecret? {
        switch self {
        case .login: .password
        case .otp: .otp
        default: nil
        }
    }
}

/// What secret an endpoint checks a client's request against (`verifies` in the model), which decides
/// whether guessing it is an attack.
public enum VerifiedSecret: String, Codable, Sendable, CaseIterable, AnalysisMeaning {
    case password, otp
    case guessableSecret = "guessable_secret"
    case randomToken = "random_token"
    case oauthCode = "oauth_code"
    case nothing

    public var analysisMeaning: String {
        switch self {
        case .password: "A user's password. Guessable: without a rate limit TS-AUTH-011 (brute force) fires, or TS-AUTH-018 (password spraying) when the accounts lock after failures."
        case .otp: "A short one-time code (TOTP, e-mailed digits). Guessable: TS-AUTH-011 fires without a rate limit."
        case .guessableSecret: "Another low-entropy secret (a PIN, a short reset code, a word). Guessable: TS-AUTH-011 fires without a rate limit."
        case .randomToken: "A high-entropy random token (a `secrets.token_urlsafe(24)` reset or invite token, ≥ 128 bits). Not guessable: no brute-force finding."
        case .oauthCode: "An authorization code or `state` from an identity provider. Not guessable: no brute-force finding."
        case .nothing: "No secret (the endpoint only sends an e-mail or starts a redirect). No brute-force finding."
        }
    }

    /// An attacker can find it by trying values, so attempts must be limited.
    public var isGuessable: Bool { [.password, .otp, .guessableSecret].contains(self) }
}

/// How the documentation routes are protected (`app.docs_auth`).
public enum DocsAuth: String, Codable, Sendable, CaseIterable, AnalysisMeaning {
    case none
    case httpBasic = "http_basic"
    case apiKey = "api_key"
    case session
    case oauth2
    case ipAllowlist = "ip_allowlist"
    case custom

    public var analysisMeaning: String {
        switch self {
        case .none: "The docs are served to anyone: the docs-exposure findings (TS-DOCS-001 to -004) apply."
        case .httpBasic, .apiKey, .session, .oauth2, .custom: "The docs routes require this authentication: the docs-exposure findings do not fire."
        case .ipAllowlist: "Only listed client addresses reach the docs: the docs-exposure findings do not fire."
        }
    }

    /// The docs require something of the client.
    public var protectsDocs: Bool { self != .none }
}
