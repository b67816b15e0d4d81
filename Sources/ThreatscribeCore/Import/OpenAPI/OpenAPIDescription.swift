/// What an OpenAPI 3.0/3.1 document says about security, read by hand over the located YAML tree so
/// that every value keeps its line (OpenAPIKit would have cost a minute of build per change and
/// dropped the locations; only the parts below are needed).
struct OpenAPIDescription: Sendable {
    struct Server: Sendable {
        var url: String
        var description: String?
        var location: SourceLocation
    }

    enum SchemeKind: Sendable, Equatable {
        case apiKey(in: String, name: String)
        case http(scheme: String, bearerFormat: String?)
        case oauth2(passwordTokenURL: String?)
        case openIDConnect
        case mutualTLS
        case other(String)
    }

    struct SecurityScheme: Sendable {
        var name: String
        var kind: SchemeKind
        var location: SourceLocation
    }

    /// One security requirement object: every scheme in it is required (AND); several objects are
    /// alternatives (OR) in OpenAPI's reading.
    typealias Requirement = [(scheme: String, scopes: [String])]

    struct Operation: Sendable {
        var path: String
        var method: String
        var operationID: String?
        /// `nil`: the operation inherits the document's security; `[]`: `security: []`, public.
        var security: [Requirement]?
        var requestModel: String?
        var responseModel: String?
        var location: SourceLocation
    }

    struct Field: Sendable {
        var name: String
        var type: String?
        var location: SourceLocation
    }

    struct Schema: Sendable {
        var name: String
        var fields: [Field]
        var location: SourceLocation
    }

    var version: String
    var title: String?
    var location: SourceLocation
    var servers: [Server] = []
    var schemes: [SecurityScheme] = []
    var security: [Requirement]?
    var operations: [Operation] = []
    var schemas: [Schema] = []
}

extension OpenAPIDescription {
    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Reads the document; `nil` when `root` is not an OpenAPI 3 document. A Swagger 2.0 document is an error.
    static func read(_ root: LocatedNode) throws(DiagnosticList) -> OpenAPIDescription? {
        if let swagger = root["swagger"] {
            throw DiagnosticList([Diagnostic(.error, "Swagger 2.0 is not read; convert it to OpenAPI 3 first", at: swagger.location)])
        }
        guard let version = root.text("openapi") else { return nil }
        guard version.hasPrefix("3.") else {
            throw DiagnosticList([Diagnostic(.error, "OpenAPI \(version) is not read; threatscribe reads 3.0 and 3.1", at: root["openapi"]!.location)])
        }
        var description = OpenAPIDescription(version: version, title: root["info"]?.text("title"), location: root.location)
        for server in root["servers"]?.items ?? [] {
            guard let url = server.text("url") else { continue }
            description.servers.append(Server(url: url, description: server.text("description"), location: server.location))
        }
        for entry in root["components"]?["securitySchemes"]?.entries ?? [] {
            description.schemes.append(SecurityScheme(name: entry.key, kind: schemeKind(entry.value), location: entry.keyLocation))
        }
        description.security = requirements(root["security"])
        for path in root["paths"]?.entries ?? [] {
            for operation in path.value.entries ?? [] where methods.contains(operation.key) {
                let node = operation.value
                description.operations.append(Operation(
                    path: path.key,
                    method: operation.key.uppercased(),
                    operationID: node.text("operationId"),
                    security: requirements(node["security"]),
                    requestModel: node["requestBody"]?["content"]?.entries?.lazy.compactMap { schemaName($0.value["schema"]) }.first,
                    responseModel: successResponse(node["responses"]),
                    location: operation.keyLocation
                ))
            }
        }
        for entry in root["components"]?["schemas"]?.entries ?? [] {
            let fields = (entry.value["properties"]?.entries ?? []).map { property in
                Field(name: property.key, type: property.value.text("type") ?? schemaName(property.value), location: property.keyLocation)
            }
            description.schemas.append(Schema(name: entry.key, fields: fields, location: entry.keyLocation))
        }
        return description
    }

    private static func schemeKind(_ node: LocatedNode) -> SchemeKind {
        switch node.text("type") {
        case "apiKey": return .apiKey(in: node.text("in") ?? "header", name: node.text("name") ?? "")
        case "http": return .http(scheme: (node.text("scheme") ?? "").lowercased(), bearerFormat: node.text("bearerFormat"))
        case "oauth2": return .oauth2(passwordTokenURL: node["flows"]?["password"]?.text("tokenUrl"))
        case "openIdConnect": return .openIDConnect
        case "mutualTLS": return .mutualTLS
        case let other: return .other(other ?? "")
        }
    }

    private static func requirements(_ node: LocatedNode?) -> [Requirement]? {
        guard let items = node?.items else { return nil }
        return items.map { item in
            (item.entries ?? []).map { entry in (entry.key, (entry.value.items ?? []).compactMap { $0.scalarValue?.text }) }
        }
    }

    /// The component name a schema refers to (`#/components/schemas/User` → `User`), through
    /// arrays and single-member `allOf`/`anyOf`.
    static func schemaName(_ node: LocatedNode?) -> String? {
        guard let node else { return nil }
        if let reference = node.text("$ref"), let name = reference.split(separator: "/").last, reference.hasPrefix("#/components/schemas/") {
            return String(name)
        }
        if let items = node["items"] { return schemaName(items) }
        for key in ["allOf", "anyOf", "oneOf"] {
            if let members = node[key]?.items, let name = members.lazy.compactMap({ schemaName($0) }).first { return name }
        }
        return nil
    }

    private static func successResponse(_ node: LocatedNode?) -> String? {
        for entry in node?.entries ?? [] where entry.key.hasPrefix("2") {
            if let name = entry.value["content"]?.entries?.lazy.compactMap({ schemaName($0.value["schema"]) }).first { return name }
        }
        return nil
    }
}
