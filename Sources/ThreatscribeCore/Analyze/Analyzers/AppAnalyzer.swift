/// Facts about the FastAPI/Starlette application object: versions, debug, documentation routes,
/// exception handlers (scope `app`, global).
struct AppAnalyzer: Analyzer {
    /// The first FastAPI release whose `FastAPI.__init__` has `max_body_size` (bisected on the PyPI wheels).
    static let maxBodySizeRelease = PackageVersion([0, 164, 0])

    let scopes = [FactScope("app", "The application object and its settings; every condition may name these as `app.<field>`.", isGlobal: true, fields: [
        FactField("framework", .string, "`fastapi` (assumed when the model does not say) or `starlette`."),
        FactField("is_fastapi", .bool, "The app is a FastAPI app."),
        FactField("fastapi_version", .string, "The FastAPI version the model names."),
        FactField("starlette_version", .string, "The Starlette version the model names."),
        FactField("starlette_major", .int, "Starlette's major version number (0 or 1)."),
        FactField("max_body_size_argument", .bool, "The modelled FastAPI release has `FastAPI(max_body_size=…)` (0.164.0 and later; older releases swallow it with `**extra`). Unknown without a resolved FastAPI version."),
        FactField("max_body_size_note", .string, "One sentence for prose: whether the modelled FastAPI release has the `max_body_size` argument."),
        FactField("debug", .bool, "`debug=True` (FastAPI's default is False)."),
        FactField("debug_stated", .bool, "The model sets `app.debug` explicitly."),
        FactField("docs_exposed", .bool, "Swagger UI is served (FastAPI serves it at `/docs` unless `docs_url` or `openapi_url` is None)."),
        FactField("docs_path", .string, "The Swagger UI path."),
        FactField("redoc_exposed", .bool, "ReDoc is served."),
        FactField("redoc_path", .string, "The ReDoc path."),
        FactField("docs_page_path", .string, "The path of a served docs page: Swagger UI's, else ReDoc's."),
        FactField("openapi_exposed", .bool, "The OpenAPI document is served (FastAPI serves `/openapi.json` unless `openapi_url=None`)."),
        FactField("openapi_path", .string, "The OpenAPI document's path."),
        FactField("only_ui_disabled", .bool, "`docs_url` and `redoc_url` are None but `openapi_url` is not: the schema is still served."),
        FactField("docs_protected", .bool, "The documentation routes require something of the client (`app.docs_auth` other than `none`); false when the model does not say."),
        FactField("docs_assets_from_cdn", .bool, "Swagger UI/ReDoc load their JavaScript from a CDN (FastAPI's default) while a docs UI is served."),
        FactField("openapi_sensitive_text", .list, "Sensitive text the model says the OpenAPI descriptions carry."),
        FactField("has_catch_all_handler", .bool, "A handler is registered for `Exception` or `500`."),
        FactField("details_exposing_handlers", .list, "Exception handlers that return exception text, tracebacks or input."),
        FactField("custom_validation_handler", .bool, "A handler is registered for `RequestValidationError`."),
        FactField("validation_errors_echo_input", .bool, "422 responses carry the rejected input (FastAPI's default handler includes `input`)."),
        FactField("max_body_size", .int, "The app-level request body limit in bytes."),
        FactField("body_size_limited", .bool, "A request body limit is enforced by the app, the server or the ingress."),
        FactField("root_path", .string, "`root_path`."),
        FactField("uses_cookie_auth", .bool, "An auth mechanism travels in a cookie, or SessionMiddleware is used."),
        FactField("endpoint_count", .int, "How many path operations the model lists."),
    ])]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let model = context.model
        let app = model.app
        var subject = FactSubject(scope: "app", path: model.app == nil ? .root : "app", name: app?.title ?? model.system.name,
                                  component: Component.application)
        let framework = app?.framework ?? .fastapi
        subject.set("framework", .string(framework.rawValue), from: "app.framework")
        subject.set("is_fastapi", .bool(framework == .fastapi), from: "app.framework")
        subject.set("fastapi_version", FactValue(context.frameworkVersion("fastapi")), from: "frameworks.fastapi")
        subject.set("starlette_version", FactValue(context.frameworkVersion("starlette")), from: "frameworks.starlette")
        let fastapi = context.frameworkVersion("fastapi").flatMap(InstalledPackages.exact)
        if let fastapi {
            let has = !(fastapi < Self.maxBodySizeRelease)
            subject.set("max_body_size_argument", .bool(has), from: "frameworks.fastapi")
            subject.set("max_body_size_note", .string(has
                ? "FastAPI \(fastapi), the modelled release, also takes FastAPI(max_body_size=...)."
                : "FastAPI \(fastapi), the modelled release, has no max_body_size argument: FastAPI(max_body_size=...) is swallowed by **extra and does nothing before FastAPI \(Self.maxBodySizeRelease)."), from: "frameworks.fastapi")
        } else {
            subject.set("max_body_size_note", .string("FastAPI takes FastAPI(max_body_size=...) from \(Self.maxBodySizeRelease) on; older releases swallow it with **extra and do nothing."))
        }
        if let version = context.frameworkVersion("starlette").flatMap(PackageVersion.init) {
            subject.set("starlette_major", .int(version.major), from: "frameworks.starlette")
        }
        subject.set("debug", .bool(app?.debug ?? false), from: "app.debug",
                    shownAs: app?.debug == nil ? "(not set: FastAPI default False)" : nil)
        subject.set("debug_stated", .bool(app?.debug != nil), from: "app.debug")
        setDocumentationFacts(on: &subject, app: app, framework: framework)
        setErrorFacts(on: &subject, app: app)
        let bodyLimit = app?.maxBodySize
        subject.set("max_body_size", FactValue(bodyLimit), from: "app.max_body_size")
        let limited = bodyLimit != nil || model.server?.maxBodySize != nil || model.deployment?.ingress?.requestSizeLimit != nil
        subject.set("body_size_limited", .bool(limited), from: "app.max_body_size",
                    shownAs: limited ? nil : "(no limit in app.max_body_size, server.max_body_size or deployment.ingress.request_size_limit)")
        subject.set("root_path", FactValue(app?.rootPath), from: "app.root_path")
        let cookieAuth = (model.auth ?? []).contains { $0.transport == .cookie || $0.type == .sessionCookie }
            || (model.middleware ?? []).contains { $0.type == .session }
        subject.set("uses_cookie_auth", .bool(cookieAuth), from: "auth")
        subject.set("endpoint_count", .int((model.routers ?? []).reduce(0) { $0 + $1.endpoints.count }), from: "routers")
        return [subject]
    }

    private func setDocumentationFacts(on subject: inout FactSubject, app: AppSettings?, framework: WebFramework) {
        // Starlette has no built-in documentation routes; FastAPI's defaults are /docs, /redoc, /openapi.json.
        let isFastAPI = framework == .fastapi
        func route(_ setting: NullableString?, default path: String) -> String? {
            guard isFastAPI else { return setting?.value }
            switch setting {
            case nil: return path
            case .disabled?: return nil
            case .value(let text)?: return text.isEmpty ? nil : text
            }
        }
        func shown(_ setting: NullableString?, _ key: String, default path: String) -> String {
            switch setting {
            case nil: return isFastAPI ? "(not set: FastAPI default \"\(path)\")" : "(not set)"
            case .disabled?: return "None"
            case .value(let text)?: return "\"\(text)\""
            }
        }
        let openapi = route(app?.openapiUrl, default: "/openapi.json")
        // The docs routes are only registered when openapi_url is set.
        let docs = openapi == nil ? nil : route(app?.docsUrl, default: "/docs")
        let redoc = openapi == nil ? nil : route(app?.redocUrl, default: "/redoc")
        subject.set("openapi_exposed", .bool(openapi != nil), from: "app.openapi_url",
                    shownAs: shown(app?.openapiUrl, "openapi_url", default: "/openapi.json"))
        subject.set("openapi_path", FactValue(openapi), from: "app.openapi_url")
        subject.set("docs_exposed", .bool(docs != nil), from: "app.docs_url", shownAs: shown(app?.docsUrl, "docs_url", default: "/docs"))
        subject.set("docs_path", FactValue(docs), from: "app.docs_url")
        subject.set("redoc_exposed", .bool(redoc != nil), from: "app.redoc_url", shownAs: shown(app?.redocUrl, "redoc_url", default: "/redoc"))
        subject.set("redoc_path", FactValue(redoc), from: "app.redoc_url")
        subject.set("docs_page_path", FactValue(docs ?? redoc), from: ModelPath(parsing: docs != nil ? "app.docs_url" : "app.redoc_url"))
        subject.set("only_ui_disabled", .bool(docs == nil && redoc == nil && openapi != nil), from: "app.openapi_url",
                    shownAs: shown(app?.openapiUrl, "openapi_url", default: "/openapi.json"))
        subject.set("docs_protected", .bool(app?.docsAuth?.protectsDocs ?? false), from: "app.docs_auth")
        let fromCDN = (docs != nil || redoc != nil) && (app?.docsAssets ?? .cdn) == .cdn
        subject.set("docs_assets_from_cdn", .bool(fromCDN), from: "app.docs_assets",
                    shownAs: app?.docsAssets == nil ? "(not set: FastAPI loads Swagger UI from cdn.jsdelivr.net)" : nil)
        subject.set("openapi_sensitive_text", .list(app?.openapiSensitiveText ?? []), from: "app.openapi_sensitive_text")
    }

    private func setErrorFacts(on subject: inout FactSubject, app: AppSettings?) {
        let handlers = app?.exceptionHandlers ?? []
        let catchAll = handlers.firstIndex { ["Exception", "500"].contains($0.exception) }
        subject.set("has_catch_all_handler", .bool(catchAll != nil),
                    from: catchAll.map { ModelPath("app.exception_handlers").appending($0) } ?? "app.exception_handlers")
        let exposing = handlers.enumerated().filter { $0.element.exposesDetails == true }
        subject.set("details_exposing_handlers", .list(exposing.map(\.element.exception)),
                    from: exposing.first.map { ModelPath("app.exception_handlers").appending($0.offset) } ?? "app.exception_handlers")
        let validation = handlers.firstIndex { $0.exception == "RequestValidationError" }
        subject.set("custom_validation_handler", .bool(validation != nil), from: "app.exception_handlers")
        let echoes = validation.map { handlers[$0].exposesDetails ?? false } ?? true
        subject.set("validation_errors_echo_input", .bool(echoes),
                    from: validation.map { ModelPath("app.exception_handlers").appending($0) } ?? "app.exception_handlers",
                    shownAs: validation == nil ? "(no RequestValidationError handler: FastAPI's default 422 body echoes `input`)" : nil)
    }
}
