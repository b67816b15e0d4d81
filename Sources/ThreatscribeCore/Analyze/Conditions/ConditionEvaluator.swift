/// Evaluates a checked condition for one subject, with the environment's global subjects in reach.
public struct ConditionEvaluator {
    public var subject: FactSubject
    /// The one subject of each global scope (`env`, `system`, `app`, …), by scope name.
    public var globals: [String: FactSubject]

    public init(subject: FactSubject, globals: [String: FactSubject]) {
        self.subject = subject
        self.globals = globals
    }

    public func holds(_ condition: Condition) -> Bool {
        switch condition {
        case .and(let left, let right): holds(left) && holds(right)
        case .or(let left, let right): holds(left) || holds(right)
        case .not(let inner): !holds(inner)
        case .truthy(let operand): value(of: operand).isTruthy
        case .compare(let left, let comparison, let right):
            Self.compare(value(of: left), comparison, value(of: right))
        }
    }

    /// The value an operand has for this subject.
    public func value(of operand: Operand) -> FactValue {
        switch operand {
        case .fact(let scope, let field, _):
            if let scope, scope != subject.scope { return globals[scope]?[field] ?? .unknown }
            return subject[field]
        case .string(let text): return .string(text)
        case .int(let number): return .int(number)
        case .bool(let flag): return .bool(flag)
        case .list(let items): return .list(items)
        case .count(let inner):
            if case .list(let items) = value(of: inner) { return .int(items.count) }
            return .unknown
        case .known(let inner):
            return .bool(value(of: inner).isKnown)
        }
    }

    /// The variable a shell command uses for a field the model leaves unfilled, if any.
    func shellStandIn(scope: String?, field: String) -> String? {
        if let scope, scope != subject.scope { return globals[scope]?.shellStandIns[field] }
        return subject.shellStandIns[field]
    }

    /// Comparisons with an unknown value are false, whatever the operator: the model does not say.
    static func compare(_ left: FactValue, _ comparison: ComparisonOperator, _ right: FactValue) -> Bool {
        guard left.isKnown, right.isKnown else { return false }
        switch (comparison, left, right) {
        case (.equal, _, _): return left == right
        case (.notEqual, _, _): return left != right
        case (.less, .int(let a), .int(let b)): return a < b
        case (.lessOrEqual, .int(let a), .int(let b)): return a <= b
        case (.greater, .int(let a), .int(let b)): return a > b
        case (.greaterOrEqual, .int(let a), .int(let b)): return a >= b
        case (.contains, .list(let items), .string(let item)): return items.contains(item)
        case (.contains, .string(let text), .string(let part)): return text.contains(part)
        case (.in, .string(let item), .list(let items)): return items.contains(item)
        case (.in, .int(let number), .list(let items)): return items.contains(String(number))
        default: return false
        }
    }
}
