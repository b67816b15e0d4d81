/// Decodes a validated `routers` list straight from the located tree, without building its JSON form and
/// reading it through `Decodable` (which is most of decoding a model with thousands of endpoints).
///
/// It gives exactly what `ModelDecoding.tree` followed by the synthesized `Decodable` gives, or `nil`
/// whenever the tree holds anything it does not read the same way (a value of another shape, an
/// unknown enumeration value, a missing required key): the caller then decodes the Decodable way, so
/// results and internal errors stay the same. Objects it does not read itself (`tenant`,
/// `capabilities`) go through `JSONTreeDecoder`.
struct RouterDecoding {
    let decoding: ModelDecoding

    /// A value read otherwise than the Decodable way would read it.
    struct Mismatch: Error {}

    /// The routers of a `routers:` value (`nil` for null), or `nil` when the Decodable way must decide.
    func routers(_ node: LocatedNode) -> [Router]?? {
        guard Self.handlesSchema(decoding.schema) else { return nil }
        if node.isNull { return .some(nil) }
        do throws(Mismatch) {
            guard let items = node.items else { throw Mismatch() }
            var routers: [Router] = []
            routers.reserveCapacity(items.count)
            for item in items { routers.append(try router(item)) }
            return .some(routers)
        } catch {
            return nil
        }
    }

    /// Whether the schema's `Router` and `Endpoint` are the ones this reads: no key may hold an unresolved
    /// value, and every key has the type read here (`RouterDecodingTests` compares both ways on every key).
    private static func handlesSchema(_ schema: ModelSchema) -> Bool {
        guard let router = schema.object(named: "Router"), let endpoint = schema.object(named: "Endpoint") else { return false }
        return !(router.properties + endpoint.properties).contains(where: \.acceptsUnresolved)
    }

    private func router(_ node: LocatedNode) throws(Mismatch) -> Router {
        guard let entries = node.entries else { throw Mismatch() }
        var prefix: String?, name: String?, dependencies: [String]?, authAny: [String]?, scopes: [String]?
        var endpoints: [Endpoint]?, source: String?
        for entry in entries {
            let value = entry.value
            switch entry.key {
            case "prefix": prefix = try Self.string(value)
            case "name": name = try Self.string(value)
            case "dependencies": dependencies = try Self.strings(value)
            case "auth_any": authAny = try Self.strings(value)
            case "scopes": scopes = try Self.strings(value)
            case "source": source = try Self.string(value)
            case "endpoints":
                guard let items = value.items else { throw Mismatch() }
                var list: [Endpoint] = []
                list.reserveCapacity(items.count)
                for item in items { list.append(try endpoint(item)) }
                endpoints = list
            default: try Self.ignore(entry.key, of: "Router", decoding.schema)
            }
        }
        guard let endpoints else { throw Mismatch() }
        return Router(prefix: prefix, name: name, dependencies: dependencies, authAny: authAny, scopes: scopes, endpoints: endpoints, source: source)
    }

    private func endpoint(_ node: LocatedNode) throws(Mismatch) -> Endpoint {
        guard let entries = node.entries else { throw Mismatch() }
        var path: String?, methods: [String]?
        var endpoint = Endpoint(path: "", methods: [])
        for entry in entries {
            let value = entry.value
            switch entry.key {
            case "path": path = try Self.string(value)
            case "methods": methods = try Self.strings(value)
            case "auth": endpoint.auth = try Self.string(value)
            case "auth_any": endpoint.authAny = try Self.strings(value)
            case "scopes": endpoint.scopes = try Self.strings(value)
            case "rate_limit": endpoint.rateLimit = try Self.string(value)
            case "request_model": endpoint.requestModel = try Self.string(value)
            case "response_model": endpoint.responseModel = try Self.string(value)
            case "sensitive_response_fields": endpoint.sensitiveResponseFields = try Self.strings(value)
            case "source": endpoint.source = try Self.string(value)
            case "include_in_schema": endpoint.includeInSchema = Self.bool(value)
            case "read_only": endpoint.readOnly = Self.bool(value)
            case "checks_object_ownership": endpoint.checksObjectOwnership = Self.bool(value)
            case "blocking_calls_in_async": endpoint.blockingCallsInAsync = Self.bool(value)
            case "expensive": endpoint.expensive = Self.bool(value)
            case "fetches_user_url": endpoint.fetchesUserUrl = Self.bool(value)
            case "reflects_input_with_secrets": endpoint.reflectsInputWithSecrets = Self.bool(value)
            case "raises_http_exception_details": endpoint.raisesHttpExceptionDetails = Self.bool(value)
            case "purpose": endpoint.purpose = try Self.enumeration(value)
            case "verifies": endpoint.verifies = try Self.enumeration(value)
            case "tenant": endpoint.tenant = try object(value, "TenantAccess")
            case "capabilities": endpoint.capabilities = try object(value, "Capabilities")
            default: try Self.ignore(entry.key, of: "Endpoint", decoding.schema)
            }
        }
        guard let path, let methods else { throw Mismatch() }
        endpoint.path = path
        endpoint.methods = methods
        return endpoint
    }

    /// A key this does not read: the Decodable way leaves out keys the schema lacks; any other is its to read.
    private static func ignore(_ key: String, of object: String, _ schema: ModelSchema) throws(Mismatch) {
        if schema.object(named: object)?.property(key) != nil { throw Mismatch() }
    }

    /// An optional string (a null reads as absent).
    private static func string(_ node: LocatedNode) throws(Mismatch) -> String? {
        guard case .scalar(let scalar) = node else { throw Mismatch() }
        return scalar.kind == .null ? nil : scalar.text
    }

    /// An optional list of strings.
    private static func strings(_ node: LocatedNode) throws(Mismatch) -> [String]? {
        if node.isNull { return nil }
        guard let items = node.items else { throw Mismatch() }
        var strings: [String] = []
        strings.reserveCapacity(items.count)
        for item in items {
            guard case .scalar(let scalar) = item, scalar.kind != .null else { throw Mismatch() }
            strings.append(scalar.text)
        }
        return strings
    }

    /// An optional Boolean: anything but a `bool` scalar reads as absent, as `ModelDecoding.tree` writes it as null.
    private static func bool(_ node: LocatedNode) -> Bool? {
        node.isNull ? nil : node.scalarValue?.boolValue
    }

    private static func enumeration<Value: RawRepresentable<String>>(_ node: LocatedNode) throws(Mismatch) -> Value? {
        guard let text = try string(node) else { return nil }
        guard let value = Value(rawValue: text) else { throw Mismatch() }
        return value
    }

    /// An optional object read the Decodable way.
    private func object<Value: Decodable>(_ node: LocatedNode, _ name: String) throws(Mismatch) -> Value? {
        if node.isNull { return nil }
        do {
            return try JSONTreeDecoder().decode(Value.self, from: decoding.tree(node, as: .object(name)))
        } catch {
            throw Mismatch()
        }
    }
}
