/// Something outside the API that calls it: a browser SPA, a mobile app, another service.
public struct Client: Codable, Sendable, Equatable {
    public var id: String
    public var name: String?
    public var type: String?
    /// The web origin it runs on, e.g. `https://betzenstein.app`.
    public var origin: String?
    public var trusted: Bool?
    /// Where it is defined: a `CodeReference` (`path`, `path:line`, …).
    public var source: String?
}

public struct DataStore: Codable, Sendable, Equatable {
    public var id: String
    public var name: String?
    public var type: DataStoreType?
    public var tls: Bool?
    public var authentication: DataStoreAuthentication?
    public var encryptedAtRest: Bool?
    public var credentialsSource: SecretSource?
    public var holdsSensitiveData: Bool?
    /// Where it is defined: a `CodeReference` (`path`, `path:line`, …).
    public var source: String?
}

public struct ExternalService: Codable, Sendable, Equatable {
    public var id: String
    public var name: String?
    /// `https`, `http`, `grpc`, `smtp`, …
    public var `protocol`: String?
    public var url: String?
    public var tls: Bool?
    public var authentication: String?
    public var credentialsSource: SecretSource?
    /// Where it is defined: a `CodeReference` (`path`, `path:line`, …).
    public var source: String?
}

/// Data moving between two elements; `from` and `to` name a client, store, service or `api`.
public struct DataFlow: Codable, Sendable, Equatable {
    public var id: String?
    public var from: String
    public var to: String
    public var `protocol`: String?
    public var tls: Bool?
    public var data: [String]?
    public var description: String?
    /// Where it is defined: a `CodeReference` (`path`, `path:line`, …).
    public var source: String?
}

public struct TrustBoundary: Codable, Sendable, Equatable {
    public var id: String
    public var name: String?
    /// Ids of the elements inside it (`api` names the service itself).
    public var contains: [String]
    /// Where it is defined: a `CodeReference` (`path`, `path:line`, …).
    public var source: String?
}

/// The ASGI server process.
public struct ServerSettings: Codable, Sendable, Equatable {
    /// `uvicorn`, `gunicorn`, `hypercorn`, `fastapi run`, `fastapi dev`.
    public var kind: String?
    public var version: String?
    public var host: String?
    public var port: Int?
    public var workers: Int?
    public var reload: Bool?
    public var proxyHeaders: Bool?
    public var forwardedAllowIps: String?
    public var limitConcurrency: Int?
    public var timeoutKeepAlive: Int?
    public var serverHeader: Bool?
    public var h11MaxIncompleteEventSize: Int?
    /// A reverse proxy, ingress or load balancer sits in front.
    public var behindProxy: Bool?
    /// Where TLS terminates: `proxy`, `server`, `none`.
    public var tlsTermination: String?
    /// Request body limit enforced in front of the app, in bytes.
    public var maxBodySize: Int?
    public var source: String?
}

public struct Deployment: Codable, Sendable, Equatable {
    /// `kubernetes`, `docker`, `paas`, `vm`, `serverless`.
    public var platform: String?
    /// `fly.io`, `vercel`, `eks`, …
    public var provider: String?
    /// The URL clients use, e.g. `https://api.betzenstein.app`.
    public var publicUrl: String?
    public var ingress: Ingress?
    public var kubernetes: KubernetesSettings?
    public var container: ContainerSettings?
    /// Every container shipped with the service (compose services, sidecars), the API's included.
    public var containers: [ShippedContainer]?
    /// Where runtime secrets live.
    public var secrets: SecretSource?
    public var description: String?
    /// Where it is defined: a `CodeReference` (`path`, `path:line`, …).
    public var source: String?
}

public struct Ingress: Codable, Sendable, Equatable {
    public var tls: Bool?
    public var hsts: Bool?
    public var waf: Bool?
    public var requestSizeLimit: Int?
    public var rateLimiting: Bool?
    /// Response headers the ingress adds to every response, by name.
    public var responseHeaders: [String: String]?
    /// Client-IP headers the ingress overwrites with the address it saw (not appends to).
    public var setsClientIpHeaders: [ClientIPHeader]?
    /// Where it is defined: a `CodeReference` (`path`, `path:line`, …).
    public var source: String?
}

public struct KubernetesSettings: Codable, Sendable, Equatable {
    public var networkPolicies: Bool?
    /// `least_privilege`, `broad`, `default`.
    public var rbac: String?
    public var podSecurity: String?
    public var automountServiceAccountToken: Bool?
    /// Where it is defined: a `CodeReference` (`path`, `path:line`, …).
    public var source: String?
}

public struct ContainerSettings: Codable, Sendable, Equatable {
    public var runsAsRoot: Bool?
    public var readOnlyRootFilesystem: Bool?
    public var resourceLimits: Bool?
    public var imageScanning: Bool?
    public var baseImage: String?
    /// Where it is defined: a `CodeReference` (`path`, `path:line`, …).
    public var source: String?
}

public struct BuildProcess: Codable, Sendable, Equatable {
    public var dependencyPinning: Bool?
    /// `uv.lock`, `poetry.lock`, `requirements.txt` with hashes, …
    public var lockFile: String?
    public var dependencyScanning: String?
    public var sbom: Bool?
    /// `required`, `optional`, `none`.
    public var codeReview: String?
    public var ciProvider: String?
    public var ciSecretsProtected: Bool?
    public var artifactRegistryPrivate: Bool?
    /// The source code is public (an open-source project), so a public image discloses nothing new by itself.
    public var sourcePublic: Bool?
    public var artifactsSigned: Bool?
    /// Where it is defined: a `CodeReference` (`path`, `path:line`, …).
    public var source: String?
}

public struct Dependency: Codable, Sendable, Equatable {
    public var name: String
    public var version: String?
    /// Where it is defined: a `CodeReference` (`path`, `path:line`, …).
    public var source: String?
}

public struct LoggingSettings: Codable, Sendable, Equatable {
    public var logsSensitiveData: Bool?
    public var logsRequestBodies: Bool?
    public var centralized: Bool?
    public var securityEvents: Bool?
    /// Where it is defined: a `CodeReference` (`path`, `path:line`, …).
    public var source: String?
}

/// A control the team says it has; the report reviews each claim against the model.
public struct ClaimedControl: Codable, Sendable, Equatable {
    public var id: String?
    public var name: String
    /// One of the kinds in ``ControlKind/all`` (validated at load).
    public var kind: String?
    public var claim: String?
    /// Whether the team says the control is in place; absent means `implemented`.
    public var status: ControlStatus?
    /// The environments the claim is about; absent: all of them.
    public var environments: [String]?
    /// The parts of the model the claim is about, as model paths (`auth[0]`, `routers[1]`, `deployment.ingress`);
    /// absent: every part the control's kind concerns.
    public var covers: [String]?
    /// Where it is defined: a `CodeReference` (`path`, `path:line`, …).
    public var source: String?
}

/// What a claimed control says about its own state (`controls[].status`).
public enum ControlStatus: String, Codable, Sendable, CaseIterable, AnalysisMeaning {
    case implemented
    case notImplemented = "not_implemented"
    case planned

    public var analysisMeaning: String {
        switch self {
        case .implemented: "The team says the control is in place: findings of medium severity or more about its subject contradict the claim."
        case .notImplemented: "The team says the control is missing: findings about its subject confirm the claim (Supported); the model showing the control contradicts it."
        case .planned: "The control is planned, not in place: reviewed like `not_implemented`."
        }
    }

    /// The team says the control is in place.
    public var claimsPresence: Bool { self == .implemented }
}

/// A deployment stage with its own settings.
public struct Environment: Codable, Sendable, Equatable {
    public var name: String
    public var kind: EnvironmentKind?
    /// The API's base URL there, e.g. `http://localhost:8000`.
    public var baseUrl: String?
    /// Model keys that differ in this environment; merged over the base model.
    public var overrides: JSONValue?
}

public enum EnvironmentKind: String, Codable, Sendable, CaseIterable {
    case development, test, staging, production

    /// Reachable by real users and attackers.
    public var isProductionLike: Bool { self == .production || self == .staging }
}

/// What a container shipped with the service does (`deployment.containers[].role`).
public enum ContainerRole: String, Codable, Sendable, CaseIterable {
    /// The FastAPI service itself.
    case api
    /// A database (PostgreSQL, MySQL, MongoDB, …).
    case database
    /// A cache or broker (Redis, RabbitMQ, …).
    case cache
    /// A web UI that administers another component (Adminer, pgAdmin, Flower, a Traefik dashboard).
    case adminUi = "admin_ui"
    /// A reverse proxy or load balancer (Traefik, nginx).
    case proxy
    /// A background worker (Celery, arq, RQ).
    case worker
    /// A helper next to another container (log shipper, exporter).
    case sidecar
    case other
}

/// How a container reaches the Docker daemon's socket (`/var/run/docker.sock`).
public enum DockerSocketAccess: String, Codable, Sendable, CaseIterable {
    case none
    /// Mounted with `:ro`; the daemon's API is still fully usable (connecting to a socket is not a write to the file).
    case readOnly = "read_only"
    case readWrite = "read_write"
}

/// A container shipped with the service: a compose service, a sidecar, a pod's container.
public struct ShippedContainer: Codable, Sendable, Equatable {
    public var id: String
    public var image: String?
    public var role: ContainerRole?
    public var publishedPorts: [PublishedPort]?
    /// The proxy routes outside traffic to it (Traefik labels, an ingress rule).
    public var routedByProxy: Bool?
    public var dockerSocket: DockerSocketAccess?
    public var privileged: Bool?
    public var runsAsRoot: Bool?
    /// A sudoers rule lets its user run any command as root without a password.
    public var passwordlessSudo: Bool?
    public var source: String?
}

/// A port published on the host (`ports:` in compose, `-p`).
public struct PublishedPort: Codable, Sendable, Equatable {
    public var hostPort: Int?
    public var containerPort: Int?
    /// The host address it binds; absent means every interface (Docker's default).
    public var bindAddress: String?
    public var source: String?
}
