/// A value the service's code computes at run time and nobody has stated yet, written in a model as
/// `allow_origins: {unresolved: "settings.all_cors_origins", source: "backend/app/main.py:23"}`.
///
/// The analysis treats it as unknown: never as the framework's default. A check that needs it does
/// not report the part as safe; a finding that rests on it is one to confirm, never a clear-cut one.
public struct UnresolvedValue: Codable, Sendable, Equatable, Hashable {
    /// Where the value belongs in the model, e.g. `middleware[0].allow_origins`.
    public var path: ModelPath
    /// The expression the code computes it with, as written in the code.
    public var expression: String
    /// Where the code computes it (`path:line`), when the model says.
    public var source: String?

    public init(path: ModelPath, expression: String, source: String? = nil) {
        self.path = path
        self.expression = expression
        self.source = source
    }

    /// The key the value belongs to (`allow_origins`).
    public var key: String {
        if case .key(let name)? = path.components.last { return name }
        return path.description
    }

    /// `` `settings.all_cors_origins` (backend/app/main.py:23) ``, for prose and questions.
    public var citation: String {
        "`\(expression)`" + (source.map { " (\($0))" } ?? "")
    }
}

extension ArchitectureModel {
    /// Stored properties the loader fills from the file's shape, not from a key of the same name.
    static let loaderFilledProperties: Set<String> = ["unresolved"]

    /// The unresolved value at `path`, if the model leaves it unresolved.
    public func unresolvedValue(at path: ModelPath) -> UnresolvedValue? {
        unresolved?.first { $0.path == path }
    }

    /// The unresolved values at or below `path`.
    public func unresolvedValues(under path: ModelPath) -> [UnresolvedValue] {
        (unresolved ?? []).filter { $0.path.components.starts(with: path.components) }
    }
}
