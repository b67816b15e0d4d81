/// An authentication mechanism the API accepts.
public struct AuthMechanism: Codable, Sendable, Equatable {
    public var id: String
    public var type: AuthType
    /// Where the credential travels.
    public var transport: TokenTransport?
    /// Header, cookie or query parameter name.
    public var parameter: String?
    public var jwt: JWTSettings?
    public var secretSource: SecretSource?
    /// Lifetime of an issued token or session, in seconds.
    public var tokenLifetimeSeconds: Int?
    /// Issued credentials can be revoked before they expire.
    public var revocable: Bool?
    /// Attributes of the cookie that carries the credential (`transport: cookie`).
    public var cookie: AuthCookie?
    /// The setting that switches the mechanism on, e.g. `WEBUI_AUTH`.
    public var enabledBySetting: String?
    /// The mechanism is on in the shipped default configuration.
    public var enabledByDefault: Bool?
    /// The mechanism is on in this environment (set it in an environment's overrides); `false` removes it from every route.
    public var enabled: Bool?
    /// The OAuth 2.0 / OIDC login flow the API runs as a client.
    public var oauth: OAuthFlow?
    /// Failed attempts after which the account is locked or slowed down.
    public var lockoutAfterFailures: Int?
    public var description: String?
    public var source: String?
}

public enum AuthType: String, Codable, Sendable, CaseIterable {
    case none
    case apiKey = "api_key"
    case oauth2Jwt = "oauth2_jwt"
    case jwt
    case httpBasic = "http_basic"
    case sessionCookie = "session_cookie"
    /// A signed token (HMAC or similar) carried in the URL.
    case signedUrlToken = "signed_url_token"
    case mtls
    case custom
}

public enum TokenTransport: String, Codable, Sendable, CaseIterable {
    case header, cookie, query, body
    /// A segment of the URL path, e.g. `/share/{token}`.
    case path
}

/// How JWTs are verified.
public struct JWTSettings: Codable, Sendable, Equatable {
    /// `python-jose`, `pyjwt`, `authlib`, `joserfc`, …
    public var library: String?
    public var libraryVersion: String?
    /// The `algorithms=` list passed to decode; absent means the code does not pass one.
    public var algorithms: [String]?
    public var verifiesSignature: Bool?
    public var verifiesExpiry: Bool?
    public var verifiesAudience: Bool?
    /// Where it is defined: a `CodeReference` (`path`, `path:line`, …).
    public var source: String?
}

/// An `APIRouter` (or the app itself when `prefix` is empty) and its endpoints.
public struct Router: Codable, Sendable, Equatable {
    public var prefix: String?
    public var name: String?
    /// Auth mechanism ids applied to every route by `dependencies=[Depends(...)]`.
    public var dependencies: [String]?
    /// Auth mechanism ids of which any one is enough for every route (one dependency that tries each).
    public var authAny: [String]?
    /// Scopes or roles every route of the router requires.
    public var scopes: [String]?
    public var endpoints: [Endpoint]
    public var source: String?
}

/// One path operation.
public struct Endpoint: Codable, Sendable, Equatable {
    public var path: String
    public var methods: [String]
    /// Auth mechanism id, or `none` for a deliberately public endpoint; absent means inherited from the router.
    public var auth: String?
    /// Auth mechanism ids of which any one is enough (header or cookie; Basic or JWT).
    public var authAny: [String]?
    public var scopes: [String]?
    /// Which tenant or organisation the request acts in, and whether membership is checked.
    public var tenant: TenantAccess?
    /// e.g. `5/minute`.
    public var rateLimit: String?
    public var requestModel: String?
    public var responseModel: String?
    /// Fields of the response that hold sensitive data.
    public var sensitiveResponseFields: [String]?
    public var includeInSchema: Bool?
    public var purpose: EndpointPurpose?
    /// What secret the handler checks; absent: the purpose's default.
    public var verifies: VerifiedSecret?
    /// The handler changes no server state although its method is POST, PUT, PATCH or DELETE (`POST /query`).
    public var readOnly: Bool?
    /// The handler checks that the caller owns the object it addresses.
    public var checksObjectOwnership: Bool?
    /// An `async def` handler that makes blocking calls.
    public var blockingCallsInAsync: Bool?
    /// The handler is expensive (CPU, I/O, money) per call.
    public var expensive: Bool?
    /// The handler fetches a URL the client supplies.
    public var fetchesUserUrl: Bool?
    /// The response reflects request input next to a secret (a BREACH precondition).
    public var reflectsInputWithSecrets: Bool?
    public var raisesHttpExceptionDetails: Bool?
    /// Commands, server files, served uploads and URL fetches the handler performs.
    public var capabilities: Capabilities?
    public var source: String?
}

/// A Pydantic model.
public struct DataModel: Codable, Sendable, Equatable {
    public var name: String
    public var fields: [ModelField]?
    /// The model refers to itself, directly or not.
    public var recursive: Bool?
    public var maxDepth: Int?
    public var customValidators: Bool?
    public var source: String?
}

public struct ModelField: Codable, Sendable, Equatable {
    public var name: String
    public var type: String?
    public var sensitive: Bool?
    /// `max_length` (strings, lists) or `le` bound the model enforces.
    public var maxLength: Int?
    public var description: String?
    /// Where it is defined: a `CodeReference` (`path`, `path:line`, …).
    public var source: String?
}

public struct StaticMount: Codable, Sendable, Equatable {
    public var path: String
    public var directory: String
    public var html: Bool?
    /// What the directory holds, in words (shown, never interpreted).
    public var contents: String?
    /// What the directory holds, as categories the analysis reads.
    public var holds: [StaticContent]?
    public var source: String?
}

public struct TemplateSettings: Codable, Sendable, Equatable {
    public var engine: String?
    public var autoescape: Bool?
    /// Templates render user-controlled input.
    public var rendersUserInput: Bool?
    /// Template file extensions in use (`.html`, `.jinja`, …); Starlette ≥1.0 autoescapes only `.html`, `.htm`, `.xml` by default.
    public var fileExtensions: [String]?
    public var source: String?
}

public struct WebSocketRoute: Codable, Sendable, Equatable {
    public var path: String
    public var auth: String?
    /// The handshake's Origin header is checked against an allow-list.
    public var checksOrigin: Bool?
    public var maxMessageSize: Int?
    /// Commands, server files and URL fetches the handler performs on the client's messages.
    public var capabilities: Capabilities?
    public var source: String?
}

public struct BackgroundTask: Codable, Sendable, Equatable {
    public var name: String
    public var handlesSensitiveData: Bool?
    public var runsWithCallerPrivileges: Bool?
    public var description: String?
    /// Commands and server files the job runs and touches.
    public var capabilities: JobCapabilities?
    public var source: String?
}
