extension ModelSchema {
    /// Secrets the service reads and the accounts it creates by itself.
    static let secretObjects: [ObjectSchema] = [
        ObjectSchema("Secret", "A secret the service reads and what it uses when the secret is not provided.", mergeIdentity: [["name"]], uniqueKey: "name", properties: [
            PropertySchema("name", .string, required: true, "The setting's name, e.g. `SECRET_KEY`."),
            PropertySchema("sources", .list(.enumeration(EnumSchema(SecretSource.self))), "Every place the code reads it from, in the order it tries them; more than one is reported with the finding."),
            PropertySchema("fallback", .enumeration(EnumSchema(SecretFallback.self)),
                           "What the code uses when no source provides it: `none` (startup fails), `insecure_literal` (`os.getenv(\"SECRET\", \"changeme\")`, a pydantic default, a committed `.env`; reported unless refused or `provided`), `generated_per_process` (random at each start), `generated_persisted` (random, stored on first start)."),
            PropertySchema("fallback_refused_outside_development", .boolean, "The code refuses to start with the fallback outside development; `true` suppresses the finding."),
            PropertySchema("provided", .boolean, "This environment's deployment provides the value (set it in an environment's overrides); `true` suppresses the finding there."),
            PropertySchema("source", .codeReference, "Where the secret is read: `path`, `path:line`, `path:line:col` or `path:start-end`."),
        ]),
        ObjectSchema("DefaultAccount", "An account the service creates by itself.", mergeIdentity: [["name"]], uniqueKey: "name", properties: [
            PropertySchema("name", .string, required: true, "User name or e-mail, e.g. `changeme@example.com`."),
            PropertySchema("role", .enumeration(EnumSchema(AccountRole.self)), "`admin`, `user` or `service`."),
            PropertySchema("password", .enumeration(EnumSchema(DefaultPassword.self)), required: true,
                           "`known_default` (fixed in the code, docs or a shipped `.env`; reported unless changed, refused or forced to change), `required_setting` (startup fails without it), `generated` (random, shown once)."),
            PropertySchema("must_change_password", .boolean, "The user must set a new password at first login; `true` suppresses the finding."),
            PropertySchema("password_refused_outside_development", .boolean, "The code refuses to start with the shipped password outside development; `true` suppresses the finding."),
            PropertySchema("changed_in_deployment", .boolean, "This environment's deployment changed the password or disabled the account; `true` suppresses the finding there."),
            PropertySchema("source", .codeReference, "Where the account is created: `path`, `path:line`, `path:line:col` or `path:start-end`."),
        ]),
    ]
}
