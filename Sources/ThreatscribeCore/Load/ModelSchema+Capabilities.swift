extension ModelSchema {
    /// What an endpoint or background job can do to the host: run code, touch files, serve uploads, fetch URLs.
    static let capabilityObjects: [ObjectSchema] = [
        ObjectSchema("Capabilities", "What a handler or job can do to the host and to other systems; each key that is present is analysed.", properties: [
            PropertySchema("runs", .enumeration(EnumSchema(CodeExecution.self)),
                           "What it runs with client input: `shell_command` (a shell line with client text), `program_arguments` (no shell, client arguments), `python_code` (`exec`, `eval`, `pickle.loads` of client data) — each reported as code execution; `fixed_command` (the client only triggers a fixed command) is not."),
            PropertySchema("file_access", .list(.object("FileAccess")), "Server files it reads, writes or deletes, and where each path comes from."),
            PropertySchema("serves_uploads", .object("UploadServing"), "It sends files users uploaded back to clients."),
            PropertySchema("fetches_url", .object("URLFetch"), "It fetches a URL the client supplies (implies `fetches_user_url`)."),
            PropertySchema("accepts_uploads", .boolean, "It accepts file uploads (`UploadFile`, multipart)."),
            PropertySchema("upload_max_bytes", .integer, "Upload size the handler enforces, in bytes; absent with `accepts_uploads` and no body limit in app, server or ingress is reported."),
            PropertySchema("source", .codeReference, "Where the capability is implemented: `path`, `path:line`, `path:line:col` or `path:start-end`."),
        ]),
        ObjectSchema("JobCapabilities", "What a background job can do to the host, with input that came from a client.", properties: [
            PropertySchema("runs", .enumeration(EnumSchema(CodeExecution.self)), "As `Capabilities.runs`."),
            PropertySchema("file_access", .list(.object("FileAccess")), "Server files it reads, writes or deletes, and where each path comes from."),
            PropertySchema("source", .codeReference, "Where the job does it: `path`, `path:line`, `path:line:col` or `path:start-end`."),
        ]),
        ObjectSchema("FileAccess", "One kind of server-file access.", properties: [
            PropertySchema("operation", .enumeration(EnumSchema(FileOperation.self)), required: true, "`read`, `write` or `delete`."),
            PropertySchema("path_from", .enumeration(EnumSchema(FilePathOrigin.self)), required: true,
                           "Where the path comes from: `client_path` (request text) and `upload_filename` (`UploadFile.filename`) are client-controlled and reported unless `confined`; `server` (a generated name) is not."),
            PropertySchema("confined", .boolean, "The code resolves the path and checks it stays under a base directory (or keeps only a generated name); `true` suppresses the finding."),
            PropertySchema("source", .codeReference, "Where the file is opened: `path`, `path:line`, `path:line:col` or `path:start-end`."),
        ]),
        ObjectSchema("UploadServing", "How uploaded files are sent back to clients.", properties: [
            PropertySchema("origin", .enumeration(EnumSchema(UploadOrigin.self)), required: true,
                           "`api_origin` (a route or mount of this app: served HTML runs as the API's origin) or `separate_origin` (another domain or object-storage URLs; not reported)."),
            PropertySchema("content_type", .enumeration(EnumSchema(UploadContentType.self)),
                           "`from_filename` (Starlette's `FileResponse` guesses it: `.html`, `.svg` render), `client_supplied` (the uploader's type), or `fixed` (an inert type or checked allow-list; not reported)."),
            PropertySchema("disposition", .enumeration(EnumSchema(ContentDisposition.self)),
                           "`inline` (also when no header is sent: `FileResponse` without `filename=`) or `attachment` (downloads; not reported). Absent counts as `inline`."),
            PropertySchema("source", .codeReference, "Where the file is served: `path`, `path:line`, `path:line:col` or `path:start-end`."),
        ]),
        ObjectSchema("URLFetch", "How a fetch of a client-supplied URL is guarded.", properties: [
            PropertySchema("guard", .enumeration(EnumSchema(SSRFGuard.self)),
                           "What is checked first: `none`, `scheme_only`, `ip_literal_block` (literal IPs only: any DNS name pointing inward passes), `resolved_address_check` (every resolved address must be public), `host_allowlist`. Only the last two, with redirects off or checked at every hop, stop the finding."),
            PropertySchema("follows_redirects", .boolean, "The HTTP client follows redirects (`requests` does by default, `httpx` only with `follow_redirects=True`)."),
            PropertySchema("checks_every_redirect", .boolean, "The guard runs again for every redirect hop (e.g. inside an `httpx` transport)."),
            PropertySchema("source", .codeReference, "Where the URL is fetched: `path`, `path:line`, `path:line:col` or `path:start-end`."),
        ]),
    ]
}
