/// A reader of JSON text over its UTF-8 bytes, value by value as the caller asks for them: the
/// precompiled catalog is decoded with it by hand (`PrecompiledCatalog+Reading.swift`) rather than by
/// `JSONDecoder`, whose generic `Codable` dispatch took most of the start-up of a small run.
///
/// Only what `JSONEncoder` writes for the catalog is accepted: objects, arrays, strings (every JSON
/// escape), integers, `true`, `false`, `null`. Anything else is an error naming the byte offset.
struct PrecompiledJSON {
    /// Why a text could not be read.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    /// Deeper nesting than any catalog condition needs is refused rather than overflowing the stack.
    static let maximumDepth = 512

    /// Reads `text` with `read`, which must consume exactly one value (whitespace around it allowed).
    static func reading<Value>(_ text: String, _ read: (inout PrecompiledJSON) throws(Problem) -> Value) throws(Problem) -> Value {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(Problem) -> Value in
                var reader = PrecompiledJSON(bytes: bytes)
                let value = try read(&reader)
                reader.skipWhitespace()
                guard reader.index == bytes.count else { throw reader.problem("text after the value") }
                return value
            }
        }
        return try result.get()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func problem(_ what: String) -> Problem { Problem(description: "\(what) at byte \(index)") }

    // MARK: Values

    /// An object: `member` is called with each key and must read its value.
    mutating func object(_ member: (inout PrecompiledJSON, String) throws(Problem) -> Void) throws(Problem) {
        try expect(UInt8(ascii: "{"), "an object")
        depth += 1
        guard depth < Self.maximumDepth else { throw problem("nesting too deep") }
        defer { depth -= 1 }
        if peek() == UInt8(ascii: "}") { index += 1; return }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw problem("a key expected") }
            let key = try string()
            try expect(UInt8(ascii: ":"), "`:`")
            try member(&self, key)
            skipWhitespace()
            guard index < bytes.count else { throw problem("unterminated object") }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "}") { return }
            guard byte == UInt8(ascii: ",") else { index -= 1; throw problem("`,` or `}` expected") }
        }
    }

    /// An array: `element` is called for each element and must read it.
    mutating func array(_ element: (inout PrecompiledJSON) throws(Problem) -> Void) throws(Problem) {
        try expect(UInt8(ascii: "["), "an array")
        depth += 1
        guard depth < Self.maximumDepth else { throw problem("nesting too deep") }
        defer { depth -= 1 }
        if peek() == UInt8(ascii: "]") { index += 1; return }
        while true {
            try element(&self)
            skipWhitespace()
            guard index < bytes.count else { throw problem("unterminated array") }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "]") { return }
            guard byte == UInt8(ascii: ",") else { index -= 1; throw problem("`,` or `]` expected") }
        }
    }

    mutating func strings() throws(Problem) -> [String] {
        var result: [String] = []
        try array { (reader) throws(Problem) in result.append(try reader.string()) }
        return result
    }

    /// The value of a member not read before (`current` is what was read for it so far): a key twice is an error.
    mutating func once<Value>(_ current: Value?, _ key: String, _ read: (inout PrecompiledJSON) throws(Problem) -> Value) throws(Problem) -> Value {
        guard current == nil else { throw problem("duplicate key \(key)") }
        return try read(&self)
    }

    /// A string raw value of `Value`.
    mutating func raw<Value: RawRepresentable<String>>(_ type: Value.Type = Value.self) throws(Problem) -> Value {
        let text = try string()
        guard let value = Value(rawValue: text) else { throw problem("a \(Value.self) expected, not \(text)") }
        return value
    }

    /// `true` (and consumed) for `null`.
    mutating func isNull() throws(Problem) -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    mutating func bool() throws(Problem) -> Bool {
        switch peek() {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        default: throw problem("a Boolean expected")
        }
    }

    /// A value of any kind, read and dropped (a key the types do not have, which `Codable` ignores too).
    mutating func skipValue() throws(Problem) {
        switch peek() {
        case UInt8(ascii: "{"): try object { (reader, _) throws(Problem) in try reader.skipValue() }
        case UInt8(ascii: "["): try array { (reader) throws(Problem) in try reader.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try int()
        }
    }

    mutating func int() throws(Problem) -> Int {
        guard let first = peek(), first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            throw problem("an integer expected")
        }
        let negative = first == UInt8(ascii: "-")
        if negative { index += 1 }
        let start = index
        var magnitude = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(bytes[index] - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw problem("integer out of range") }
            magnitude = sum
            index += 1
        }
        guard index > start else { throw problem("digits expected") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            throw problem("only integers are expected")
        }
        return negative ? -magnitude : magnitude
    }

    mutating func string() throws(Problem) -> String {
        guard peek() == UInt8(ascii: "\"") else { throw problem("a string expected") }
        index += 1
        let start = index
        // Fast path: no escape, the bytes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw problem("control character in a string") }
            index += 1
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(index - start + 256)
        utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            // The bytes up to the next quote or escape, appended at once.
            let run = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
                guard bytes[index] >= 0x20 else { throw problem("control character in a string") }
                index += 1
            }
            utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
            guard index < bytes.count else { break }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return String(decoding: utf8, as: UTF8.self) }
            guard index < bytes.count else { throw problem("unfinished escape") }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw problem("unpaired surrogate")
                    }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw problem("unpaired surrogate") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw problem("unpaired surrogate") }
                utf8.append(contentsOf: UTF8.encode(scalar)!)
            default: throw problem("unknown escape")
            }
        }
        throw problem("unterminated string")
    }

    // MARK: Bytes

    /// The next byte after whitespace, not consumed.
    private mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Problem) {
        guard peek() == byte else { throw problem("\(what) expected") }
        index += 1
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func literal(_ word: StaticString) throws(Problem) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw problem("\(word) expected") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw problem("\(word) expected")
        }
        index += count
    }

    private mutating func hex4() throws(Problem) -> UInt32 {
        guard index + 4 <= bytes.count else { throw problem("four hex digits expected") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw problem("four hex digits expected")
            }
            code = code << 4 | UInt32(digit)
            index += 1
        }
        return code
    }
}

/// Where a JSON object is (`entries[3].when`), for the errors of reading it.
struct PrecompiledJSONPath {
    let path: String

    init(_ path: String) { self.path = path }

    /// `value`, or an error naming the missing key.
    func required<Value>(_ value: Value?, _ key: String) throws(PrecompiledJSON.Problem) -> Value {
        guard let value else { throw PrecompiledJSON.Problem(description: "\(path): no key \(key)") }
        return value
    }

    func unknown(_ what: String, _ name: String) -> PrecompiledJSON.Problem {
        PrecompiledJSON.Problem(description: "\(path): unknown \(what) \(name)")
    }

    func child(_ key: String) -> PrecompiledJSONPath { PrecompiledJSONPath(path + "." + key) }
}
