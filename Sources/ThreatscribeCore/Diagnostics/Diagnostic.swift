/// A problem found in user input (a model, a catalog entry, a template), with its place.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning, note }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?

    public init(_ severity: Severity = .error, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `file:line:col: error: message`, or `error: message` without a location.
    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }
}

/// Every problem found in one pass, reported together; thrown when any is an error.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// One diagnostic a line, ordered by file, line and column.
    public var description: String {
        diagnostics.sorted(by: Self.order).map(\.description).joined(separator: "\n")
    }

    static func order(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        let left = lhs.location.map { ($0.file, $0.line, $0.column) } ?? ("", 0, 0)
        let right = rhs.location.map { ($0.file, $0.line, $0.column) } ?? ("", 0, 0)
        if left != right { return left < right }
        return lhs.message < rhs.message
    }
}
