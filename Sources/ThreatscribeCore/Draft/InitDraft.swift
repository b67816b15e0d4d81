/// Assembles what `threatscribe init` found into one model draft and a summary for the terminal.
public struct InitDraft: Sendable {
    /// The draft model.
    public var model: DraftNode
    /// The lines `init` prints after writing the model.
    public var summary: [String]

    /// Joins the Python extraction with the compose files' containers (`(file, draft)` pairs).
    public init(extraction: ProjectExtraction, compose: [(file: String, draft: ComposeDraft)]) {
        var model = extraction.model
        var questions = extraction.questions
        if let first = compose.first {
            var deployment = model["deployment"] ?? .mapping([("platform", .string("docker"))])
            var containers: [DraftNode] = []
            var seen = Set<String>()
            for (_, draft) in compose {
                for container in draft.containers {
                    guard case .string(let id)? = container["id"]?.value, seen.insert(id).inserted else { continue }
                    containers.append(container)
                }
                questions += draft.questions
            }
            if !containers.isEmpty { deployment["containers"] = .sequence(containers) }
            if deployment["source"] == nil { deployment["source"] = .string(first.file) }
            model["deployment"] = deployment
            if compose.count > 1 {
                model.appendNote("compose files read: \(compose.map(\.file).joined(separator: ", ")); a service in several is taken from the first")
            }
        }
        if model["environments"] == nil {
            questions.append("which environments does the service run in (development, staging, production), and with which settings?")
        }
        self.model = model
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
            lines.append("could not resolve (\(extraction.unresolved.count); written as comments, analysed as absent until you state them):")
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
