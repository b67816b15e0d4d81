import Foundation

/// Facts about each Pydantic model: where it is used, sensitive and unbounded fields, recursion
/// and custom validators (scope `data_model`).
struct DataModelAnalyzer: Analyzer {
    /// Field types whose size the client controls: strings, bytes and containers.
    static let sizedTypePrefixes = ["str", "bytes", "list", "dict", "set", "tuple", "sequence", "mapping", "json", "any"]

    let scopes = [FactScope("data_model", "A Pydantic model.", fields: [
        FactField("name", .string, "The model's name."),
        FactField("request_endpoints", .list, "Endpoints that take it as the request body (`METHOD /path`)."),
        FactField("response_endpoints", .list, "Endpoints that return it as `response_model`."),
        FactField("used_in_request", .bool, "Some endpoint takes it as the request body."),
        FactField("sensitive_fields", .list, "Fields the model marks sensitive."),
        FactField("unbounded_fields", .list, "String, bytes and container fields without a `max_length` (their type as the model says)."),
        FactField("recursive", .bool, "The model refers to itself, directly or not."),
        FactField("max_depth", .int, "The nesting depth the code enforces."),
        FactField("custom_validators", .bool, "The model has custom `field_validator`/`model_validator` code."),
    ])]

    func input(of model: ArchitectureModel) -> ArchitectureModel? { RoutingInput.of(model) }

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let table = context.routeTable
        return (context.model.models ?? []).enumerated().map { index, model in
            let path = ModelPath("models").appending(index)
            var subject = FactSubject(scope: "data_model", path: path, name: model.name, component: Component.validation)
            subject.set("name", .string(model.name), from: path.appending("name"))
            let requests = table.routes.filter { $0.endpoint.requestModel == model.name }
            let responses = table.routes.filter { $0.endpoint.responseModel == model.name }
            subject.set("request_endpoints", .list(requests.map(\.displayName)), from: requests.first?.path.appending("request_model") ?? path)
            subject.set("response_endpoints", .list(responses.map(\.displayName)), from: responses.first?.path.appending("response_model") ?? path)
            subject.set("used_in_request", .bool(!requests.isEmpty), from: requests.first?.path.appending("request_model") ?? path)
            let fields = model.fields ?? []
            let sensitive = fields.enumerated().filter { $0.element.sensitive == true }
            subject.set("sensitive_fields", .list(sensitive.map(\.element.name)),
                        from: sensitive.first.map { path.appending("fields").appending($0.offset) } ?? path.appending("fields"))
            if model.fields != nil {
                let unbounded = fields.enumerated().filter { Self.isSized($0.element.type) && $0.element.maxLength == nil }
                subject.set("unbounded_fields", .list(unbounded.map { "\($0.element.name): \($0.element.type ?? "")" }),
                            from: unbounded.first.map { path.appending("fields").appending($0.offset) } ?? path.appending("fields"))
            }
            subject.set("recursive", FactValue(model.recursive), from: path.appending("recursive"))
            subject.set("max_depth", FactValue(model.maxDepth), from: path.appending("max_depth"))
            subject.set("custom_validators", FactValue(model.customValidators), from: path.appending("custom_validators"))
            return subject
        }
    }

    /// `str`, `list[Item]`, `Optional[str]`, `bytes | None`, `EmailStr` …: a client-sized value.
    static func isSized(_ type: String?) -> Bool {
        guard var text = type?.lowercased().replacingOccurrences(of: " ", with: "") else { return false }
        for wrapper in ["optional[", "annotated["] where text.hasPrefix(wrapper) { text = String(text.dropFirst(wrapper.count)) }
        if text.hasSuffix("str") && !text.contains("[") { return true }
        return sizedTypePrefixes.contains { text.hasPrefix($0) }
    }
}
