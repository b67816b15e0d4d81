/// Attributes of a cookie that carries a credential.
public struct AuthCookie: Codable, Sendable, Equatable {
    /// The `Secure` attribute is set.
    public var secure: Bool?
    /// The `HttpOnly` attribute is set.
    public var httpOnly: Bool?
    public var sameSite: SameSite?
    /// The `Domain` attribute, when set (the cookie then reaches every subdomain).
    public var domain: String?
}

public enum SameSite: String, Codable, Sendable, CaseIterable {
    case lax, strict, none
}

/// An OAuth 2.0 / OpenID Connect login the API runs as a client (authorization code flow).
public struct OAuthFlow: Codable, Sendable, Equatable {
    /// The callback compares the `state` parameter with the value stored for the browser.
    public var checksState: Bool?
    /// The flow uses PKCE (`code_challenge` / `code_verifier`).
    public var pkce: Bool?
    public var redirectUriFrom: RedirectURISource?
    /// The callback path, e.g. `/oauth/{provider}/callback`.
    public var callbackPath: String?
    public var source: String?
}

/// Where the `redirect_uri` sent to the authorization server comes from.
public enum RedirectURISource: String, Codable, Sendable, CaseIterable {
    /// A configured, fixed URL.
    case configured
    /// Built from the incoming request (`request.url_for(...)`, the `Host` header).
    case requestUrl = "request_url"
    /// A parameter the client passes.
    case clientParameter = "client_parameter"
}

/// Which tenant (organisation, workspace, household) a request acts in.
public struct TenantAccess: Codable, Sendable, Equatable {
    public var idFrom: TenantIDSource
    /// The handler checks that the caller is a member of that tenant.
    public var checksMembership: Bool?
    public var source: String?
}

/// Where a request's tenant id comes from.
public enum TenantIDSource: String, Codable, Sendable, CaseIterable {
    case path, query, body, header
    /// The caller's token or session (the server decides).
    case token

    /// The client chooses the tenant id.
    public var isClientControlled: Bool { self != .token }
}
