/// A secret the service reads (a signing key, a password, an API key) and what happens when it is not provided.
public struct Secret: Codable, Sendable, Equatable {
    /// The setting's name, e.g. `SECRET_KEY`.
    public var name: String
    /// Every place the code reads it from, in the order it tries them.
    public var sources: [SecretSource]?
    /// What the code uses when none of the sources provides it.
    public var fallback: SecretFallback?
    /// The code refuses to start with the fallback outside development.
    public var fallbackRefusedOutsideDevelopment: Bool?
    /// The deployment of this environment provides the value (set it per environment in overrides).
    public var provided: Bool?
    public var source: String?
}

/// What the code uses for a secret nobody provided.
public enum SecretFallback: String, Codable, Sendable, CaseIterable {
    /// Nothing: startup fails (a pydantic field without a default, `os.environ["X"]`).
    case none
    /// A fixed value in the code or a shipped file: `os.getenv("SECRET", "changeme")`, a pydantic default, a committed `.env`.
    case insecureLiteral = "insecure_literal"
    /// A random value made at each start (`secrets.token_urlsafe(32)` as a default): different per worker and restart.
    case generatedPerProcess = "generated_per_process"
    /// A random value made on first start and stored (e.g. in the data directory).
    case generatedPersisted = "generated_persisted"
}

/// An account the service creates by itself (on first start, by a migration).
public struct DefaultAccount: Codable, Sendable, Equatable {
    /// The account's user name or e-mail, e.g. `changeme@example.com`.
    public var name: String
    public var role: AccountRole?
    public var password: DefaultPassword
    /// The user must set a new password at first login.
    public var mustChangePassword: Bool?
    /// The code refuses to start with the shipped password outside development.
    public var passwordRefusedOutsideDevelopment: Bool?
    /// The deployment of this environment changed or disabled the account.
    public var changedInDeployment: Bool?
    public var source: String?
}

public enum AccountRole: String, Codable, Sendable, CaseIterable {
    case admin, user, service
}

/// Where a default account's password comes from.
public enum DefaultPassword: String, Codable, Sendable, CaseIterable {
    /// A fixed password in the code, the documentation or a shipped `.env` (`MyPassword`, `changethis`).
    case knownDefault = "known_default"
    /// A setting the operator must provide; startup fails without it.
    case requiredSetting = "required_setting"
    /// A random password generated at creation and shown once.
    case generated
}
