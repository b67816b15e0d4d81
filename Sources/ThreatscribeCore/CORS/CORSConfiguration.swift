/// The keyword arguments of Starlette's `CORSMiddleware`, with Starlette's defaults.
///
/// Property names are the Swift spelling of the kwarg; ``CORSConfiguration/init(keywordArguments:)``
/// reads the Python names (`allow_origins`, …).
public struct CORSConfiguration: Hashable, Sendable {
    /// `allow_origins` (default empty). `"*"` anywhere in the list allows every origin.
    public var allowOrigins: [String]
    /// `allow_methods` (default `["GET"]`). `"*"` anywhere expands to every method Starlette knows.
    public var allowMethods: [String]
    /// `allow_headers` (default empty). `"*"` mirrors the requested headers.
    public var allowHeaders: [String]
    /// `allow_credentials` (default `false`).
    public var allowCredentials: Bool
    /// `allow_origin_regex` (default `nil`), in Python `re` syntax.
    public var allowOriginRegex: String?
    /// `expose_headers` (default empty).
    public var exposeHeaders: [String]
    /// `max_age` in seconds (default 600).
    public var maxAge: Int
    /// `allow_private_network`; `nil` means the kwarg is not passed (Starlette's default, `false`).
    /// Passing it at all to a release before 0.51.0 is an error there.
    public var allowPrivateNetwork: Bool?

    /// Creates a configuration; every argument defaults to Starlette's default.
    public init(
        allowOrigins: [String] = [],
        allowMethods: [String] = ["GET"],
        allowHeaders: [String] = [],
        allowCredentials: Bool = false,
        allowOriginRegex: String? = nil,
        exposeHeaders: [String] = [],
        maxAge: Int = 600,
        allowPrivateNetwork: Bool? = nil
    ) {
        self.allowOrigins = allowOrigins
        self.allowMethods = allowMethods
        self.allowHeaders = allowHeaders
        self.allowCredentials = allowCredentials
        self.allowOriginRegex = allowOriginRegex
        self.exposeHeaders = exposeHeaders
        self.maxAge = maxAge
        self.allowPrivateNetwork = allowPrivateNetwork
    }

    /// `allow_origins` contains `"*"`.
    public var allowsAllOrigins: Bool { allowOrigins.contains("*") }
    /// `allow_headers` contains `"*"`.
    public var allowsAllHeaders: Bool { allowHeaders.contains("*") }
    /// `allow_methods` contains `"*"`.
    public var allowsAllMethods: Bool { allowMethods.contains("*") }
    /// `allow_private_network` is passed and true.
    public var allowsPrivateNetwork: Bool { allowPrivateNetwork ?? false }

    /// The CORSMiddleware keyword argument names, in signature order.
    public static let keywordArgumentNames = [
        "allow_origins", "allow_methods", "allow_headers", "allow_credentials",
        "allow_origin_regex", "allow_private_network", "expose_headers", "max_age",
    ]
}
