import Yams

extension LocatedScalar {
    private var yamsScalar: Node.Scalar { Node.Scalar(text) }

    /// The Boolean value of a `bool` scalar (`true`, `false`, and YAML 1.1's `yes`/`no`/`on`/`off`).
    public var boolValue: Bool? { kind == .bool ? Bool.construct(from: yamsScalar) : nil }

    /// The value of an `int` scalar (decimal, `0x`, `0o`, `0b`, `_` separators).
    public var intValue: Int? { kind == .int ? Int.construct(from: yamsScalar) : nil }

    /// The value of an `int` or `float` scalar.
    public var doubleValue: Double? {
        switch kind {
        case .int: intValue.map(Double.init)
        case .float: Double.construct(from: yamsScalar)
        default: nil
        }
    }
}
