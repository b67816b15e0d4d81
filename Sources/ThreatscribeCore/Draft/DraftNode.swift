/// A node of a drafted model: an ordered YAML mapping, sequence or scalar that remembers where each
/// inferred value came from. `init` and `import` build these trees; `DraftYAMLWriter` writes them.
///
/// A node's `comment` is written after it on the same line (`# from app/main.py:12`); `notes` are
/// written as comment lines above it. Neither can change the YAML structure: the writer turns line
/// breaks in them into spaces.
public struct DraftNode: Sendable, Equatable {
    /// What the node holds.
    public enum Value: Sendable, Equatable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        case null
        case sequence([DraftNode])
        case mapping([Member])
        /// A value the code computes at run time: written `{unresolved: "EXPRESSION", source: "FILE:LINE"}`,
        /// which the loader reads as unknown (see `UnresolvedValue`).
        case unresolved(expression: String, source: String?)
    }

    /// One member of a mapping: a key with its value, or a comment line standing on its own (a value
    /// the draft could not resolve, written as a note for the reader instead of a guess).
    public enum Member: Sendable, Equatable {
        case pair(key: String, value: DraftNode)
        case note(String)
    }

    public var value: Value
    /// Written after the value on its line, e.g. `from app/main.py:12`.
    public var comment: String?
    /// Comment lines written above the node (above its key in a mapping, above its `-` in a sequence).
    public var notes: [String]

    public init(_ value: Value, comment: String? = nil, notes: [String] = []) {
        self.value = value
        self.comment = comment
        self.notes = notes
    }
}

extension DraftNode {
    /// A string scalar.
    public static func string(_ text: String, comment: String? = nil) -> DraftNode {
        DraftNode(.string(text), comment: comment)
    }

    /// An integer scalar.
    public static func integer(_ number: Int, comment: String? = nil) -> DraftNode {
        DraftNode(.integer(number), comment: comment)
    }

    /// A Boolean scalar.
    public static func boolean(_ flag: Bool, comment: String? = nil) -> DraftNode {
        DraftNode(.boolean(flag), comment: comment)
    }

    /// `null` (a disabled docs route, an override that unsets a key).
    public static func null(comment: String? = nil) -> DraftNode {
        DraftNode(.null, comment: comment)
    }

    /// A value the code computes and the draft could not resolve (`allow_origins: {unresolved: …}`).
    public static func unresolved(_ expression: String, source: String?, comment: String? = nil) -> DraftNode {
        DraftNode(.unresolved(expression: expression, source: source), comment: comment)
    }

    /// A sequence of nodes.
    public static func sequence(_ items: [DraftNode], comment: String? = nil) -> DraftNode {
        DraftNode(.sequence(items), comment: comment)
    }

    /// A sequence of strings.
    public static func strings(_ items: [String], comment: String? = nil) -> DraftNode {
        DraftNode(.sequence(items.map { .string($0) }), comment: comment)
    }

    /// A mapping of the given pairs, in order.
    public static func mapping(_ pairs: [(String, DraftNode)], comment: String? = nil) -> DraftNode {
        DraftNode(.mapping(pairs.map { .pair(key: $0.0, value: $0.1) }), comment: comment)
    }

    /// The value under `key`, when this is a mapping that has it.
    public subscript(key: String) -> DraftNode? {
        get {
            guard case .mapping(let members) = value else { return nil }
            for case .pair(let name, let node) in members where name == key { return node }
            return nil
        }
        set {
            guard case .mapping(var members) = value else { return }
            if let index = members.firstIndex(where: { if case .pair(key, _) = $0 { return true } else { return false } }) {
                if let newValue { members[index] = .pair(key: key, value: newValue) } else { members.remove(at: index) }
            } else if let newValue {
                members.append(.pair(key: key, value: newValue))
            }
            value = .mapping(members)
        }
    }

    /// Appends a pair to a mapping (replacing nothing: the caller keeps keys unique).
    public mutating func append(_ key: String, _ node: DraftNode) {
        guard case .mapping(var members) = value else { return }
        members.append(.pair(key: key, value: node))
        value = .mapping(members)
    }

    /// Appends a comment line to a mapping.
    public mutating func appendNote(_ text: String) {
        guard case .mapping(var members) = value else { return }
        members.append(.note(text))
        value = .mapping(members)
    }

    /// The members of a mapping (empty for other nodes).
    public var members: [Member] {
        if case .mapping(let members) = value { return members }
        return []
    }

    /// The items of a sequence, or nil.
    public var items: [DraftNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// Whether this is an empty mapping or sequence.
    public var isEmptyCollection: Bool {
        switch value {
        case .mapping(let members): members.isEmpty
        case .sequence(let items): items.isEmpty
        default: false
        }
    }
}
