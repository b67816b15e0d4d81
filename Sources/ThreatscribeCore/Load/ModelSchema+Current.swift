extension ModelSchema {
    /// The model format, version 1.
    public static let current = ModelSchema(
        version: 1,
        rootName: "ArchitectureModel",
        objects: [architectureModel, systemDescription]
            + applicationObjects + middlewareObjects + routingObjects + capabilityObjects + secretObjects
            + landscapeObjects + operationsObjects + [recordedThreat, environment]
    )

    static let architectureModel = ObjectSchema("ArchitectureModel", "A FastAPI/Starlette service: the top of the model file.", properties: [
        PropertySchema("threatscribe", .integer, "Format version of the model file; `1`."),
        PropertySchema("system", .object("SystemDescription"), required: true, "What the system is, who owns it and whom it serves."),
        PropertySchema("frameworks", .map(.version), "Versions of the Python packages by name (`fastapi`, `starlette`, `pydantic`, `uvicorn`, …): resolved, resolved by a lock file, or a range; quote them."),
        PropertySchema("app", .object("AppSettings"), "Arguments of the `FastAPI(...)` constructor and app-level behaviour."),
        PropertySchema("middleware", .list(.object("Middleware")), "Middleware in the order the code registers it (see `app.middleware_style`)."),
        PropertySchema("auth", .list(.object("AuthMechanism")), "Authentication mechanisms the API accepts."),
        PropertySchema("secrets", .list(.object("Secret")), "Secrets the service reads (signing keys, passwords, API keys) and what it uses when they are missing."),
        PropertySchema("default_accounts", .list(.object("DefaultAccount")), "Accounts the service creates by itself (first start, migrations)."),
        PropertySchema("routers", .list(.object("Router")), "`APIRouter`s (or the app itself with an empty prefix) and their endpoints."),
        PropertySchema("apps", .list(.object("MountedApp")), "Sub-applications mounted on the app (`app.mount(\"/api/v1\", api)`) or routed by host, each with its own settings, middleware and routers."),
        PropertySchema("models", .list(.object("DataModel")), "Pydantic models of requests and responses."),
        PropertySchema("static_files", .list(.object("StaticMount")), "`StaticFiles` mounts."),
        PropertySchema("templates", .object("TemplateSettings"), "Server-side template rendering."),
        PropertySchema("websockets", .list(.object("WebSocketRoute")), "WebSocket routes."),
        PropertySchema("background_tasks", .list(.object("BackgroundTask")), "Work run after the response (`BackgroundTasks`)."),
        PropertySchema("clients", .list(.object("Client")), "Who calls the API: browser apps, mobile apps, other services."),
        PropertySchema("data_stores", .list(.object("DataStore")), "Databases, caches and object stores the service uses."),
        PropertySchema("external_services", .list(.object("ExternalService")), "Services the API calls."),
        PropertySchema("data_flows", .list(.object("DataFlow")), "Data moving between clients, stores, services and the API."),
        PropertySchema("trust_boundaries", .list(.object("TrustBoundary")), "Groups of elements that trust each other."),
        PropertySchema("server", .object("ServerSettings"), "The ASGI server process (uvicorn, gunicorn, hypercorn)."),
        PropertySchema("client_ip", .object("ClientIPTrust"), "How the service learns a client's IP address (proxy headers) and what it uses it for."),
        PropertySchema("deployment", .object("Deployment"), "Where and how the service runs."),
        PropertySchema("build", .object("BuildProcess"), "How the service is built and released."),
        PropertySchema("dependencies", .list(.object("Dependency")), "Other Python packages worth reviewing, with versions."),
        PropertySchema("logging", .object("LoggingSettings"), "What the service logs and where."),
        PropertySchema("controls", .list(.object("ClaimedControl")), "Security controls the team says it has; the report reviews each claim."),
        PropertySchema("recorded_threats", .list(.object("RecordedThreat")), "Threats another tool listed for this system (a Threat Modeling Tool `.tm7`), with the state the team gave them; kept with the model, not analysed."),
        PropertySchema("environments", .list(.object("Environment")), "Deployment stages; each may override model keys. Absent: one environment, `default`."),
    ])

    static let systemDescription = ObjectSchema("SystemDescription", "What the system is, who owns it and whom it serves.", properties: [
        PropertySchema("name", .string, required: true, "Name of the system."),
        PropertySchema("purpose", .string, "What it is for, in one sentence."),
        PropertySchema("owner", .string, "Team or person responsible."),
        PropertySchema("trust_model", .string, "Who the users are, e.g. \"10-20 trusted users, no public API\"."),
        PropertySchema("data_classification", .enumeration(EnumSchema(DataClassification.self)), "Most sensitive data the system handles."),
        PropertySchema("exposure", .enumeration(EnumSchema(Exposure.self)), "Who can reach the API at all."),
        PropertySchema("description", .string, "Free text."),
        PropertySchema("source", .codeReference, "Where the system is described (a README, a design document): `path`, `path:line`, `path:line:col` or `path:start-end`."),
    ])

    static let recordedThreat = ObjectSchema("RecordedThreat", "A threat listed by another threat-modelling tool, as that tool recorded it.", uniqueKey: "id", properties: [
        PropertySchema("id", .string, "The tool's id of the threat; unique."),
        PropertySchema("title", .string, required: true, "The threat's title."),
        PropertySchema("category", .string, "Its category as the tool names it (STRIDE: `Spoofing`, `Tampering`, …)."),
        PropertySchema("state", .enumeration(EnumSchema(RecordedThreatState.self)), "The state the team gave it in that tool."),
        PropertySchema("priority", .string, "Its priority as the tool names it."),
        PropertySchema("justification", .string, "Why the team gave it that state, as written."),
        PropertySchema("from", .string, references: .element, "The element the interaction starts at: a client, data store or external service id, or `api`."),
        PropertySchema("to", .string, references: .element, "The element the interaction ends at."),
        PropertySchema("source", .codeReference, "Where the tool recorded it: `path`, `path:line`, `path:line:col` or `path:start-end`."),
    ])

    static let environment = ObjectSchema("Environment", "A deployment stage with its own settings.", uniqueKey: "name", properties: [
        PropertySchema("name", .string, required: true, "Name of the environment (`development`, `production`, …); unique."),
        PropertySchema("kind", .enumeration(EnumSchema(EnvironmentKind.self)), "What kind of stage it is; `production` and `staging` are reachable by attackers."),
        PropertySchema("base_url", .string, "The API's base URL there, e.g. `http://localhost:8000`."),
        PropertySchema("overrides", .overrides, "Model keys that differ in this environment, merged over the base model."),
    ])
}
