/// Facts about the system as a whole (scope `system`, global).
struct SystemAnalyzer: Analyzer {
    let scopes = [FactScope("system", "The system as a whole; every condition may name these as `system.<field>`.", isGlobal: true, fields: [
        FactField("name", .string, "The system's name."),
        FactField("purpose", .string, "What the system is for."),
        FactField("trust_model", .string, "The trust model in the team's words."),
        FactField("data_classification", .string, "`public`, `internal`, `confidential` or `restricted`."),
        FactField("handles_sensitive_data", .bool, "The data classification is `confidential` or `restricted`."),
        FactField("exposure", .string, "`internet`, `internal` or `localhost`."),
        FactField("has_browser_clients", .bool, "The model lists a client with a web origin, or configures CORS."),
        FactField("client_origins", .list, "Web origins of the clients the model lists."),
        FactField("claimed_controls", .list, "Kinds of the controls the team claims (`rate_limiting`, `authentication`, …)."),
    ])]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let system = context.model.system
        var subject = FactSubject(scope: "system", path: "system", name: system.name, component: Component.application)
        subject.set("name", .string(system.name), from: "system.name")
        subject.set("purpose", FactValue(system.purpose), from: "system.purpose")
        subject.set("trust_model", FactValue(system.trustModel), from: "system.trust_model")
        subject.set("data_classification", FactValue(system.dataClassification?.rawValue), from: "system.data_classification")
        if let classification = system.dataClassification {
            subject.set("handles_sensitive_data", .bool(classification == .confidential || classification == .restricted),
                        from: "system.data_classification")
        }
        subject.set("exposure", FactValue(system.exposure?.rawValue), from: "system.exposure")
        let origins = (context.model.clients ?? []).compactMap(\.origin)
        let hasCORS = (context.model.middleware ?? []).contains { $0.type == .cors }
        subject.set("has_browser_clients", .bool(!origins.isEmpty || hasCORS), from: "clients")
        subject.set("client_origins", .list(origins), from: "clients")
        subject.set("claimed_controls", .list((context.model.controls ?? []).compactMap(\.kind)), from: "controls")
        return [subject]
    }
}
