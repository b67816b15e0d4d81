import Foundation

/// Facts about each external service the API calls (scope `external_service`).
struct ExternalServiceAnalyzer: Analyzer {
    let scopes = [FactScope("external_service", "A service the API calls.", fields: [
        FactField("id", .string, "The service's id."),
        FactField("name", .string, "The display name (the id when not given)."),
        FactField("protocol", .string, "`https`, `http`, `grpc`, `smtp`, … lower case (the URL's scheme when the model gives no protocol)."),
        FactField("url", .string, "The base URL."),
        FactField("host", .string, "The URL's host, or a `<id-host>` placeholder when the model gives no URL (for commands)."),
        FactField("tls", .bool, "Connections use TLS: as the model says, else from the URL scheme or protocol."),
        FactField("plain_http_url", .bool, "The URL starts with `http://`."),
        FactField("authentication", .string, "How the API authenticates to it."),
        FactField("credentials_source", .string, "Where those credentials come from."),
        FactField("credentials_literal", .bool, "The credentials are written in the code or repository."),
        FactField("credentials_plain_env", .bool, "The credentials are an environment variable set in plain deployment configuration."),
        FactField("env_var", .string, "A conventional environment variable name for its credential, for recommendations."),
    ])]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        (context.model.externalServices ?? []).enumerated().map { index, service in
            let path = ModelPath("external_services").appending(index)
            let name = service.name ?? service.id
            var subject = FactSubject(scope: "external_service", path: path, name: name, component: Component.dataFlow)
            subject.set("id", .string(service.id), from: path.appending("id"))
            subject.set("name", .string(name), from: path.appending(service.name == nil ? "id" : "name"))
            subject.set("url", FactValue(service.url), from: path.appending("url"))
            let url = service.url.flatMap(URL.init(string:))
            let scheme = url?.scheme?.lowercased()
            // The protocol falls back to the URL's scheme; the host to a `<id-host>` placeholder so commands
            // in recommendations stay readable when the model gives no URL.
            subject.set("protocol", FactValue(service.protocol?.lowercased() ?? scheme), from: path.appending(service.protocol != nil ? "protocol" : "url"))
            subject.set("host", .string(url?.host ?? "<\(service.id)-host>"), from: path.appending("url"),
                        shownAs: url?.host == nil ? "(no URL in the model)" : nil)
            if let scheme { subject.set("plain_http_url", .bool(scheme == "http"), from: path.appending("url")) }
            let tls = service.tls ?? DataFlowAnalyzer.tls(stated: nil, protocol: scheme ?? service.protocol)
            subject.set("tls", FactValue(tls), from: path.appending(service.tls != nil ? "tls" : (scheme != nil ? "url" : "protocol")))
            subject.set("authentication", FactValue(service.authentication), from: path.appending("authentication"))
            DataStoreAnalyzer.setCredentials(on: &subject, source: service.credentialsSource, path: path.appending("credentials_source"))
            subject.set("env_var", .string(DataStoreAnalyzer.envVar(service.id) + "_API_KEY"))
            return subject
        }
    }
}
