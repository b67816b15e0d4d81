/// Evaluates a checked condition for one subject, with the environment's global subjects in reach.
public struct ConditionEvaluator {
    public var subject: FactSubject
    /// The one subject of each global scope (`env`, `system`, `app`, …), by scope name.
    public var globals: [String: FactSubject]

    public init(subject: FactSubject, globals: [String: FactSubject]) {
        self.subject = subject
        self.globals = globals
    }

    public func holds(_ condition: Condition) -> Bool { Self.holds(condition, subject: subject, globals: globals) }

    /// The value an operand has for this subject.
    public func value(of operand: Operand) -> FactValue { Self.value(of: operand, subject: subject, globals: globals) }

    /// `holds(_:)` without building an evaluator (no copy of the subject and globals).
    static func holds(_ condition: Condition, subject: FactSubject, globals: [String: FactSubject]) -> Bool {
        switch condition {
        case .and(let left, let right): holds(left, subject: subject, globals: globals) && holds(right, subject: subject, globals: globals)
        case .or(let left, let right): holds(left, subject: subject, globals: globals) || holds(right, subject: subject, globals: globals)
        case .not(let inner): !holds(inner, subject: subject, globals: globals)
        case .truthy(let operand): value(of: operand, subject: subject, globals: globals).isTruthy
        case .compare(let left, let comparison, let right):
            compare(value(of: left, subject: subject, globals: globals), comparison, value(of: right, subject: subject, globals: globals))
        }
    }

    static func value(of operand: Operand, subject: FactSubject, globals: [String: FactSubject]) -> FactValue {
        switch operand {
        case .fact(let scope, let field, _):
            if let scope, scope != subject.scope { return globals[scope]?[field] ?? .unknown }
            return subject[field]
        case .string(let text): return .string(text)
        case .int(let number): return .int(number)
        case .bool(let flag): return .bool(flag)
        case .list(let items): return .list(items)
        case .count(let inner):
            if case .list(let items) = value(of: inner, subject: subject, globals: globals) { return .int(items.count) }
            return .unknown
        case .known(let inner):
            return .bool(value(of: inner, subject: subject, globals: globals).isKnown)
        }
    }

    /// The facts of other scopes (`scope.field`, a global scope) a condition on a subject of `scope` reads.
    static func globalReads(of condition: Condition, scope: String) -> [(scope: String, field: String)] {
        func reads(_ operand: Operand) -> [(scope: String, field: String)] {
            switch operand {
            case .fact(let other?, let field, _) where other != scope: [(other, field)]
            case .count(let inner), .known(let inner): reads(inner)
            default: []
            }
        }
        switch condition {
        case .and(let left, let right), .or(let left, let right): return globalReads(of: left, scope: scope) + globalReads(of: right, scope: scope)
        case .not(let inner): return globalReads(of: inner, scope: scope)
        case .truthy(let operand): return reads(operand)
        case .compare(let left, _, let right): return reads(left) + reads(right)
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
