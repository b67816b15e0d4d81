/// What a `StaticFiles` directory holds (`static_files[].holds`); the analysis reads it instead of the
/// free-text `contents`.
public enum StaticContent: String, Codable, Sendable, CaseIterable, AnalysisMeaning {
    case frontendBuild = "frontend_build"
    case assets
    case documentation
    case userUploads = "user_uploads"
    case sourceCode = "source_code"
    case configuration
    case secrets
    case backups
    case database
    case other

    public var analysisMeaning: String {
        switch self {
        case .frontendBuild, .assets, .documentation, .other: "Public files: no finding."
        case .userUploads: "Files users upload: served from the API's origin, TS-STATIC-003 (stored XSS, content sniffing) fires."
        case .sourceCode, .configuration, .secrets, .backups, .database: "Files that must never be reachable over HTTP: TS-STATIC-001 fires outside development and test."
        }
    }

    /// Must never be served.
    public var isSensitive: Bool { [.sourceCode, .configuration, .secrets, .backups, .database].contains(self) }
}
