/// A YAML or JSON value with the place of every scalar, sequence, mapping and key in the file.
///
/// Built by `LocatedNode.parse(_:file:)`; schema validation, environment merging and
/// location tracking all work on this tree before it is decoded into `ArchitectureModel`.
public indirect enum LocatedNode: Sendable, Equatable {
    case scalar(LocatedScalar)
    case sequence([LocatedNode], at: SourceLocation)
    case mapping([LocatedEntry], at: SourceLocation)

    /// Where the value starts (for block mappings: at the first key).
    public var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .sequence(_, let location), .mapping(_, let location): location
        }
    }

    /// The entries of a mapping, or `nil`.
    public var entries: [LocatedEntry]? {
        if case .mapping(let entries, _) = self { return entries }
        return nil
    }

    /// The items of a sequence, or `nil`.
    public var items: [LocatedNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    /// The scalar, or `nil` for collections.
    public var scalarValue: LocatedScalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    /// The value of `key` in a mapping.
    public subscript(key: String) -> LocatedNode? {
        entries?.first { $0.key == key }?.value
    }

    /// Whether this is an explicit null (`null`, `~` or an empty value).
    public var isNull: Bool { scalarValue?.kind == .null }
}

/// One `key: value` pair of a mapping, with the key's own location.
public struct LocatedEntry: Sendable, Equatable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: LocatedNode

    public init(key: String, keyLocation: SourceLocation, value: LocatedNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

/// A scalar as written, with the type YAML resolves it to.
public struct LocatedScalar: Sendable, Equatable {
    /// The YAML type of a scalar after tag resolution (YAML 1.1 rules, as Yams applies them).
    public enum Kind: String, Sendable, Equatable {
        case null, bool, int, float, string
    }

    /// How the scalar was written; quoted scalars are always strings.
    public enum Style: String, Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The text as written (without quotes).
    public var text: String
    public var kind: Kind
    public var style: Style
    public var location: SourceLocation

    public init(text: String, kind: Kind, style: Style, location: SourceLocation) {
        self.text = text
        self.kind = kind
        self.style = style
        self.location = location
    }
}
