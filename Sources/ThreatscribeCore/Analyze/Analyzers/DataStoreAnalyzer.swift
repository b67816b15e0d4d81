import Foundation

/// Facts about each database, cache or object store (scope `data_store`).
struct DataStoreAnalyzer: Analyzer {
    let scopes = [FactScope("data_store", "A database, cache or object store the API uses.", fields: [
        FactField("id", .string, "The store's id."),
        FactField("name", .string, "The display name (the id when not given)."),
        FactField("type", .string, "`postgresql`, `redis`, `sqlite`, `s3`, … (`data_stores[].type`)."),
        FactField("embedded", .bool, "The store is a file the API's process opens (`sqlite`, `duckdb`, `filesystem`): no network listener."),
        FactField("tls", .bool, "Connections to it use TLS, as the model says."),
        FactField("authentication", .string, "How the API authenticates to it."),
        FactField("no_authentication", .bool, "The model says the store requires no authentication (`authentication: none`)."),
        FactField("credentials_source", .string, "Where the connection credentials come from (`literal`, `environment`, `platform_secret`, `secret_manager`, `file`)."),
        FactField("credentials_literal", .bool, "The credentials are written in the code or repository."),
        FactField("credentials_plain_env", .bool, "The credentials are an environment variable set in plain deployment configuration."),
        FactField("holds_sensitive_data", .bool, "It holds personal data, credentials or secrets."),
        FactField("encrypted_at_rest", .bool, "Stored data is encrypted."),
        FactField("env_var", .string, "A conventional environment variable name for its connection URL, for recommendations."),
    ])]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        (context.model.dataStores ?? []).enumerated().map { index, store in
            let path = ModelPath("data_stores").appending(index)
            let name = store.name ?? store.id
            var subject = FactSubject(scope: "data_store", path: path, name: name, component: Component.dataFlow)
            subject.set("id", .string(store.id), from: path.appending("id"))
            subject.set("name", .string(name), from: path.appending(store.name == nil ? "id" : "name"))
            subject.set("type", FactValue(store.type?.rawValue), from: path.appending("type"))
            subject.set("embedded", FactValue(store.type?.isEmbedded), from: path.appending("type"))
            subject.set("tls", FactValue(store.tls), from: path.appending("tls"))
            subject.set("authentication", FactValue(store.authentication?.rawValue), from: path.appending("authentication"))
            if let authentication = store.authentication {
                subject.set("no_authentication", .bool(authentication == .none), from: path.appending("authentication"))
            }
            Self.setCredentials(on: &subject, source: store.credentialsSource, path: path.appending("credentials_source"))
            subject.set("holds_sensitive_data", FactValue(store.holdsSensitiveData), from: path.appending("holds_sensitive_data"))
            subject.set("encrypted_at_rest", FactValue(store.encryptedAtRest), from: path.appending("encrypted_at_rest"))
            subject.set("env_var", .string(Self.envVar(store.id) + "_URL"))
            return subject
        }
    }

    /// `credentials_source` and the two flags derived from it.
    static func setCredentials(on subject: inout FactSubject, source: SecretSource?, path: ModelPath) {
        subject.set("credentials_source", FactValue(source?.rawValue), from: path)
        if let source {
            subject.set("credentials_literal", .bool(source == .literal), from: path)
            subject.set("credentials_plain_env", .bool(source == .environment), from: path)
        }
    }

    /// `orders-db` → `ORDERS_DB`.
    static func envVar(_ id: String) -> String {
        String(id.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
