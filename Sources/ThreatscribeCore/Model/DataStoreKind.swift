/// The kind of a data store (`data_stores[].type`); decides whether it listens on a network at all.
public enum DataStoreType: String, Codable, Sendable, CaseIterable, AnalysisMeaning {
    case postgresql, mysql, mariadb, mssql, oracle, mongodb, redis, valkey, memcached
    case elasticsearch, opensearch, cassandra, dynamodb, neo4j, qdrant
    case s3, gcs
    case azureBlob = "azure_blob"
    case minio, rabbitmq, kafka
    case sqlite, duckdb
    /// Files in a directory the API reads and writes.
    case filesystem
    case other

    public var analysisMeaning: String {
        isEmbedded
            ? "Embedded: a file the API's own process opens, with no network listener. Connection findings (no authentication, no TLS) do not apply."
            : "A separate server reached over the network: connection authentication and TLS findings apply."
    }

    /// A file inside the API's process, not a server reached over a network.
    public var isEmbedded: Bool { [.sqlite, .duckdb, .filesystem].contains(self) }
}

/// How the API authenticates to a data store (`data_stores[].authentication`).
public enum DataStoreAuthentication: String, Codable, Sendable, CaseIterable, AnalysisMeaning {
    case none, password, iam, certificate, token, other

    public var analysisMeaning: String {
        self == .none
            ? "The store accepts connections without credentials: TS-FLOW-010 fires unless the store is embedded (`sqlite`, `duckdb`, `filesystem`)."
            : "The store requires this credential: no unauthenticated-connection finding."
    }
}
