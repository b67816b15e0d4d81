/// The controls `report config-doc` documents.
public enum ConfigDocControl: String, Sendable, CaseIterable {
    case cors
    case securityHeaders = "security-headers"
}

/// `threatscribe report config-doc`: configuration documentation of one control, as seed 003 lays it out.
public struct ConfigDocDocument: Sendable {
    public var view: DocumentView

    public init(control: ConfigDocControl, report: AnalysisReport) {
        let environments = report.model.environments.filter { report.environments.contains($0.name) }
        let name = report.model.base.system.name
        let (title, sections): (String, [DocumentSection]) = switch control {
        case .cors: ("CORS configuration of \(name)", CORSConfigDoc(environments: environments, base: report.model.base).sections)
        case .securityHeaders: ("Security headers configuration of \(name)", SecurityHeadersConfigDoc(environments: environments).sections)
        }
        view = DocumentView(
            fileStem: "config-doc-\(control.rawValue)", title: title,
            subtitle: control == .cors ? "Cross-origin resource sharing settings for the service's browser clients, with the answers Starlette gives." : "Response headers that instruct browsers, per environment.",
            generatedAt: report.generatedAt, toolVersion: report.toolVersion, modelFile: report.model.file, sections: sections)
    }

    /// `source:` locations of the model's middleware of `types`, the app and the clients, once each.
    static func keyFiles(_ environments: [ResolvedEnvironment], types: [MiddlewareType]) -> [DocumentText] {
        var seen: Set<String> = []
        var items: [DocumentText] = []
        for env in environments {
            for m in env.model.middleware ?? [] where types.contains(m.type) {
                if let source = m.source, seen.insert(source).inserted { items.append("\(code: source): \(m.name ?? m.type.rawValue) registration") }
            }
            if let source = env.model.app?.source, seen.insert(source).inserted { items.append("\(code: source): the application") }
            for client in env.model.clients ?? [] {
                if let source = client.source, seen.insert(source).inserted { items.append("\(code: source): client \(client.name ?? client.id)") }
            }
        }
        return items.isEmpty ? ["The model gives no \(code: "source:") location for these settings."] : items
    }

    /// The per-environment differences the model records as overrides of `keys` in middleware `type`.
    static func overrides(_ environments: [ResolvedEnvironment], base: [Middleware]?, type: MiddlewareType, describe: (Middleware) -> String) -> [DocumentText] {
        let baseEntry = base?.first { $0.type == type }
        return environments.map { env in
            let entry = env.model.middleware?.first { $0.type == type }
            guard let entry else { return "\(code: env.name): no such middleware." }
            return entry == baseEntry ? "\(code: env.name): the base configuration." : "\(code: env.name) overrides it: \(code: describe(entry))."
        }
    }
}
