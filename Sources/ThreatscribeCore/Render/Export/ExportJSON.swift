import Foundation

/// Deterministic JSON text for the data exports: sorted keys, two-space indentation, one final newline.
enum ExportJSON {
    static func text<Value: Encodable>(of value: Value) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self) + "\n"
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `text(of: make(elements))` for a value holding the long array `elements` one level down (the
    /// findings of a document), with the elements encoded in chunks on every core: encoding a whole
    /// large document at once builds its entire JSON tree first (most of the time and memory).
    ///
    /// The text is the same: the value is encoded holding only the first element, and that element's
    /// text is replaced by the text of all of them. Each chunk is encoded as a top-level array, whose
    /// elements are one level less indented than in the value; the encoder writes no line break inside
    /// a string (it escapes them), so each line of a chunk is indented by two more spaces.
    static func text<Value: Encodable, Element: Encodable & Sendable>(
        of make: ([Element]) -> Value, elements: [Element], chunkSize: Int = 256
    ) throws -> String {
        guard elements.count > chunkSize else { return try text(of: make(elements)) }
        let skeleton = Array(try encoder().encode(make([elements[0]])))
        let first = indentedElements(try encoder().encode([elements[0]]))
        guard let start = skeleton.firstRange(of: first) else { return try text(of: make(elements)) }
        let chunks = stride(from: 0, to: elements.count, by: chunkSize).map { $0..<min($0 + chunkSize, elements.count) }
        // Chunks are encoded a few per core at a time and appended as they come, so the text is held
        // about once (not once in chunks and again in the document).
        var output = String(decoding: skeleton[..<start.lowerBound], as: UTF8.self)
        output.reserveCapacity(skeleton.count + first.count * elements.count * 9 / 8)
        let wave = 2 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        for waveStart in stride(from: 0, to: chunks.count, by: wave) {
            let encoded = Array(chunks[waveStart..<min(waveStart + wave, chunks.count)]).concurrentMap { range in
                Result { String(decoding: indentedElements(try encoder().encode(Array(elements[range]))), as: UTF8.self) }
            }
            for (offset, chunk) in encoded.enumerated() {
                if waveStart + offset > 0 { output += ",\n" }
                output += try chunk.get()
            }
        }
        output += String(decoding: skeleton[start.upperBound...], as: UTF8.self)
        output += "\n"
        return output
    }

    /// The elements of a pretty-printed top-level array (`[\n  a,\n  b\n]`) as they appear one level
    /// down: `    a,\n    b`.
    private static func indentedElements(_ array: Data) -> [UInt8] {
        let bytes = Array(array)
        let open = Array("[\n".utf8), close = Array("\n]".utf8)
        precondition(bytes.starts(with: open) && bytes.suffix(close.count).elementsEqual(close), "not a pretty-printed array")
        var result: [UInt8] = Array("  ".utf8)
        result.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes[open.count..<(bytes.count - close.count)] {
            result.append(byte)
            if byte == UInt8(ascii: "\n") { result += [UInt8(ascii: " "), UInt8(ascii: " ")] }
        }
        return result
    }
}
