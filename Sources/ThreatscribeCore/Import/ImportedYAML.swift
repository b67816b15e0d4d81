import Foundation
import Yams

/// Reads the YAML or JSON documents of an imported artifact (an OpenAPI document, Kubernetes
/// manifests, a CycloneDX JSON SBOM) into located trees, with the same limits as a model file
/// (size, nesting, alias expansion: ``YAMLPrescan``).
enum ImportedYAML {
    static func documents(_ text: String, file: String) throws(DiagnosticList) -> [LocatedNode] {
        let text = JSONSurrogates.rewritten(text)
        let prescanned = YAMLPrescan.problems(in: text, file: file, what: "file")
        if !prescanned.isEmpty { throw DiagnosticList(prescanned) }
        var nodes: [LocatedNode] = []
        var problems: [Diagnostic] = []
        do {
            for node in try Yams.compose_all(yaml: text) {
                nodes.append(LocatedTreeBuilder(file: file).build(node, problems: &problems))
            }
        } catch let error as YamlError {
            throw DiagnosticList([YAMLErrorTranslation.diagnostic(for: error, text: text, file: file)])
        } catch {
            throw DiagnosticList([Diagnostic(.error, "cannot read the file: \(error)", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return nodes
    }
}

extension LocatedNode {
    /// The text of a scalar value under `key`, if there is one.
    func text(_ key: String) -> String? {
        guard let scalar = self[key]?.scalarValue, scalar.kind != .null else { return nil }
        return scalar.text
    }

    /// The Boolean under `key`, if it is one.
    func flag(_ key: String) -> Bool? {
        guard let scalar = self[key]?.scalarValue, scalar.kind == .bool else { return nil }
        return ["true", "yes", "on", "y"].contains(scalar.text.lowercased())
    }
}

/// JSON writes a character outside the Basic Multilingual Plane as a UTF-16 surrogate pair
/// (`"\ud83d\ude80"`, as Python's `json.dumps` does for an emoji), which the YAML reader refuses.
/// A JSON document's pairs are rewritten as the YAML escape of the same character (`\U0001F680`),
/// and a lone surrogate as U+FFFD; lines stay where they were.
enum JSONSurrogates {
    static func rewritten(_ text: String) -> String {
        guard let first = text.utf8.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }),
              first == UInt8(ascii: "{") || first == UInt8(ascii: "["), text.contains("\\u") else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        func unit(at position: Int) -> UInt16? {
            guard position + 6 <= bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u"),
                  let value = UInt16(String(decoding: bytes[(position + 2)..<(position + 6)], as: UTF8.self), radix: 16) else { return nil }
            return value
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                output.append(bytes[index]); index += 1; continue
            }
            if let high = unit(at: index), (0xD800...0xDFFF).contains(high) {
                if high <= 0xDBFF, let low = unit(at: index + 6), (0xDC00...0xDFFF).contains(low) {
                    let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    output += Array("\\U\(String(format: "%08X", scalar))".utf8)
                    index += 12
                } else {
                    output += Array("\\uFFFD".utf8)
                    index += 6
                }
                continue
            }
            // Any other escape (`\\`, `\"`, `\u0041`) is copied whole, so an escaped backslash is never read as one.
            output.append(bytes[index]); output.append(bytes[index + 1]); index += 2
        }
        return String(decoding: output, as: UTF8.self)
    }
}
