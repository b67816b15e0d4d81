/// Facts about the secrets the service reads and the accounts it creates by itself
/// (scopes `secret` and `default_account`).
struct SecretAnalyzer: Analyzer {
    let scopes = [
        FactScope("secret", "A secret the service reads (`secrets[]`) and what it uses when the secret is missing.", fields: [
            FactField("name", .string, "The setting's name."),
            FactField("sources", .list, "Where the code reads it from, in order (`environment`, `file`, `secret_manager`, …)."),
            FactField("literal_source", .bool, "One of its sources is `literal`: its value is written in a file of the repository (a manifest, a committed `.env`)."),
            FactField("several_sources", .bool, "The code reads it from more than one place: which one wins depends on their order, and rotating one leaves the others."),
            FactField("fallback", .string, "`none`, `insecure_literal`, `generated_per_process` or `generated_persisted`."),
            FactField("insecure_fallback", .bool, "Without the setting, the code uses a value fixed in the code or a shipped file."),
            FactField("fallback_refused_outside_development", .bool, "The code refuses to start with the fallback outside development."),
            FactField("provided", .bool, "This environment's deployment provides the value."),
        ]),
        FactScope("default_account", "An account the service creates by itself (`default_accounts[]`).", fields: [
            FactField("name", .string, "The account's user name or e-mail."),
            FactField("role", .string, "`admin`, `user` or `service`."),
            FactField("is_admin", .bool, "The account is an administrator."),
            FactField("password", .string, "`known_default`, `required_setting` or `generated`."),
            FactField("known_password", .bool, "The password is fixed in the code, the documentation or a shipped file."),
            FactField("must_change_password", .bool, "The user must set a new password at first login."),
            FactField("password_refused_outside_development", .bool, "The code refuses to start with the shipped password outside development."),
            FactField("changed_in_deployment", .bool, "This environment's deployment changed the password or disabled the account."),
        ]),
    ]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let model = context.model
        let secrets = (model.secrets ?? []).enumerated().map { index, secret in
            let path = ModelPath("secrets").appending(index)
            var subject = FactSubject(scope: "secret", path: path, name: secret.name, component: Component.authentication)
            subject.set("name", .string(secret.name), from: path.appending("name"))
            let sources = (secret.sources ?? []).map(\.rawValue)
            subject.set("sources", .list(sources), from: path.appending("sources"))
            subject.set("literal_source", .bool(sources.contains("literal")), from: path.appending("sources"))
            subject.set("several_sources", .bool(Set(sources).count > 1), from: path.appending("sources"))
            subject.set("fallback", FactValue(secret.fallback?.rawValue), from: path.appending("fallback"))
            subject.set("insecure_fallback", secret.fallback.map { .bool($0 == .insecureLiteral) } ?? .unknown, from: path.appending("fallback"))
            subject.set("fallback_refused_outside_development", FactValue(secret.fallbackRefusedOutsideDevelopment),
                        from: path.appending("fallback_refused_outside_development"))
            subject.set("provided", FactValue(secret.provided), from: path.appending("provided"))
            return subject
        }
        let accounts = (model.defaultAccounts ?? []).enumerated().map { index, account in
            let path = ModelPath("default_accounts").appending(index)
            var subject = FactSubject(scope: "default_account", path: path, name: account.name, component: Component.authentication)
            subject.set("name", .string(account.name), from: path.appending("name"))
            subject.set("role", FactValue(account.role?.rawValue), from: path.appending("role"))
            subject.set("is_admin", account.role.map { .bool($0 == .admin) } ?? .unknown, from: path.appending("role"))
            subject.set("password", .string(account.password.rawValue), from: path.appending("password"))
            subject.set("known_password", .bool(account.password == .knownDefault), from: path.appending("password"))
            subject.set("must_change_password", FactValue(account.mustChangePassword), from: path.appending("must_change_password"))
            subject.set("password_refused_outside_development", FactValue(account.passwordRefusedOutsideDevelopment),
                        from: path.appending("password_refused_outside_development"))
            subject.set("changed_in_deployment", FactValue(account.changedInDeployment), from: path.appending("changed_in_deployment"))
            return subject
        }
        return secrets + accounts
    }
}
