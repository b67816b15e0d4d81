/// The rows of "What the model says" for values the model leaves unresolved (`{unresolved: …}`):
/// "Not assessed", with the expression and where the code computes it, instead of the default the
/// row would otherwise show (`debug: not set: False`).
enum UnresolvedFacts {
    /// The model part each component's rows describe.
    /// `adds`: rows are added for values without one (the app's components each replace only their
    /// own rows: every app key that may be unresolved has a row in one of them).
    static func part(of component: String) -> (path: ModelPath, middleware: MiddlewareType?, others: Bool, adds: Bool)? {
        switch component {
        case Component.application, Component.openAPI, Component.errors: ("app", nil, false, false)
        case Component.cors: ("middleware", .cors, false, true)
        case Component.middleware: ("middleware", .cors, true, true)
        case Component.server: ("server", nil, false, true)
        default: nil
        }
    }

    /// `facts` of `component` with each row about an unresolved value replaced, and a row added for
    /// each unresolved value the component describes that has no row of its own.
    static func marked(_ facts: [FactView], of component: String, in model: ArchitectureModel) -> [FactView] {
        guard let part = part(of: component) else { return facts }
        let values = model.unresolvedValues(under: part.path).filter { value in
            guard let type = part.middleware else { return true }
            guard case .index(let index)? = value.path.components.dropFirst(part.path.components.count).first,
                  let middleware = model.middleware, middleware.indices.contains(index) else { return false }
            let entry = middleware[index]
            return (entry.type == type) != part.others
        }
        guard !values.isEmpty else { return facts }
        var facts = facts
        for value in values {
            // A middleware row names its entry (`middleware[0].allow_origins`); app and server rows their key.
            let label = part.middleware == nil ? value.key : value.path.description
            let row = FactView(label: label, value: sentence(value), isKnown: true)
            if part.middleware == nil, let index = facts.firstIndex(where: { $0.label == value.key }) {
                facts[index] = row
            } else if part.adds {
                facts.append(row)
            }
        }
        return facts
    }

    /// `Not assessed: the code computes it as settings.DEBUG (app/main.py:15), and the model leaves it unresolved.`
    static func sentence(_ value: UnresolvedValue) -> String {
        "Not assessed: the code computes it as \(value.expression)" + (value.source.map { " (\($0))" } ?? "")
            + ", and the model leaves it unresolved"
    }
}
