/// A shell variable that stands in a generated command for a value the model does not give (the
/// base URL of an environment without `base_url`), so no placeholder such as `PREVIEW_HOST` or
/// `(not described)` is ever pasted into a shell. The report defines each variable it uses once,
/// before the detailed findings (`definition`).
public enum CommandVariable: String, Sendable, Equatable, CaseIterable {
    /// The environment's base URL, root path included.
    case baseURL = "BASE_URL"
    /// The host of `BASE_URL`.
    case apiHost = "API_HOST"
    /// `BASE_URL` with `ws`/`wss` for `http`/`https`.
    case webSocketBaseURL = "WS_BASE_URL"
    /// The name of the query parameter or header that carries a credential.
    case credentialParameter = "CREDENTIAL_PARAMETER"
    /// The container image the build pushes and the deployment runs (catalog commands use it literally).
    case image = "IMAGE"
    /// The source repository as `owner/name` (catalog commands use it literally).
    case repository = "REPOSITORY"
    /// The Kubernetes namespace the API runs in (catalog commands use it literally).
    case namespace = "NAMESPACE"
    /// The web origin of one of the API's own clients (catalog commands use it literally).
    case clientOrigin = "CLIENT_ORIGIN"
    /// A valid session cookie, `name=value` (catalog commands use it literally).
    case sessionCookie = "SESSION_COOKIE"
    /// The path of a page that displays a submitted value (catalog commands use it literally).
    case pagePath = "PAGE_PATH"

    /// The variable as one shell word: `"$BASE_URL"`.
    public var reference: String { "\"$\(rawValue)\"" }

    /// What the reader sets it to, and why the report cannot.
    public var meaning: String {
        switch self {
        case .baseURL: "the base URL of the environment under test (the model states no base URL for it)"
        case .apiHost: "the host of BASE_URL, derived from it"
        case .webSocketBaseURL: "BASE_URL with ws or wss as its scheme"
        case .credentialParameter: "the name of the parameter that carries the credential (the model does not name it)"
        case .image: "the image reference you deploy, registry/name:tag or registry/name@sha256:digest"
        case .repository: "the source repository as owner/name"
        case .namespace: "the Kubernetes namespace the API runs in"
        case .clientOrigin: "the web origin of one of your own clients, one the CORS configuration is meant to allow"
        case .sessionCookie: "a valid session cookie as name=value"
        case .pagePath: "the path of a page that displays the value you submitted"
        }
    }

    /// The shell line that defines (or checks) the variable; `BASE_URL` and the parameter name fail
    /// with a message until the reader sets them.
    public var definition: String {
        switch self {
        case .baseURL: "export BASE_URL=\"${BASE_URL:?set BASE_URL to the base URL of the environment you test}\""
        case .apiHost: "API_HOST=\"${BASE_URL#*://}\"; API_HOST=\"${API_HOST%%/*}\"; export API_HOST=\"${API_HOST%%:*}\""
        case .webSocketBaseURL: "export WS_BASE_URL=\"ws${BASE_URL#http}\""
        case .credentialParameter: "export CREDENTIAL_PARAMETER=\"${CREDENTIAL_PARAMETER:?set CREDENTIAL_PARAMETER to the name of the parameter that carries the credential}\""
        case .image: "export IMAGE=\"${IMAGE:?set IMAGE to the image reference you deploy, registry/name:tag or registry/name@sha256:digest}\""
        case .repository: "export REPOSITORY=\"${REPOSITORY:?set REPOSITORY to the source repository as owner/name}\""
        case .namespace: "export NAMESPACE=\"${NAMESPACE:?set NAMESPACE to the Kubernetes namespace of the API}\""
        case .clientOrigin: "export CLIENT_ORIGIN=\"${CLIENT_ORIGIN:?set CLIENT_ORIGIN to the origin of one of your web clients}\""
        case .sessionCookie: "export SESSION_COOKIE=\"${SESSION_COOKIE:?set SESSION_COOKIE to a valid session cookie as name=value}\""
        case .pagePath: "export PAGE_PATH=\"${PAGE_PATH:?set PAGE_PATH to the path of a page that displays the submitted value}\""
        }
    }

    /// The variables a text uses: `$NAME` or `${NAME` not followed by more of a name (`_`, a letter or
    /// a digit), in declaration order. The text is read scalar by scalar, as a shell reads a command:
    /// after each `$` (and an optional `{`), the whole name that follows is compared with the variables'.
    public static func used(in text: String) -> [CommandVariable] {
        // Every form starts with `$`; most texts have none.
        guard text.utf8.contains(UInt8(ascii: "$")) else { return [] }
        var found: Set<CommandVariable> = []
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            guard scalar == "$" else { continue }
            if pending == "{" { pending = scalars.next() }
            var name = String.UnicodeScalarView()
            while let next = pending, continuesName(next) {
                name.append(next)
                pending = scalars.next()
            }
            if let variable = CommandVariable(rawValue: String(name)) { found.insert(variable) }
        }
        return allCases.filter(found.contains)
    }

    private static func continuesName(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || ("0"..."9").contains(scalar) || scalar.properties.isAlphabetic
    }
}
