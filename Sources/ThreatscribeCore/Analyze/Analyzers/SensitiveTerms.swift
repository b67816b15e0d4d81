/// Words that mark a *name* in the model as naming sensitive data or files: the labels in a data
/// flow's `data` list and a StaticFiles `directory`. Free text (`description`, `contents`, `claim`) is
/// never matched against them.
enum SensitiveTerms {
    /// Data whose disclosure harms users or the service.
    static let data = [
        "password", "passwd", "secret", "token", "credential", "api key", "api_key", "apikey", "session", "cookie",
        "jwt", "personal", "pii", "email", "e-mail", "phone", "address", "payment", "card", "iban", "health",
        "medical", "ssn", "social security", "private key", "otp", "auth",
    ]

    /// Files that should never be reachable over HTTP.
    static let files = [
        ".env", "secret", "credential", "password", "private key", ".pem", ".key", "id_rsa", ".git", "source",
        "config", "backup", ".sql", "sqlite", "dump", "api key", "token", ".py", "settings",
    ]

    /// Content uploaded by users.
    static let uploads = ["upload", "user content", "user-generated", "user generated", "user files", "attachment", "avatar"]

    /// The terms of `list` that `text` contains, case-insensitively, in list order.
    static func matches(in text: String?, of list: [String]) -> [String] {
        guard let text = text?.lowercased(), !text.isEmpty else { return [] }
        return list.filter { text.contains($0) }
    }
}
