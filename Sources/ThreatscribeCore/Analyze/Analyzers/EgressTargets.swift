import Foundation

/// The network destinations the model says the API connects to (data stores reached over a network
/// and external services), with the TCP port each uses by default, so that an egress policy written
/// from a finding keeps them reachable.
struct EgressTargets {
    /// `postgres (postgresql): TCP 5432`, one per destination.
    var descriptions: [String]
    /// The distinct ports, ascending.
    var ports: [Int]

    static let storePorts: [DataStoreType: Int] = [
        .postgresql: 5432, .mysql: 3306, .mariadb: 3306, .mssql: 1433, .oracle: 1521, .mongodb: 27017,
        .redis: 6379, .valkey: 6379, .memcached: 11211, .elasticsearch: 9200, .opensearch: 9200,
        .cassandra: 9042, .neo4j: 7687, .qdrant: 6333, .rabbitmq: 5672, .kafka: 9092,
        .s3: 443, .gcs: 443, .azureBlob: 443, .dynamodb: 443, .minio: 9000,
    ]
    static let protocolPorts = ["https": 443, "http": 80, "grpc": 443, "smtp": 587, "smtps": 465, "ldap": 389, "ldaps": 636, "amqp": 5672]

    init(model: ArchitectureModel) {
        var descriptions: [String] = [], ports = Set<Int>()
        for store in model.dataStores ?? [] {
            guard let type = store.type, !type.isEmbedded, let port = Self.storePorts[type] else { continue }
            descriptions.append("\(store.id) (\(type.rawValue)): TCP \(port)")
            ports.insert(port)
        }
        for service in model.externalServices ?? [] {
            let url = service.url.flatMap(URL.init(string:))
            let scheme = (url?.scheme ?? service.protocol)?.lowercased()
            guard let port = url?.port ?? scheme.flatMap({ Self.protocolPorts[$0] }) else { continue }
            descriptions.append("\(service.id) (\(scheme ?? "tcp")): TCP \(port)")
            ports.insert(port)
        }
        self.descriptions = descriptions
        self.ports = ports.sorted()
    }

    /// The ports as a YAML flow sequence for a NetworkPolicy rule: `[{port: 5432, protocol: TCP}]`.
    var portsYAML: String { "[" + ports.map { "{port: \($0), protocol: TCP}" }.joined(separator: ", ") + "]" }
}
