import Foundation

/// Which model fields a model states. A catalog condition such as `checks_object_ownership == false`
/// fires only when the model says `false`; when the model says nothing, the check proves nothing, so
/// a compliance row must not count it as passed.
struct StatedFields {
    /// Every key (camelCase, as the model types name them) set anywhere in any environment's model.
    private var stated: Set<String> = []
    /// Every key the model schema defines (snake_case, as written in model files).
    private let schemaKeys = Set(ModelSchema.current.objects.flatMap(\.properties).map(\.key))

    init(_ environments: [ResolvedEnvironment]) {
        let encoder = JSONEncoder()
        for environment in environments {
            guard let data = try? encoder.encode(environment.model), let tree = try? JSONSerialization.jsonObject(with: data) else { continue }
            collect(tree)
        }
    }

    private mutating func collect(_ node: Any) {
        if let object = node as? [String: Any] {
            for (key, value) in object where !(value is NSNull) {
                stated.insert(key)
                collect(value)
            }
        } else if let array = node as? [Any] {
            for value in array { collect(value) }
        }
    }

    /// Model fields the condition tests for an explicit `false` that the model never states.
    func unstated(in condition: String) -> [String] {
        var result: [String] = []
        var rest = Substring(condition)
        while let range = rest.range(of: " == false") {
            let before = rest[..<range.lowerBound]
            let identifier = String(before.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }.reversed())
            let field = identifier.split(separator: ".").last.map(String.init) ?? identifier
            if schemaKeys.contains(field), !stated.contains(KeyNaming.camelCase(field)), !result.contains(field) { result.append(field) }
            rest = rest[range.upperBound...]
        }
        return result
    }
}
