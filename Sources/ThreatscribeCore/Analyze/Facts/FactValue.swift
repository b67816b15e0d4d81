/// A value an analyzer derives from the model, which catalog conditions test.
public enum FactValue: Sendable, Equatable {
    case bool(Bool)
    case int(Int)
    case string(String)
    case list([String])
    /// The model does not say; every comparison with it is false.
    case unknown

    /// Truth in a condition: `true`, a non-zero number, a non-empty string or list.
    public var isTruthy: Bool {
        switch self {
        case .bool(let value): value
        case .int(let value): value != 0
        case .string(let value): !value.isEmpty
        case .list(let value): !value.isEmpty
        case .unknown: false
        }
    }

    public var isKnown: Bool { self != .unknown }

    /// The value as prose: lists joined with ", ".
    public var plainText: String {
        switch self {
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .string(let value): value
        case .list(let value): value.joined(separator: ", ")
        case .unknown: "(not described)"
        }
    }

    /// The value as a Python literal, for FastAPI code in recommendations (`PythonLiteral`).
    public var pythonLiteral: String {
        switch self {
        case .bool(let value): value ? "True" : "False"
        case .int(let value): String(value)
        case .string(let value): PythonLiteral.string(value)
        case .list(let value): PythonLiteral.list(value)
        case .unknown: "None"
        }
    }

    /// The value as Markdown inline code, each list element on its own.
    public var codeText: String {
        switch self {
        case .list(let value): value.map { "`\($0)`" }.joined(separator: ", ")
        case .unknown: "(not described)"
        default: "`\(plainText)`"
        }
    }

    /// The value as shell words (`ShellWord`), one per list element; an empty list is one empty word.
    public var shellWords: String {
        switch self {
        case .list(let value): value.isEmpty ? "''" : ShellWord.quoted(value)
        case .unknown: ShellWord.quoted(plainText)
        default: ShellWord.quoted(plainText)
        }
    }
}

extension FactValue {
    /// Elements a list shows in prose before the rest are counted.
    static let proseListLimit = 10

    /// A list longer than `proseListLimit` cut to its first elements, the last one saying how many more
    /// there are ("and 4990 more"); anything else unchanged. For prose only: code keeps every element.
    var cappedForProse: FactValue {
        guard case .list(let items) = self, items.count > Self.proseListLimit else { return self }
        return .list(Array(items.prefix(Self.proseListLimit)) + ["and \(items.count - Self.proseListLimit) more"])
    }

    init(_ value: Bool?) { self = value.map(FactValue.bool) ?? .unknown }
    init(_ value: Int?) { self = value.map(FactValue.int) ?? .unknown }
    init(_ value: String?) { self = value.map(FactValue.string) ?? .unknown }
    init(_ value: [String]?) { self = value.map(FactValue.list) ?? .unknown }
}
