import Foundation

/// A list of strings as compact JSON text (`["https://a.example"]`), as pydantic-settings reads a list
/// from an environment variable. Foundation's encoder does the escaping.
enum JSONText {
    static func array(_ values: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(values), let text = String(data: data, encoding: .utf8) else { return "[]" }
        return text
    }
}
