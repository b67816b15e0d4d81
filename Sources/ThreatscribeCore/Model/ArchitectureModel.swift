/// A FastAPI/Starlette service as one environment sees it: the root of the model.
///
/// Every property mirrors a key of the model file (snake_case there, camelCase here).
/// `nil` means the model does not describe that part; reports then say "not assessed".
public struct ArchitectureModel: Codable, Sendable, Equatable {
    /// Format version of the model file (`threatscribe: 1`).
    public var threatscribe: Int?
    public var system: SystemDescription
    /// Versions of the Python framework packages (`fastapi`, `starlette`, `pydantic`, `uvicorn`, …).
    public var frameworks: [String: String]?
    public var app: AppSettings?
    /// Middleware in the order the code registers it (see `AppSettings.middlewareStyle`).
    public var middleware: [Middleware]?
    public var auth: [AuthMechanism]?
    /// Secrets the service reads and their fallbacks.
    public var secrets: [Secret]?
    /// Accounts the service creates by itself.
    public var defaultAccounts: [DefaultAccount]?
    public var routers: [Router]?
    /// Sub-applications mounted on the app or routed by host.
    public var apps: [MountedApp]?
    public var models: [DataModel]?
    public var staticFiles: [StaticMount]?
    public var templates: TemplateSettings?
    public var websockets: [WebSocketRoute]?
    public var backgroundTasks: [BackgroundTask]?
    public var clients: [Client]?
    public var dataStores: [DataStore]?
    public var externalServices: [ExternalService]?
    public var dataFlows: [DataFlow]?
    public var trustBoundaries: [TrustBoundary]?
    public var server: ServerSettings?
    /// How the service learns a client's IP address and what it uses it for.
    public var clientIp: ClientIPTrust?
    public var deployment: Deployment?
    public var build: BuildProcess?
    public var dependencies: [Dependency]?
    public var logging: LoggingSettings?
    public var controls: [ClaimedControl]?
    /// Threats another tool listed, with their states; kept, not analysed.
    public var recordedThreats: [RecordedThreat]?
    public var environments: [Environment]?
    /// Values written as `{unresolved: …}`: unknown, never the default. Filled by the loader, not a model key.
    public var unresolved: [UnresolvedValue]?
}

/// What the system is, who owns it and whom it serves.
public struct SystemDescription: Codable, Sendable, Equatable {
    public var name: String
    public var purpose: String?
    public var owner: String?
    /// Free text such as "10-20 trusted users, no public API".
    public var trustModel: String?
    public var dataClassification: DataClassification?
    /// Who can reach the API at all.
    public var exposure: Exposure?
    public var description: String?
    /// Where it is defined: a `CodeReference` (`path`, `path:line`, …).
    public var source: String?
}

public enum DataClassification: String, Codable, Sendable, CaseIterable {
    case `public`, `internal`, confidential, restricted
}

public enum Exposure: String, Codable, Sendable, CaseIterable {
    /// Reachable from the Internet.
    case internet
    /// Reachable from a corporate or private network only.
    case `internal`
    /// Reachable from the same host only.
    case localhost
}

/// A sub-application: `app.mount("/api/v1", api)` or `Host("admin.example.com", app=admin)`.
/// Requests reach it through the main app's middleware, then its own.
public struct MountedApp: Codable, Sendable, Equatable {
    public var id: String
    /// The mount path, e.g. `/api/v1`.
    public var mount: String?
    /// The host name of a host-routed app.
    public var host: String?
    public var app: AppSettings?
    public var middleware: [Middleware]?
    public var routers: [Router]?
    public var source: String?
}

/// Arguments of the `FastAPI(...)` constructor and app-level behaviour.
public struct AppSettings: Codable, Sendable, Equatable {
    public var framework: WebFramework?
    public var title: String?
    public var debug: Bool?
    /// `nil` in the file (YAML `null`) disables the route; absent means FastAPI's default.
    public var docsUrl: NullableString?
    public var redocUrl: NullableString?
    public var openapiUrl: NullableString?
    public var rootPath: String?
    /// Where Swagger UI / ReDoc assets load from.
    public var docsAssets: DocsAssets?
    /// Whether the docs routes require authentication.
    public var docsAuth: DocsAuth?
    /// Sensitive text the OpenAPI descriptions carry (internal hosts, credentials, notes).
    public var openapiSensitiveText: [String]?
    public var middlewareStyle: MiddlewareStyle?
    public var exceptionHandlers: [ExceptionHandler]?
    public var maxBodySize: Int?
    public var source: String?
}

public enum WebFramework: String, Codable, Sendable, CaseIterable { case fastapi, starlette }

public enum DocsAssets: String, Codable, Sendable, CaseIterable { case cdn, selfHosted = "self_hosted" }

/// How the code registers middleware, which decides what is outermost.
public enum MiddlewareStyle: String, Codable, Sendable, CaseIterable {
    /// `app.add_middleware(...)` calls: the last one added is outermost.
    case addMiddleware = "add_middleware"
    /// `FastAPI(middleware=[...])`: item 0 is outermost.
    case constructorList = "constructor_list"
}

/// A string setting that the model may set to YAML `null` on purpose (e.g. `docs_url: null`).
public enum NullableString: Codable, Sendable, Equatable {
    case disabled
    case value(String)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .disabled : .value(try container.decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .disabled: try container.encodeNil()
        case .value(let text): try container.encode(text)
        }
    }

    /// The path, or `nil` when disabled.
    public var value: String? {
        if case .value(let text) = self { return text }
        return nil
    }
}

/// An `app.add_exception_handler` / `@app.exception_handler` registration.
public struct ExceptionHandler: Codable, Sendable, Equatable {
    /// `Exception`, `HTTPException`, `RequestValidationError`, `500`, or a custom class name.
    public var exception: String
    /// The handler returns exception text, tracebacks or the rejected input to the client.
    public var exposesDetails: Bool?
    public var source: String?
}

extension ArchitectureModel {
    /// The version the model gives a Python package (`starlette`, `fastapi`, …): from `frameworks`, else `dependencies`.
    public func packageVersion(_ package: String) -> String? {
        frameworks?[package] ?? dependencies?.first { $0.name.lowercased() == package }?.version
    }
}

/// A threat listed by another threat-modelling tool (a Threat Modeling Tool `.tm7`), as recorded there.
public struct RecordedThreat: Codable, Sendable, Equatable {
    public var id: String?
    public var title: String
    public var category: String?
    public var state: RecordedThreatState?
    public var priority: String?
    public var justification: String?
    public var from: String?
    public var to: String?
    public var source: String?
}

/// The state a threat-modelling tool recorded for a threat.
public enum RecordedThreatState: String, Codable, Sendable, CaseIterable {
    case notStarted = "not_started", needsInvestigation = "needs_investigation", notApplicable = "not_applicable", mitigated
    case autoGenerated = "auto_generated"
}
