/// One middleware registration, with every argument the code passes.
///
/// The kind decides which arguments apply; unset arguments take Starlette's defaults.
public struct Middleware: Codable, Sendable, Equatable {
    public var type: MiddlewareType
    /// Identity used when an environment overrides this entry; defaults to the type name.
    public var id: String?
    public var name: String?
    public var source: String?

    // CORSMiddleware
    public var allowOrigins: [String]?
    public var allowOriginRegex: String?
    public var allowMethods: [String]?
    public var allowHeaders: [String]?
    public var allowCredentials: Bool?
    public var exposeHeaders: [String]?
    public var maxAge: Int?
    public var allowPrivateNetwork: Bool?

    // TrustedHostMiddleware
    public var allowedHosts: [String]?
    public var wwwRedirect: Bool?

    // GZipMiddleware
    public var minimumSize: Int?
    public var compresslevel: Int?

    // SessionMiddleware
    public var secretKeySource: SecretSource?
    public var sessionCookie: String?
    /// Session lifetime in seconds (Starlette default 1209600, 14 days).
    public var sessionMaxAge: Int?
    public var sameSite: String?
    public var httpsOnly: Bool?
    public var domain: String?
    /// The keys the code stores in `request.session` (e.g. `user_id`, `role`, `email`).
    public var sessionContents: [String]?

    // Security headers (custom middleware or a library such as `secure`)
    public var headers: [String: String]?

    // Rate limiting (slowapi, fastapi-limiter, a proxy)
    public var library: String?
    public var defaultLimit: String?

    // Custom middleware
    /// What a custom middleware does.
    public var purpose: MiddlewarePurpose?
    /// The middleware reads or parses the request body.
    public var readsBody: Bool?
    /// The middleware returns error responses itself (e.g. 401) instead of calling the app.
    public var returnsErrors: Bool?
    /// The auth mechanism id with which the middleware authenticates every request not exempt.
    public var authenticatesWith: String?
    /// Paths the authenticating middleware lets through; each covers itself and the paths below it.
    public var exemptPaths: [String]?

    /// The identity used for overrides and evidence paths.
    public var identity: String { id ?? type.rawValue }
}

public enum MiddlewareType: String, Codable, Sendable, CaseIterable {
    case cors
    case trustedHost = "trusted_host"
    case httpsRedirect = "https_redirect"
    case gzip
    case session
    case securityHeaders = "security_headers"
    case rateLimit = "rate_limit"
    case custom
}

/// Where a secret comes from.
public enum SecretSource: String, Codable, Sendable, CaseIterable {
    /// Written in the code or the repository.
    case literal
    /// An environment variable set in plain deployment configuration.
    case environment
    /// A platform or orchestrator secret store (Kubernetes Secret, `fly secrets`, …).
    case platformSecret = "platform_secret"
    /// A dedicated secret manager (Vault, AWS Secrets Manager, …).
    case secretManager = "secret_manager"
    case file
}
