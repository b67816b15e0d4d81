/// What an endpoint or a background job can do to the host and to other systems: the capabilities
/// an attacker looks for first (running code, touching server files, serving uploads, fetching URLs).
public struct Capabilities: Codable, Sendable, Equatable {
    /// Commands or code it runs with input from the client.
    public var runs: CodeExecution?
    /// Server files it reads, writes or deletes, and where their paths come from.
    public var fileAccess: [FileAccess]?
    /// It sends files that users uploaded back to clients.
    public var servesUploads: UploadServing?
    /// It fetches a URL the client supplies, and how that fetch is guarded.
    public var fetchesUrl: URLFetch?
    /// It accepts file uploads (`UploadFile`, multipart bodies).
    public var acceptsUploads: Bool?
    /// The upload size the handler enforces, in bytes.
    public var uploadMaxBytes: Int?
    public var source: String?
}

/// What a background job can do to the host: the `Capabilities` a job can have (it serves no
/// responses and takes no uploads itself).
public struct JobCapabilities: Codable, Sendable, Equatable {
    /// Commands or code it runs with input that came from a client.
    public var runs: CodeExecution?
    /// Server files it reads, writes or deletes, and where their paths come from.
    public var fileAccess: [FileAccess]?
    public var source: String?
}

/// What a handler runs with input from the client.
public enum CodeExecution: String, Codable, Sendable, CaseIterable {
    /// A shell command line that contains client input (`subprocess.run(cmd, shell=True)`, `os.system`).
    case shellCommand = "shell_command"
    /// A program started without a shell whose arguments the client controls (`subprocess.run([...])`).
    case programArguments = "program_arguments"
    /// Python code or objects from the client: `exec`, `eval`, `pickle.loads`, importing uploaded modules.
    case pythonCode = "python_code"
    /// A fixed command or script; the client only triggers it and controls none of its input.
    case fixedCommand = "fixed_command"

    /// The client's input reaches the command or the interpreter.
    public var isClientControlled: Bool { self != .fixedCommand }
}

/// One kind of server-file access by a handler.
public struct FileAccess: Codable, Sendable, Equatable {
    public var operation: FileOperation
    public var pathFrom: FilePathOrigin
    /// The code resolves the path and checks it stays under a base directory (or keeps only a generated name).
    public var confined: Bool?
    public var source: String?
}

public enum FileOperation: String, Codable, Sendable, CaseIterable {
    case read, write, delete
}

/// Where the server-side path of a file operation comes from.
public enum FilePathOrigin: String, Codable, Sendable, CaseIterable {
    /// A path, file name or path segment from the request (query, body, path parameter).
    case clientPath = "client_path"
    /// The `filename` of an uploaded file (`UploadFile.filename`), which the client chooses.
    case uploadFilename = "upload_filename"
    /// The server makes the name (a UUID, a database id); nothing from the client.
    case server

    public var isClientControlled: Bool { self != .server }
}

/// How uploaded files are sent back to clients.
public struct UploadServing: Codable, Sendable, Equatable {
    public var origin: UploadOrigin
    public var contentType: UploadContentType?
    public var disposition: ContentDisposition?
    public var source: String?
}

/// The origin uploaded files are served from.
public enum UploadOrigin: String, Codable, Sendable, CaseIterable {
    /// The API's own origin (a route or `StaticFiles` mount of the app): scripts in a served file run with the API's origin.
    case apiOrigin = "api_origin"
    /// A separate origin (another domain, a storage bucket, signed URLs to object storage).
    case separateOrigin = "separate_origin"
}

/// Where the `Content-Type` of a served upload comes from.
public enum UploadContentType: String, Codable, Sendable, CaseIterable {
    /// Guessed from the stored file name (Starlette's `FileResponse` default: `.html` → `text/html`).
    case fromFilename = "from_filename"
    /// The type the uploader sent, stored with the file.
    case clientSupplied = "client_supplied"
    /// A fixed type or an allow-list of inert types (`application/octet-stream`, `image/png` after checking the bytes).
    case fixed
}

/// The `Content-Disposition` a served upload gets.
public enum ContentDisposition: String, Codable, Sendable, CaseIterable {
    /// None or `inline`: the browser renders the file (`FileResponse` without `filename=` sends none).
    case inline
    /// `attachment`: the browser downloads it (`FileResponse(..., filename=...)`).
    case attachment
}

/// How a fetch of a client-supplied URL is guarded.
public struct URLFetch: Codable, Sendable, Equatable {
    public var `guard`: SSRFGuard?
    /// The HTTP client follows redirects (`httpx` with `follow_redirects=True`, `requests` by default).
    public var followsRedirects: Bool?
    /// The guard runs again for every redirect hop (e.g. in an `httpx` transport).
    public var checksEveryRedirect: Bool?
    public var source: String?
}

/// What the code checks before fetching a client-supplied URL.
public enum SSRFGuard: String, Codable, Sendable, CaseIterable {
    /// Nothing.
    case none
    /// Only the scheme (`http`/`https`).
    case schemeOnly = "scheme_only"
    /// Literal private IPs in the URL are refused; host names are not resolved (bypassed by any DNS name that points inward).
    case ipLiteralBlock = "ip_literal_block"
    /// The host name is resolved and every resolved address is checked against private, loopback and link-local ranges.
    case resolvedAddressCheck = "resolved_address_check"
    /// Only hosts on a fixed allow-list are fetched.
    case hostAllowlist = "host_allowlist"
}
