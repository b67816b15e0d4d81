/// Turns an ``OpenAPIDescription`` into a draft model: security schemes become `auth`
/// mechanisms, operations become endpoints with their auth, schemas with sensitive-looking fields
/// become `models`, servers become environments.
enum OpenAPIDraft {
    static func draft(_ document: OpenAPIDescription, file: String) -> ImportDraft {
        var model = DraftSource.root(systemName: document.title ?? "Service described by \(DraftSource.fileName(file))", at: document.location)
        var questions: [String] = []
        let schemeNames = Set(document.schemes.map(\.name))

        let mechanisms = document.schemes.map { mechanism($0) }
        if !mechanisms.isEmpty { model.append("auth", .sequence(mechanisms)) }
        if document.schemes.contains(where: { if case .apiKey(in: "query", _) = $0.kind { true } else { false } }) {
            questions.append("An API key travels in the query string: it lands in access logs and browser history; is that intended?")
        }

        let loginPaths = Set(document.schemes.compactMap { scheme -> String? in
            if case .oauth2(let url?) = scheme.kind { return url.hasPrefix("/") ? url : nil }
            return nil
        })
        let referenced = Set(document.operations.flatMap { [$0.requestModel, $0.responseModel].compactMap { $0 } })
        let sensitiveSchemas = document.schemas.filter { schema in schema.fields.contains { SensitiveFieldName.isSensitive($0.name) } }
        let modelNames = referenced.union(sensitiveSchemas.map(\.name))

        var endpoints: [DraftNode] = []
        var unknownSchemes: Set<String> = []
        var multiple = 0
        for operation in document.operations {
            var endpoint = DraftNode.mapping([("path", .string(operation.path)), ("methods", .strings([operation.method]))])
            let requirements = operation.security ?? document.security
            if requirements == nil {
                endpoint.notes.append("no security requirement in the document")
            }
            if let requirements {
                let names = orderedUnique(requirements.flatMap { $0.map(\.scheme) })
                unknownSchemes.formUnion(names.filter { !schemeNames.contains($0) })
                let known = names.filter { schemeNames.contains($0) }
                if requirements.isEmpty || requirements.contains(where: \.isEmpty) && known.isEmpty {
                    // `security: []`, or an empty requirement among the alternatives: anyone may call it.
                    endpoint.append("auth", .string("none", comment: requirements.isEmpty ? "security: []" : "security lists {} (no requirement)"))
                } else if known.count == 1 {
                    endpoint.append("auth", .string(known[0]))
                } else if known.count > 1 {
                    multiple += 1
                    endpoint.append("auth_any", .strings(known, comment: "OpenAPI reads these as alternatives; FastAPI writes one per dependency and runs them all"))
                }
                let scopes = orderedUnique(requirements.flatMap { $0.flatMap(\.scopes) })
                if !scopes.isEmpty { endpoint.append("scopes", .strings(scopes)) }
            }
            if loginPaths.contains(operation.path), operation.method == "POST" {
                endpoint.append("purpose", .string("login", comment: "the OAuth2 password flow's tokenUrl"))
            }
            if let name = operation.requestModel, modelNames.contains(name) { endpoint.append("request_model", .string(name)) }
            if let name = operation.responseModel, modelNames.contains(name) { endpoint.append("response_model", .string(name)) }
            endpoint.append("source", DraftSource.reference(operation.location))
            endpoints.append(endpoint)
        }
        var router = DraftNode.mapping([("name", .string("openapi"))])
        if endpoints.isEmpty {
            questions.append("The document lists no operations; add the endpoints by hand.")
        }
        router.append("endpoints", .sequence(endpoints))
        if !endpoints.isEmpty { model.append("routers", .sequence([router])) }
        if !unknownSchemes.isEmpty {
            questions.append("Security requirements name schemes the document does not define: \(unknownSchemes.sorted().joined(separator: ", ")).")
        }
        let adminPaths = document.operations.filter { operation in
            operation.path.split(separator: "/").contains { $0.lowercased() == "admin" }
                && !(operation.security ?? document.security ?? []).contains { !$0.flatMap(\.scopes).isEmpty }
        }
        if !adminPaths.isEmpty {
            questions.append("\(adminPaths.count) admin endpoints list no scopes (FastAPI writes scopes only for Security(..., scopes=[...])): add the `scopes` or roles the code checks, else the report says they need none.")
        }
        if multiple > 0 {
            questions.append("\(multiple) operations list several security schemes; say whether the code needs all of them (a router's dependencies) or any one (auth_any, as drafted).")
        }

        let models = document.schemas.filter { modelNames.contains($0.name) }.map { schema -> DraftNode in
            var node = DraftNode.mapping([("name", .string(schema.name))])
            let fields = schema.fields.filter { SensitiveFieldName.isSensitive($0.name) }.map { field -> DraftNode in
                var node = DraftNode.mapping([("name", .string(field.name))])
                if let type = field.type { node.append("type", .string(type)) }
                node.append("sensitive", .boolean(true, comment: "by its name"))
                node.append("source", DraftSource.reference(field.location))
                return node
            }
            if !fields.isEmpty { node.append("fields", .sequence(fields)) }
            node.append("source", DraftSource.reference(schema.location))
            return node
        }
        if !models.isEmpty { model.append("models", .sequence(models)) }

        var environments: [DraftNode] = []
        var used: Set<String> = []
        for (index, server) in document.servers.enumerated() {
            let name = DraftSource.unique(DraftSource.identifier(server.description ?? "", fallback: "server-\(index + 1)"), in: &used)
            var environment = DraftNode.mapping([("name", .string(name)), ("base_url", .string(server.url))])
            if server.url.lowercased().hasPrefix("http://") {
                environment.notes.append("plain http at \(server.location.file):\(server.location.line)")
                questions.append("Server \(server.url) is plain http: which kind of environment is it (development, staging, production)?")
            }
            environments.append(environment)
        }
        if !environments.isEmpty { model.append("environments", .sequence(environments)) }

        let publicCount = endpoints.filter { $0["auth"].map { if case .string("none") = $0.value { true } else { false } } ?? false }.count
        var found = [
            "\(document.operations.count) operations on \(Set(document.operations.map(\.path)).count) paths (\(publicCount) public by `security: []`)",
            "\(document.schemes.count) security schemes",
            "\(models.count) models (\(sensitiveSchemas.count) with sensitive-looking fields)",
        ]
        if !document.servers.isEmpty { found.append("\(document.servers.count) servers") }
        if document.security == nil {
            let bare = document.operations.filter { $0.security == nil }.count
            if bare > 0 { found.append("\(bare) operations without any security requirement") }
        }
        questions.append("Middleware, CORS, the server, deployment and framework versions are not in an OpenAPI document.")
        return ImportDraft(kind: "OpenAPI \(document.version) document", model: model, found: found, questions: questions)
    }

    static func mechanism(_ scheme: OpenAPIDescription.SecurityScheme) -> DraftNode {
        var node = DraftNode.mapping([("id", .string(scheme.name))])
        switch scheme.kind {
        case .apiKey(let place, let name):
            node.append("type", .string("api_key"))
            node.append("transport", .string(["header", "query", "cookie"].contains(place) ? place : "header"))
            if !name.isEmpty { node.append("parameter", .string(name)) }
        case .http("basic", _):
            node.append("type", .string("http_basic"))
            node.append("transport", .string("header"))
            node.append("parameter", .string("Authorization"))
        case .http(let kind, let format):
            let isJWT = format?.uppercased() == "JWT"
            node.append("type", .string(isJWT ? "jwt" : "custom", comment: "http \(kind)\(format.map { " (\($0))" } ?? "")"))
            node.append("transport", .string("header"))
            node.append("parameter", .string("Authorization"))
        case .oauth2:
            node.append("type", .string("oauth2_jwt", comment: "oauth2; whether its tokens are JWTs is not in the document"))
            node.append("transport", .string("header"))
            node.append("parameter", .string("Authorization"))
        case .openIDConnect:
            node.append("type", .string("oauth2_jwt", comment: "openIdConnect"))
            node.append("transport", .string("header"))
        case .mutualTLS:
            node.append("type", .string("mtls"))
        case .other(let kind):
            node.append("type", .string("custom", comment: "scheme type \(kind)"))
        }
        node.append("source", DraftSource.reference(scheme.location))
        return node
    }

    private static func orderedUnique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
