/// Assembles what `threatscribe init` found into one model draft and a summary for the terminal.
public struct InitDraft: Sendable {
    /// The draft model.
    public var model: DraftNode
    /// The lines `init` prints after writing the model.
    public var summary: [String]

    /// Keys a compose override file may change on a container of the base file.
    static let overridableKeys = ["published_ports", "docker_socket", "privileged", "routed_by_proxy", "runs_as_root", "source"]

    /// Joins the Python extraction with the compose files' containers (`(file, draft)` pairs) and the
    /// override files' (`compose.override.yml`), which `docker compose up` applies on a developer's
    /// machine: they become the overrides of a `local` development environment.
    public init(extraction: ProjectExtraction, compose: [(file: String, draft: ComposeDraft)],
                overrides: [(file: String, draft: ComposeDraft)] = []) {
        var model = extraction.model
        var questions = extraction.questions
        var compose = compose, overrides = overrides
        var notes: [String] = []
        let runsTheAPI = compose.contains { $0.draft.containers.contains { $0["role"]?.value == .string("api") } }
        if !compose.isEmpty && !runsTheAPI {
            // A compose file that does not run the API is a developer's support stack (a database and
            // its admin UI), not the shipped deployment: its containers go to the local environment.
            notes = ["\(compose.map(\.file).joined(separator: ", ")) runs no API service: drafted as the local development stack"]
            overrides = compose + overrides
            compose = []
        }
        if compose.isEmpty && !overrides.isEmpty {
            var local = DraftNode.mapping([("name", .string("local")), ("kind", .string("development"))])
            var added: [DraftNode] = []
            for (_, draft) in overrides {
                for container in draft.containers {
                    var item = container
                    if case .mapping(let members) = container.value { item.value = .mapping([.pair(key: "add", value: .boolean(true))] + members) }
                    added.append(item)
                }
                questions += draft.questions
            }
            local["overrides"] = .mapping([("deployment", .mapping([("platform", .string("docker")), ("containers", .sequence(added))]))])
            local.notes = notes
            var environments = model["environments"]?.items ?? [DraftNode.mapping([("name", .string("default"))])]
            environments.append(local)
            model["environments"] = .sequence(environments)
        }
        if let first = compose.first {
            var deployment = model["deployment"] ?? .mapping([("platform", .string("docker"))])
            var containers: [DraftNode] = []
            var seen = Set<String>()
            let imageRunsAsRoot = deployment["container"]?["runs_as_root"]
            for (_, draft) in compose {
                for var container in draft.containers {
                    guard case .string(let id)? = container["id"]?.value, seen.insert(id).inserted else { continue }
                    if draft.builtServices.contains(id), container["runs_as_root"] == nil, var inherited = imageRunsAsRoot {
                        inherited.comment = "built from the project's Dockerfile: " + (inherited.comment ?? "")
                        container["runs_as_root"] = inherited
                        if let source = container["source"] { container["source"] = nil; container["source"] = source }
                    } else if draft.builtServices.contains(id), container["role"]?.value == .string("api"),
                              var stated = container["runs_as_root"], deployment["container"] != nil
                    {
                        // The compose file's `user:` replaces the image's USER for the API it ships.
                        stated.comment = "\(stated.comment ?? "") overrides the image's USER (\(imageRunsAsRoot?.comment ?? "Dockerfile"))"
                        deployment["container"]?["runs_as_root"] = stated
                    }
                    containers.append(container)
                }
                questions += draft.questions
            }
            var changes: [DraftNode] = []
            for (_, draft) in overrides {
                for container in draft.containers {
                    guard case .string(let id)? = container["id"]?.value else { continue }
                    if seen.contains(id) {
                        var change = DraftNode.mapping([("id", .string(id))])
                        for key in Self.overridableKeys.dropLast() { if let value = container[key] { change[key] = value } }
                        guard change.members.count > 1 else { continue }
                        change["source"] = container["source"]
                        change.notes = container.notes
                        changes.append(change)
                    } else {
                        var added = container
                        if case .mapping(let members) = container.value { added.value = .mapping([.pair(key: "add", value: .boolean(true))] + members) }
                        changes.append(added)
                    }
                }
                questions += draft.questions
            }
            if !changes.isEmpty {
                var environments = model["environments"]?.items ?? []
                if environments.isEmpty {
                    environments.append(DraftNode.mapping([("name", .string("default"))]))
                }
                var local = DraftNode.mapping([
                    ("name", .string("local")), ("kind", .string("development")),
                    ("overrides", .mapping([("deployment", .mapping([("containers", .sequence(changes))]))])),
                ])
                local.notes = ["what \(overrides.map(\.file).joined(separator: ", ")) changes: docker compose applies it on a developer's machine"]
                environments.append(local)
                model["environments"] = .sequence(environments)
            }
            if !containers.isEmpty { deployment["containers"] = .sequence(containers) }
            if deployment["source"] == nil { deployment["source"] = .string(first.file) }
            model["deployment"] = deployment
            if compose.count > 1 {
                model.appendNote("compose files read: \(compose.map(\.file).joined(separator: ", ")); a service in several is taken from the first")
            }
        }
        if model["environments"]?.items?.count ?? 0 <= 1 {
            questions.append("which environments does the service run in (development, staging, production), and with which settings?")
        }
        self.model = model.writingUnresolvedValues()
        self.summary = Self.summary(extraction, questions: questions)
    }

    static func summary(_ extraction: ProjectExtraction, questions: [String]) -> [String] {
        let counts = extraction.counts
        func count(_ key: String, _ noun: String) -> String {
            let number = counts[key] ?? 0
            return "\(number) \(noun)\(number == 1 ? "" : "s")"
        }
        var lines = ["found " + [count("apps", "app"), count("middleware", "middleware registration"), count("routers", "router"),
                                 count("endpoints", "endpoint"), count("websockets", "websocket")].joined(separator: ", ")
                     + " in \(count("python_files", "Python file"))"]
        for entry in extraction.middlewareOrder {
            lines.append("middleware of \(entry.app), outermost first: \(entry.order.joined(separator: " → "))")
        }
        if !extraction.auth.isEmpty { lines.append("auth mechanisms: \(extraction.auth.joined(separator: ", "))") }
        if !extraction.unresolved.isEmpty {
            lines.append("could not resolve (\(extraction.unresolved.count); written as `{unresolved: …}` where the format allows it, else as comments; analysed as unknown, never as the default, until you state them):")
            lines += extraction.unresolved.prefix(40).map { "  " + $0 }
            if extraction.unresolved.count > 40 { lines.append("  … and \(extraction.unresolved.count - 40) more") }
        }
        if !questions.isEmpty {
            lines.append("a human should still state:")
            lines += questions.prefix(40).map { "  - " + $0 }
            if questions.count > 40 { lines.append("  … and \(questions.count - 40) more") }
        }
        if !extraction.skipped.isEmpty {
            lines.append("files: " + extraction.skipped.prefix(10).joined(separator: "; "))
        }
        return lines
    }
}
