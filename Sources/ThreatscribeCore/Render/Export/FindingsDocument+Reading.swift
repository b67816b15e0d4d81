import Foundation

extension FindingsDocument {
    /// Reads a saved `threat-model.json` (a baseline, or one side of a diff). A document of another
    /// major format version, or one that is not a findings document, is an error at the file.
    public static func read(_ data: Data, file: String) throws(DiagnosticList) -> FindingsDocument {
        let start = SourceLocation(file: file, line: 1, column: 1)
        struct Version: Decodable { var formatVersion: String }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            throw DiagnosticList([Diagnostic(.error, "\(file) is not a threatscribe findings file (threat-model.json): no formatVersion", at: start)])
        }
        guard version.formatVersion.split(separator: ".").first == currentFormatVersion.split(separator: ".").first else {
            throw DiagnosticList([Diagnostic(.error, "\(file) has findings format version \(version.formatVersion); this threatscribe reads \(currentFormatVersion.split(separator: ".")[0]).x", at: start)])
        }
        do {
            return try JSONDecoder().decode(FindingsDocument.self, from: data)
        } catch {
            throw DiagnosticList([Diagnostic(.error, "\(file) is not a valid findings file: \(Self.describe(error))", at: start)])
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing `\(key.stringValue)` at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
