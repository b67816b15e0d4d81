/// The report's component headings, in report order. Analyzers file their subjects under one of these.
public enum Component {
    public static let cors = "CORS"
    public static let middleware = "Middleware pipeline"
    public static let routing = "Routing and authorization"
    public static let capabilities = "Dangerous capabilities"
    public static let authentication = "Security utilities and authentication"
    public static let openAPI = "OpenAPI and documentation exposure"
    public static let errors = "Exception handling and responses"
    public static let validation = "Data validation (Pydantic)"
    public static let staticFiles = "Static files"
    public static let templates = "Templates"
    public static let webSockets = "WebSockets"
    public static let backgroundTasks = "Background tasks"
    public static let server = "ASGI server"
    public static let dataFlow = "Data flow"
    public static let deployment = "Deployment"
    public static let build = "Build and supply chain"
    public static let dependencies = "Dependencies"
    public static let application = "Application"

    /// Every heading in the order the report shows them.
    public static let ordered = [
        application, middleware, cors, routing, capabilities, authentication, openAPI, errors, validation, staticFiles,
        templates, webSockets, backgroundTasks, server, dataFlow, deployment, build, dependencies,
    ]
}
