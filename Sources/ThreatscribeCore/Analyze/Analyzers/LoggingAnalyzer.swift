/// Facts about what the service logs (scope `logging`, global).
struct LoggingAnalyzer: Analyzer {
    let scopes = [FactScope("logging", "Application logging; every condition may name these as `logging.<field>`.", isGlobal: true, fields: [
        FactField("logs_sensitive_data", .bool, "Logs carry credentials, tokens or personal data."),
        FactField("logs_request_bodies", .bool, "Request bodies are logged."),
        FactField("centralized", .bool, "Logs go to a central store."),
        FactField("security_events", .bool, "Security events (failed logins, authorization failures) are logged."),
        FactField("sensitive_request_models", .list, "Request models with fields marked sensitive (`Model.field`), whose bodies a body logger records."),
        FactField("query_credentials", .list, "Auth mechanisms whose credential travels in the URL query, which access logs record."),
    ])]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let logging = context.model.logging
        var subject = FactSubject(scope: "logging", path: "logging", name: "logging", component: Component.errors)
        subject.set("logs_sensitive_data", FactValue(logging?.logsSensitiveData), from: "logging.logs_sensitive_data")
        subject.set("logs_request_bodies", FactValue(logging?.logsRequestBodies), from: "logging.logs_request_bodies")
        subject.set("centralized", FactValue(logging?.centralized), from: "logging.centralized")
        subject.set("security_events", FactValue(logging?.securityEvents), from: "logging.security_events")
        var requestModels: Set<String> = []
        for router in context.model.routers ?? [] {
            for endpoint in router.endpoints { if let model = endpoint.requestModel { requestModels.insert(model) } }
        }
        let sensitive = (context.model.models ?? []).filter { requestModels.contains($0.name) }
            .flatMap { model in (model.fields ?? []).filter { $0.sensitive == true }.map { "\(model.name).\($0.name)" } }
        subject.set("sensitive_request_models", .list(sensitive), from: "models")
        let inQuery = (context.model.auth ?? []).filter { $0.transport == .query }.map(\.id)
        subject.set("query_credentials", .list(inQuery), from: "auth")
        return [subject]
    }
}
