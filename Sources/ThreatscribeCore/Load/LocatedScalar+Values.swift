import Yams

extension LocatedScalar {
    /// The text as an untagged Yams scalar, for Yams's constructors (which read only the tag's name; the empty
    /// resolver spares compiling `Resolver.default`'s regular expressions).
    private var yamsScalar: Node.Scalar { Node.Scalar(text, Tag(.implicit, .basic)) }

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
