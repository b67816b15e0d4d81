/// Checks a parsed condition against the fact vocabulary: every name exists, every comparison is well typed.
///
/// A misspelled fact is an error here, never a condition that silently stays false.
public struct ConditionChecker {
    public var vocabulary: FactVocabulary
    /// The scope of the entry whose condition this is.
    public var scope: FactScope

    public init(vocabulary: FactVocabulary, scope: FactScope) {
        self.vocabulary = vocabulary
        self.scope = scope
    }

    /// Every fact name the condition uses, as `scope.field`.
    public func check(_ condition: Condition) throws(ConditionError) {
        switch condition {
        case .and(let left, let right), .or(let left, let right):
            try check(left)
            try check(right)
        case .not(let inner):
            try check(inner)
        case .truthy(let operand):
            _ = try type(of: operand)
        case .compare(let left, let comparison, let right):
            let leftType = try type(of: left)
            let rightType = try type(of: right)
            try checkTypes(leftType, comparison, rightType, at: offset(of: left))
        }
    }

    /// The field an operand names, resolved to its scope.
    public func resolve(scope scopeName: String?, field: String, offset: Int) throws(ConditionError) -> (FactScope, FactField) {
        let target: FactScope
        if let scopeName {
            guard let named = vocabulary.scopes[scopeName], named.isGlobal || named.name == scope.name else {
                let globals = vocabulary.globalScopeNames
                let hint = Suggestion.closest(to: scopeName, in: globals + [scope.name]).map { "; did you mean `\($0)`?" } ?? ""
                throw ConditionError(
                    message: "unknown scope `\(DiagnosticText.excerpt(scopeName))`: a condition may name its own scope `\(scope.name)` or the global scopes \(globals.map { "`\($0)`" }.joined(separator: ", "))\(hint)",
                    offset: offset)
            }
            target = named
        } else {
            target = scope
        }
        guard let found = target.field(named: field) else {
            let hint = Suggestion.closest(to: field, in: target.fields.map(\.name)).map { "; did you mean `\($0)`?" } ?? ""
            throw ConditionError(message: "unknown fact `\(DiagnosticText.excerpt(field))` in scope `\(target.name)`\(hint)", offset: offset)
        }
        return (target, found)
    }

    private func type(of operand: Operand) throws(ConditionError) -> FactType {
        switch operand {
        case .fact(let scopeName, let field, let offset):
            return try resolve(scope: scopeName, field: field, offset: offset).1.type
        case .string: return .string
        case .int: return .int
        case .bool: return .bool
        case .list: return .list
        case .count(let inner):
            guard try type(of: inner) == .list else {
                throw ConditionError(message: "count() takes a list fact", offset: offset(of: inner))
            }
            return .int
        case .known(let inner):
            _ = try type(of: inner)
            return .bool
        }
    }

    private func checkTypes(_ left: FactType, _ comparison: ComparisonOperator, _ right: FactType, at offset: Int) throws(ConditionError) {
        let valid: Bool
        switch comparison {
        case .equal, .notEqual: valid = left == right
        case .less, .lessOrEqual, .greater, .greaterOrEqual: valid = left == .int && right == .int
        case .contains: valid = (left == .list || left == .string) && right == .string
        case .in: valid = (left == .string || left == .int) && right == .list
        }
        guard valid else {
            throw ConditionError(
                message: "cannot apply `\(comparison.rawValue)` to \(left.rawValue) and \(right.rawValue)", offset: offset)
        }
    }

    private func offset(of operand: Operand) -> Int {
        switch operand {
        case .fact(_, _, let offset): offset
        case .count(let inner), .known(let inner): self.offset(of: inner)
        default: 0
        }
    }
}
