import Foundation

/// Deterministic JSON text for the data exports: sorted keys, two-space indentation, one final newline.
enum ExportJSON {
    static func text<Value: Encodable>(of value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
