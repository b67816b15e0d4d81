/// A position in a text file: 1-based line and column; line 0 means the whole file (a file-level `source:`).
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, the form compilers and editors understand.
    public var description: String { line == 0 ? file : "\(file):\(line):\(column)" }
}
