/// A parsed catalog condition (`when:`), checked against the fact vocabulary before use.
public indirect enum Condition: Sendable, Equatable, Codable {
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)
    case compare(Operand, ComparisonOperator, Operand)
    /// A bare operand: true when its value is truthy.
    case truthy(Operand)
}

public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable, Codable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    /// A list holds a string, or a string holds a substring.
    case contains
    /// A value is one of a list.
    case `in`
}

public indirect enum Operand: Sendable, Equatable, Codable {
    /// `field` (the entry's scope) or `scope.field` (a global scope).
    case fact(scope: String?, field: String, offset: Int)
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([String])
    /// `count(field)`: the number of elements of a list.
    case count(Operand)
    /// `known(field)`: the model describes the value.
    case known(Operand)
}
