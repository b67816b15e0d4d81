import Foundation

/// Drafts `deployment.containers` from a docker-compose file: each service with its role, published
/// ports and bind addresses, Docker socket mounts, `privileged`, proxy routing and the secret-looking
/// literals in its environment.
public struct ComposeDraft: Sendable, Equatable {
    /// One `ShippedContainer` node per service, in file order.
    public var containers: [DraftNode]
    /// What a human should still answer (literal secrets, unresolved ports).
    public var questions: [String]
    /// Services the compose file builds from its own folder's Dockerfile (`build: .`), the project's image.
    public var builtServices: Set<String>

    /// Image names (without registry and tag) of admin interfaces.
    static let adminImages: Set<String> = ["adminer", "pgadmin4", "pgadmin", "phpmyadmin", "mongo-express", "redis-commander",
                                           "redisinsight", "portainer", "portainer-ce", "kafka-ui", "flower", "dpage/pgadmin4"]
    static let databaseImages: Set<String> = ["postgres", "postgis", "mysql", "mariadb", "mongo", "mongodb", "mssql", "cassandra",
                                              "elasticsearch", "opensearch", "neo4j", "qdrant", "clickhouse", "couchdb", "influxdb",
                                              "timescaledb", "minio", "chroma"]
    static let cacheImages: Set<String> = ["redis", "valkey", "memcached", "keydb", "dragonfly"]
    static let proxyImages: Set<String> = ["traefik", "nginx", "caddy", "haproxy", "envoy"]

    /// Reads a compose file's text; `file` is the path written in `source:` keys.
    ///
    /// - Throws: `DiagnosticList` when the text is not YAML.
    public init(text: String, file: String) throws(DiagnosticList) {
        let root = try LocatedNode.parse(text, file: file)
        var containers: [DraftNode] = []
        var questions: [String] = []
        var built = Set<String>()
        for entry in root["services"]?.entries ?? [] {
            if Self.buildsTheProjectRoot(entry.value["build"]) { built.insert(entry.key) }
            let service = entry.value
            let at = "\(file):\(entry.keyLocation.line)"
            var pairs: [(String, DraftNode)] = [("id", .string(entry.key))]
            let image = service["image"]?.scalarValue?.text
            if let image { pairs.append(("image", .string(image))) }
            pairs.append(("role", .string(Self.role(name: entry.key, image: image, service: service))))
            var ports: [DraftNode] = []
            for port in service["ports"]?.items ?? [] {
                if let node = Self.port(port, file: file) { ports.append(node) } else {
                    questions.append("\(file):\(port.location.line): which host port and address does \(entry.key) publish?")
                }
            }
            if !ports.isEmpty { pairs.append(("published_ports", .sequence(ports))) }
            if Self.routedByProxy(service["labels"]) {
                pairs.append(("routed_by_proxy", .boolean(true, comment: "\(file):\(service["labels"]!.location.line) proxy labels")))
            }
            if let socket = Self.dockerSocket(service["volumes"]) {
                pairs.append(("docker_socket", .string(socket.mode, comment: "\(file):\(socket.line)")))
            }
            if service["privileged"]?.scalarValue?.text == "true" {
                pairs.append(("privileged", .boolean(true, comment: "\(file):\(service["privileged"]!.location.line)")))
            }
            if let user = service["user"]?.scalarValue {
                let name = user.text.split(separator: ":").first.map(String.init) ?? user.text
                if !name.contains("$") {
                    pairs.append(("runs_as_root", .boolean(name == "root" || name == "0", comment: "\(file):\(user.location.line) user: \(user.text)")))
                }
            }
            pairs.append(("source", .string(at)))
            var node = DraftNode.mapping(pairs)
            for (name, line) in Self.literalSecrets(service["environment"]) {
                node.notes.append("\(file):\(line) sets \(name) to a literal in the compose file")
                questions.append("\(file):\(line): \(entry.key) sets \(name) to a literal; is that value used outside development?")
            }
            containers.append(node)
        }
        self.containers = containers
        self.questions = questions
        self.builtServices = built
    }

    static func imageName(_ image: String?) -> String {
        guard let image else { return "" }
        let withoutTag = image.split(separator: "@").first.map(String.init) ?? image
        let parts = withoutTag.split(separator: "/")
        let last = parts.last.map(String.init) ?? withoutTag
        return (last.split(separator: ":").first.map(String.init) ?? last).lowercased()
    }

    static func role(name: String, image: String?, service: LocatedNode) -> String {
        let base = imageName(image)
        let lowerName = name.lowercased()
        if adminImages.contains(base) || adminImages.contains(lowerName) { return "admin_ui" }
        if databaseImages.contains(base) { return "database" }
        if cacheImages.contains(base) { return "cache" }
        if proxyImages.contains(base) { return "proxy" }
        let command = commandText(service["command"]) + " " + commandText(service["entrypoint"])
        if ["celery", "worker", "rq ", "arq ", "dramatiq", "beat", "scheduler"].contains(where: { command.lowercased().contains($0) })
            || ["worker", "celery", "scheduler", "beat"].contains(where: { lowerName.contains($0) })
        {
            return "worker"
        }
        if ["uvicorn", "gunicorn", "hypercorn", "fastapi ", "granian"].contains(where: { command.contains($0) })
            || ["api", "backend", "app", "web", "server"].contains(lowerName)
        {
            return "api"
        }
        // Built from the project's own Dockerfile and run with that image's command: the API itself.
        if command.trimmingWhitespaces.isEmpty, buildsTheProjectRoot(service["build"]), !lowerName.contains("test") {
            return "api"
        }
        return "other"
    }

    /// `build: .`, `build: ./` or `build: {context: .}` without another Dockerfile.
    static func buildsTheProjectRoot(_ build: LocatedNode?) -> Bool {
        guard let build else { return false }
        let roots: Set<String> = [".", "./"]
        if let context = build.scalarValue?.text { return roots.contains(context) }
        guard let context = build["context"]?.scalarValue?.text, roots.contains(context) else { return false }
        let dockerfile = build["dockerfile"]?.scalarValue?.text ?? "Dockerfile"
        return dockerfile == "Dockerfile" || dockerfile == "./Dockerfile"
    }

    static func commandText(_ node: LocatedNode?) -> String {
        if let scalar = node?.scalarValue { return scalar.text }
        return (node?.items ?? []).compactMap { $0.scalarValue?.text }.joined(separator: " ")
    }

    /// A `ports:` entry: `"8000"`, `"8000:80"`, `"127.0.0.1:5432:5432/tcp"` or the long syntax;
    /// nil when a part is an unresolved `${VARIABLE}` without a default.
    static func port(_ node: LocatedNode, file: String) -> DraftNode? {
        let at = "\(file):\(node.location.line)"
        var host: String?, container: String?, address: String?
        if let scalar = node.scalarValue {
            var text = scalar.text
            if let slash = text.firstIndex(of: "/") { text = String(text[..<slash]) }
            var parts = splitPort(text)
            guard !parts.isEmpty else { return nil }
            container = parts.removeLast()
            if !parts.isEmpty { host = parts.removeLast() }
            if !parts.isEmpty { address = parts.joined(separator: ":") }
        } else if node.entries != nil {
            container = node["target"]?.scalarValue?.text
            host = node["published"]?.scalarValue?.text
            address = node["host_ip"]?.scalarValue?.text
        }
        guard let containerPort = container.flatMap(resolvedInteger) else { return nil }
        var pairs: [(String, DraftNode)] = []
        if let host {
            guard let hostPort = resolvedInteger(host) else { return nil }
            pairs.append(("host_port", .integer(hostPort)))
        }
        pairs.append(("container_port", .integer(containerPort)))
        if let address {
            let resolved = resolvedText(address.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
            guard let resolved else { return nil }
            pairs.append(("bind_address", .string(resolved)))
        }
        pairs.append(("source", .string(at)))
        return .mapping(pairs)
    }

    /// Splits `a:b:c` on colons outside `${…}` and outside an IPv6 `[…]`.
    static func splitPort(_ text: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for character in text {
            if character == "{" || character == "[" { depth += 1 }
            if character == "}" || character == "]" { depth -= 1 }
            if character == ":" && depth == 0 { parts.append(current); current = "" } else { current.append(character) }
        }
        parts.append(current)
        return parts
    }

    /// `${NAME:-default}` → `default`, `${NAME}` → nil, plain text → itself.
    static func resolvedText(_ text: String) -> String? {
        guard text.contains("$") else { return text }
        guard text.hasPrefix("${"), text.hasSuffix("}"), let range = text.range(of: ":-") ?? text.range(of: "-") else { return nil }
        return String(text[range.upperBound..<text.index(before: text.endIndex)])
    }

    static func resolvedInteger(_ text: String) -> Int? {
        resolvedText(text.trimmingWhitespaces).flatMap { Int($0) }.flatMap { (1...65535).contains($0) ? $0 : nil }
    }

    static func routedByProxy(_ labels: LocatedNode?) -> Bool {
        let texts = (labels?.items ?? []).compactMap { $0.scalarValue?.text } + (labels?.entries ?? []).map(\.key)
        return texts.contains { $0.hasPrefix("traefik.http.routers.") || $0.hasPrefix("caddy") }
    }

    static func dockerSocket(_ volumes: LocatedNode?) -> (mode: String, line: Int)? {
        for volume in volumes?.items ?? [] {
            if let text = volume.scalarValue?.text, text.hasPrefix("/var/run/docker.sock") || text.hasPrefix("/run/docker.sock") {
                let options = text.split(separator: ":").dropFirst(2)
                return (options.contains { $0.split(separator: ",").contains("ro") } ? "read_only" : "read_write", volume.location.line)
            }
            if let source = volume["source"]?.scalarValue?.text, source.hasSuffix("docker.sock") {
                return (volume["read_only"]?.scalarValue?.text == "true" ? "read_only" : "read_write", volume.location.line)
            }
        }
        return nil
    }

    static func literalSecrets(_ environment: LocatedNode?) -> [(String, Int)] {
        var pairs: [(String, String, Int)] = []
        for item in environment?.items ?? [] {
            guard let text = item.scalarValue?.text, let equals = text.firstIndex(of: "=") else { continue }
            pairs.append((String(text[..<equals]), String(text[text.index(after: equals)...]), item.location.line))
        }
        for entry in environment?.entries ?? [] {
            if let value = entry.value.scalarValue, value.kind != .null { pairs.append((entry.key, value.text, entry.keyLocation.line)) }
        }
        let secretWords = ["SECRET", "PASSWORD", "PASSWD", "TOKEN", "API_KEY", "PRIVATE_KEY"]
        return pairs.filter { name, value, _ in
            secretWords.contains { name.uppercased().contains($0) } && !value.isEmpty && !value.contains("$")
        }.map { ($0.0, $0.2) }
    }
}
