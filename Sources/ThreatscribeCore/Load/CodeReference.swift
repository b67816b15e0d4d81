/// A `source:` value: a place in the service's code, `path:line`, `path:line:col` or `path:start-end`,
/// or a whole file, `path` (a Dockerfile, a compose file, `pyproject.toml`).
public struct CodeReference: Sendable, Equatable {
    public var path: String
    /// `nil` for a whole file.
    public var line: Int?
    /// 1 when the reference gives no column.
    public var column: Int
    /// Last line of a `path:start-end` range.
    public var endLine: Int?

    public init(path: String, line: Int?, column: Int = 1, endLine: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine
    }

    /// Parses `backend/main.py:1127`, `backend/main.py:1127:5`, `backend/main.py:1127-1139` or a whole
    /// file, `backend/Dockerfile` (no `:` and no white space); `nil` otherwise.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 {
            guard !text.isEmpty, !text.contains(where: \.isWhitespace) else { return nil }
            self.init(path: text, line: nil)
            return
        }
        if parts.count >= 3, let line = Self.positive(parts[parts.count - 2]), let column = Self.positive(parts[parts.count - 1]) {
            let path = parts.dropLast(2).joined(separator: ":")
            guard !path.isEmpty else { return nil }
            self.init(path: path, line: line, column: column)
            return
        }
        let path = parts.dropLast().joined(separator: ":")
        guard !path.isEmpty else { return nil }
        let lines = parts[parts.count - 1].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        switch lines.count {
        case 1:
            guard let line = Self.positive(lines[0]) else { return nil }
            self.init(path: path, line: line)
        case 2:
            guard let start = Self.positive(lines[0]), let end = Self.positive(lines[1]), end >= start else { return nil }
            self.init(path: path, line: start, endLine: end)
        default:
            return nil
        }
    }

    /// The start as a `SourceLocation`; a whole file has line and column 0.
    public var location: SourceLocation {
        guard let line else { return SourceLocation(file: path, line: 0, column: 0) }
        return SourceLocation(file: path, line: line, column: column)
    }

    /// The text form, the pattern the JSON Schema checks.
    static let pattern = "^([^:\\s]+|.+:[1-9][0-9]*(:[1-9][0-9]*|-[1-9][0-9]*)?)$"

    private static func positive(_ text: String) -> Int? {
        guard !text.isEmpty, text.allSatisfy(\.isASCII), let value = Int(text), value > 0 else { return nil }
        return value
    }
}
