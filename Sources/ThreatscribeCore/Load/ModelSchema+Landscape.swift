extension ModelSchema {
    static let landscapeObjects: [ObjectSchema] = [
        ObjectSchema("Client", "Something outside the API that calls it: a browser SPA, a mobile app, another service.", mergeIdentity: [["id"]], uniqueKey: "id", properties: [
            PropertySchema("id", .string, required: true, "Name that data flows and trust boundaries refer to; unique among elements."),
            PropertySchema("name", .string, "Display name."),
            PropertySchema("type", .enumeration(EnumSchema(ClientType.self)), "What kind of client."),
            PropertySchema("origin", .string, "The web origin it runs on, e.g. `https://betzenstein.app`."),
            PropertySchema("trusted", .boolean, "The team controls it."),
            PropertySchema("source", .codeReference, "Where the client is defined or configured (its repository, a `.env` line): `path`, `path:line`, `path:line:col` or `path:start-end`."),
        ]),
        ObjectSchema("DataStore", "A database, cache or object store.", mergeIdentity: [["id"]], uniqueKey: "id", properties: [
            PropertySchema("id", .string, required: true, "Name that data flows and trust boundaries refer to; unique among elements."),
            PropertySchema("name", .string, "Display name."),
            PropertySchema("type", .enumeration(EnumSchema(DataStoreType.self)), "What kind of store; `sqlite`, `duckdb` and `filesystem` are embedded (no network listener)."),
            PropertySchema("tls", .boolean, "Connections use TLS."),
            PropertySchema("authentication", .enumeration(EnumSchema(DataStoreAuthentication.self)), "How the API authenticates to it."),
            PropertySchema("encrypted_at_rest", .boolean, "Stored data is encrypted."),
            PropertySchema("credentials_source", .enumeration(EnumSchema(SecretSource.self)), "Where the connection credentials come from."),
            PropertySchema("holds_sensitive_data", .boolean, "Holds personal data, credentials or secrets."),
            PropertySchema("source", .codeReference, "Where the store is configured: a connection setting, or its service in a compose file: `path`, `path:line`, `path:line:col` or `path:start-end`."),
        ]),
        ObjectSchema("ExternalService", "A service the API calls.", mergeIdentity: [["id"]], uniqueKey: "id", properties: [
            PropertySchema("id", .string, required: true, "Name that data flows and trust boundaries refer to; unique among elements."),
            PropertySchema("name", .string, "Display name."),
            PropertySchema("protocol", .enumeration(EnumSchema(ServiceProtocol.self)), "The protocol the API speaks to it."),
            PropertySchema("url", .string, "Base URL."),
            PropertySchema("tls", .boolean, "Connections use TLS."),
            PropertySchema("authentication", .enumeration(EnumSchema(ServiceAuthentication.self)), "How the API authenticates to it."),
            PropertySchema("credentials_source", .enumeration(EnumSchema(SecretSource.self)), "Where those credentials come from."),
            PropertySchema("source", .codeReference, "Where the API calls it: `path`, `path:line`, `path:line:col` or `path:start-end`."),
        ]),
        ObjectSchema("DataFlow", "Data moving between two elements.", uniqueKey: "id", properties: [
            PropertySchema("id", .string, "Optional name of the flow; unique."),
            PropertySchema("from", .string, required: true, references: .element, "Sender: a client, data store or external service id, or `api`."),
            PropertySchema("to", .string, required: true, references: .element, "Receiver: a client, data store or external service id, or `api`."),
            PropertySchema("protocol", .string, "`https`, `wss`, `postgresql`, …"),
            PropertySchema("tls", .boolean, "The flow is encrypted in transit."),
            PropertySchema("data", .list(.string), "What it carries."),
            PropertySchema("description", .string, "Free text."),
            PropertySchema("source", .codeReference, "Where the flow happens in code: `path`, `path:line`, `path:line:col` or `path:start-end`."),
        ]),
        ObjectSchema("TrustBoundary", "A group of elements that trust each other.", uniqueKey: "id", properties: [
            PropertySchema("id", .string, required: true, "Name of the boundary; unique."),
            PropertySchema("name", .string, "Display name."),
            PropertySchema("contains", .list(.string), required: true, references: .element, "Ids of the elements inside it; `api` names the service itself."),
            PropertySchema("source", .codeReference, "Where the boundary is drawn: a network definition, a compose file, a policy: `path`, `path:line`, `path:line:col` or `path:start-end`."),
        ]),
    ]
}
