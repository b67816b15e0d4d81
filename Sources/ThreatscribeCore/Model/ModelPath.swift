/// A path to a value in the model file, written with the file's own key names:
/// `middleware[0].allow_origins[2]`, `environments[1].overrides.app.debug`.
public struct ModelPath: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    /// Parses `a.b[2].c`; keys may not contain `.` or `[`.
    public init(stringLiteral value: String) { self.init(parsing: value) }

    public init(parsing text: String) {
        var components: [Component] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: true) {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                let key = rest[..<bracket]
                if !key.isEmpty { components.append(.key(String(key))) }
                rest = rest[bracket...]
                while rest.first == "[", let close = rest.firstIndex(of: "]") {
                    if let index = Int(rest[rest.index(after: rest.startIndex)..<close]) {
                        components.append(.index(index))
                    }
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                components.append(.key(String(rest)))
            }
        }
        self.components = components
    }

    public static let root = ModelPath()

    public func appending(_ key: String) -> ModelPath { appending(component: .key(key)) }
    public func appending(_ index: Int) -> ModelPath { appending(component: .index(index)) }

    /// The path with one more component, its storage sized exactly (`components + [component]` would
    /// double the capacity for further appends, which a path never gets: a large model holds hundreds of thousands of paths).
    private func appending(component: Component) -> ModelPath {
        var longer: [Component] = []
        longer.reserveCapacity(components.count + 1)
        longer.append(contentsOf: components)
        longer.append(component)
        return ModelPath(longer)
    }

    /// The path one level up, or `nil` at the root.
    public var parent: ModelPath? {
        components.isEmpty ? nil : ModelPath(Array(components.dropLast()))
    }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text.isEmpty ? "(root)" : text
    }

    public static func < (lhs: ModelPath, rhs: ModelPath) -> Bool { lhs.description < rhs.description }
}

extension ModelPath: Codable {
    public init(from decoder: Decoder) throws {
        self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
