/// Facts about what endpoints, WebSocket routes and background jobs can do to the host
/// (`capabilities:`): commands and code they run, server files they touch, uploads they serve back and
/// accept (scopes `code_execution`, `file_access`, `upload_serving`, `upload`). URL fetches are
/// endpoint and WebSocket facts (`EndpointAnalyzer`, `WebSocketAnalyzer`), judged by `URLFetchGuard`.
struct CapabilityAnalyzer: Analyzer {
    static let ownerFields = [
        FactField("owner", .string, "The endpoint (`METHOD /path`), WebSocket route (`WebSocket /path`) or background job that has the capability."),
        FactField("owner_kind", .string, "`endpoint`, `websocket` or `background_task`."),
        FactField("path", .string, "The endpoint's or WebSocket route's full path (unknown for a background job)."),
        FactField("auth_state", .string, "The route's authentication: `authenticated`, `public` (`auth: none`) or `unspecified`; `background_job` for a job."),
        FactField("reachable_without_auth", .bool, "An endpoint or WebSocket route for which no authentication runs (`public` or `unspecified`)."),
    ]

    let scopes = [
        FactScope("code_execution", "Commands or code an endpoint or job runs (`capabilities.runs`).", fields: ownerFields + [
            FactField("runs", .string, "`shell_command`, `program_arguments`, `python_code` or `fixed_command`."),
            FactField("client_controlled", .bool, "Client input reaches the command or interpreter (every value but `fixed_command`)."),
        ]),
        FactScope("file_access", "A server-file read, write or delete (`capabilities.file_access[]`).", fields: ownerFields + [
            FactField("operation", .string, "`read`, `write` or `delete`."),
            FactField("path_from", .string, "`client_path`, `upload_filename` or `server`."),
            FactField("client_controlled", .bool, "The client chooses the path or file name (`client_path`, `upload_filename`)."),
            FactField("confined", .bool, "The code checks the resolved path stays under a base directory."),
        ]),
        FactScope("upload_serving", "Uploaded files an endpoint sends back to clients (`capabilities.serves_uploads`).", fields: ownerFields + [
            FactField("origin", .string, "`api_origin` or `separate_origin`."),
            FactField("same_origin", .bool, "Served from the API's own origin."),
            FactField("content_type", .string, "`from_filename` (also when not stated: `FileResponse`'s default), `client_supplied` or `fixed`."),
            FactField("disposition", .string, "`inline` (also when not stated: no header) or `attachment`."),
            FactField("renders_in_browser", .bool, "The browser may render the file: its type comes from the upload and it is not sent as an attachment."),
        ]),
        FactScope("upload", "An endpoint that accepts file uploads (`capabilities.accepts_uploads`).", fields: ownerFields + [
            FactField("upload_max_bytes", .int, "The upload size the handler enforces, in bytes."),
            FactField("size_limited", .bool, "A limit applies: the handler's, or a request body limit in the app, the server or the ingress."),
        ]),
    ]

    /// The element that has the capabilities, with the owner facts every scope shares.
    private struct Owner {
        var capabilities: Capabilities
        var path: ModelPath
        var name: String
        var component: String
        var kind: String
        var routePath: String?
        var authState: String

        func subject(_ scope: String, at path: ModelPath) -> FactSubject {
            var subject = FactSubject(scope: scope, path: path, name: name, component: component)
            subject.set("owner", .string(name), from: self.path)
            subject.set("owner_kind", .string(kind), from: self.path)
            subject.set("path", FactValue(routePath), from: self.path.appending("path"))
            subject.set("auth_state", .string(authState), from: self.path)
            subject.set("reachable_without_auth", .bool(routePath != nil && authState != "authenticated"), from: self.path)
            return subject
        }
    }

    func input(of model: ArchitectureModel) -> ArchitectureModel? { RoutingInput.of(model) }

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let model = context.model
        var owners: [Owner] = context.routeTable.routes.compactMap { route in
            route.endpoint.capabilities.map {
                Owner(capabilities: $0, path: route.path, name: route.displayName, component: Component.capabilities,
                      kind: "endpoint", routePath: route.fullPath, authState: route.authState)
            }
        }
        let anonymous = Set((model.auth ?? []).filter { $0.type == .none }.map(\.id))
        let disabled = Set((model.auth ?? []).filter { $0.enabled == false }.map(\.id))
        for (index, socket) in (model.websockets ?? []).enumerated() {
            guard let capabilities = socket.capabilities else { continue }
            owners.append(Owner(capabilities: capabilities, path: ModelPath("websockets").appending(index), name: "WebSocket \(socket.path)",
                                component: Component.capabilities, kind: "websocket", routePath: socket.path,
                                authState: Self.authState(of: socket, anonymous: anonymous, disabled: disabled)))
        }
        for (index, task) in (model.backgroundTasks ?? []).enumerated() {
            guard let capabilities = task.capabilities else { continue }
            let asCapabilities = Capabilities(runs: capabilities.runs, fileAccess: capabilities.fileAccess, source: capabilities.source)
            owners.append(Owner(capabilities: asCapabilities, path: ModelPath("background_tasks").appending(index), name: task.name,
                                component: Component.capabilities, kind: "background_task", routePath: nil, authState: "background_job"))
        }
        let bodyLimited = model.app?.maxBodySize != nil || model.server?.maxBodySize != nil || model.deployment?.ingress?.requestSizeLimit != nil
        return owners.flatMap { owner in
            Self.subjects(of: owner, bodyLimited: bodyLimited)
        }
    }

    /// A WebSocket route's `auth` as an auth state: `public` for `none` or a mechanism of `type: none`,
    /// `unspecified` when not stated or switched off in this environment, else `authenticated`.
    static func authState(of socket: WebSocketRoute, anonymous: Set<String>, disabled: Set<String>) -> String {
        guard let auth = socket.auth else { return "unspecified" }
        if auth == "none" || anonymous.contains(auth) { return "public" }
        return disabled.contains(auth) ? "unspecified" : "authenticated"
    }

    private static func subjects(of owner: Owner, bodyLimited: Bool) -> [FactSubject] {
        let capabilities = owner.capabilities
        let base = owner.path.appending("capabilities")
        var subjects: [FactSubject] = []
        if let runs = capabilities.runs {
            var subject = owner.subject("code_execution", at: base.appending("runs"))
            subject.set("runs", .string(runs.rawValue), from: base.appending("runs"))
            subject.set("client_controlled", .bool(runs.isClientControlled), from: base.appending("runs"))
            subjects.append(subject)
        }
        for (index, access) in (capabilities.fileAccess ?? []).enumerated() {
            let path = base.appending("file_access").appending(index)
            var subject = owner.subject("file_access", at: path)
            subject.set("operation", .string(access.operation.rawValue), from: path.appending("operation"))
            subject.set("path_from", .string(access.pathFrom.rawValue), from: path.appending("path_from"))
            subject.set("client_controlled", .bool(access.pathFrom.isClientControlled), from: path.appending("path_from"))
            subject.set("confined", FactValue(access.confined), from: path.appending("confined"))
            subjects.append(subject)
        }
        if let serving = capabilities.servesUploads {
            let path = base.appending("serves_uploads")
            var subject = owner.subject("upload_serving", at: path)
            subject.set("origin", .string(serving.origin.rawValue), from: path.appending("origin"))
            subject.set("same_origin", .bool(serving.origin == .apiOrigin), from: path.appending("origin"))
            let contentType = serving.contentType ?? .fromFilename
            let disposition = serving.disposition ?? .inline
            subject.set("content_type", .string(contentType.rawValue), from: path.appending("content_type"),
                        shownAs: serving.contentType == nil ? "from_filename (not stated: FileResponse guesses the type from the file name)" : nil)
            subject.set("disposition", .string(disposition.rawValue), from: path.appending("disposition"),
                        shownAs: serving.disposition == nil ? "inline (not stated: FileResponse without filename= sends no Content-Disposition)" : nil)
            subject.set("renders_in_browser", .bool(contentType != .fixed && disposition == .inline), from: path)
            subjects.append(subject)
        }
        if capabilities.acceptsUploads == true {
            let path = base.appending("accepts_uploads")
            var subject = owner.subject("upload", at: path)
            subject.set("upload_max_bytes", FactValue(capabilities.uploadMaxBytes), from: base.appending("upload_max_bytes"))
            let limited = capabilities.uploadMaxBytes != nil || bodyLimited
            subject.set("size_limited", .bool(limited), from: base.appending("upload_max_bytes"),
                        shownAs: limited ? nil : "false (no upload_max_bytes, app.max_body_size, server.max_body_size or deployment.ingress.request_size_limit)")
            subjects.append(subject)
        }
        return subjects
    }
}
