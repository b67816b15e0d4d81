import ArgumentParser
import Foundation

/// `--format a,b`: the formats named, in order and without repeats (`md` and `htm` are aliases of
/// `markdown` and `html`); an unknown or empty list is a usage error.
func parsedFormatList<Format>(_ list: String) throws -> [Format]
where Format: RawRepresentable & CaseIterable & Equatable, Format.RawValue == String {
    var formats: [Format] = []
    for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
        let aliases = ["md": "markdown", "htm": "html"]
        guard let parsed = Format(rawValue: aliases[name] ?? name) else {
            throw ValidationError("unknown format `\(name)`; use \(Format.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if !formats.contains(parsed) { formats.append(parsed) }
    }
    guard !formats.isEmpty else { throw ValidationError("--format names no format") }
    return formats
}
