/// A JSON value, read by a small parser over UTF-8 bytes: the precompiled catalog is decoded from it
/// by hand (`PrecompiledCatalog+Reading.swift`) rather than by `JSONDecoder`, whose generic `Codable`
/// dispatch took most of the start-up of a small run.
///
/// Only what `JSONEncoder` writes for the catalog is accepted: objects, arrays, strings (every JSON
/// escape), integers, `true`, `false`, `null`. Anything else is an error naming the byte offset.
enum PrecompiledJSON: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([PrecompiledJSON])
    case object([String: PrecompiledJSON])

    /// Why a text or a value could not be read.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses `text`, which must hold exactly one value (whitespace around it allowed).
    static func parse(_ text: String) throws(Problem) -> PrecompiledJSON {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(Problem) -> PrecompiledJSON in
                var parser = Parser(bytes: bytes)
                let value = try parser.value(depth: 0)
                parser.skipWhitespace()
                guard parser.index == bytes.count else { throw parser.problem("text after the value") }
                return value
            }
        }
        return try result.get()
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        /// Deeper nesting than any catalog condition needs is refused rather than overflowing the stack.
        static let maximumDepth = 512

        func problem(_ what: String) -> Problem { Problem(description: "\(what) at byte \(index)") }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(Problem) -> PrecompiledJSON {
            guard depth < Self.maximumDepth else { throw problem("nesting too deep") }
            skipWhitespace()
            guard index < bytes.count else { throw problem("a value expected") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .int(try integer())
            default: throw problem("a value expected")
            }
        }

        mutating func literal(_ word: StaticString) throws(Problem) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw problem("\(word) expected") }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
                throw problem("\(word) expected")
            }
            index += count
        }

        mutating func integer() throws(Problem) -> Int {
            let negative = bytes[index] == UInt8(ascii: "-")
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
            if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
                throw problem("only integers are expected")
            }
            return negative ? -magnitude : magnitude
        }

        mutating func string() throws(Problem) -> String {
            index += 1  // the opening quote
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
            var scalars = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: scalars, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { throw problem("unfinished escape") }
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escaped)
                    case UInt8(ascii: "b"): scalars.append(0x08)
                    case UInt8(ascii: "f"): scalars.append(0x0C)
                    case UInt8(ascii: "n"): scalars.append(0x0A)
                    case UInt8(ascii: "r"): scalars.append(0x0D)
                    case UInt8(ascii: "t"): scalars.append(0x09)
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
                        scalars.append(contentsOf: UTF8.encode(scalar)!)
                    default: throw problem("unknown escape")
                    }
                default:
                    guard byte >= 0x20 else { throw problem("control character in a string") }
                    scalars.append(byte)
                }
            }
            throw problem("unterminated string")
        }

        mutating func hex4() throws(Problem) -> UInt32 {
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

        mutating func array(depth: Int) throws(Problem) -> PrecompiledJSON {
            index += 1
            var elements: [PrecompiledJSON] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
            while true {
                elements.append(try value(depth: depth + 1))
                skipWhitespace()
                guard index < bytes.count else { throw problem("unterminated array") }
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "]") { return .array(elements) }
                guard byte == UInt8(ascii: ",") else { index -= 1; throw problem("`,` or `]` expected") }
            }
        }

        mutating func object(depth: Int) throws(Problem) -> PrecompiledJSON {
            index += 1
            var members: [String: PrecompiledJSON] = [:]
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw problem("a key expected") }
                let key = try string()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw problem("`:` expected") }
                index += 1
                guard members.updateValue(try value(depth: depth + 1), forKey: key) == nil else {
                    throw problem("duplicate key \(key)")
                }
                skipWhitespace()
                guard index < bytes.count else { throw problem("unterminated object") }
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "}") { return .object(members) }
                guard byte == UInt8(ascii: ",") else { index -= 1; throw problem("`,` or `}` expected") }
            }
        }
    }
}

/// Typed access to the members of a JSON object, each failure naming the key and the path to it.
struct PrecompiledJSONObject {
    let members: [String: PrecompiledJSON]
    /// Where this object is, e.g. `entries[3].when`, for error messages.
    let path: String

    init(_ value: PrecompiledJSON, at path: String) throws(PrecompiledJSON.Problem) {
        guard case .object(let members) = value else { throw PrecompiledJSON.Problem(description: "\(path): an object expected") }
        self.members = members
        self.path = path
    }

    func value(_ key: String) throws(PrecompiledJSON.Problem) -> PrecompiledJSON {
        guard let value = members[key] else { throw PrecompiledJSON.Problem(description: "\(path): no key \(key)") }
        return value
    }

    func object(_ key: String) throws(PrecompiledJSON.Problem) -> PrecompiledJSONObject {
        try PrecompiledJSONObject(value(key), at: path + "." + key)
    }

    func string(_ key: String) throws(PrecompiledJSON.Problem) -> String {
        guard case .string(let text) = try value(key) else { throw mismatch(key, "a string") }
        return text
    }

    /// An optional member: absent (as `JSONEncoder` leaves a `nil`) or `null` is `nil`.
    func optionalString(_ key: String) throws(PrecompiledJSON.Problem) -> String? {
        switch members[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw mismatch(key, "a string")
        }
    }

    func int(_ key: String) throws(PrecompiledJSON.Problem) -> Int {
        guard case .int(let number) = try value(key) else { throw mismatch(key, "an integer") }
        return number
    }

    func bool(_ key: String) throws(PrecompiledJSON.Problem) -> Bool {
        guard case .bool(let flag) = try value(key) else { throw mismatch(key, "a Boolean") }
        return flag
    }

    func array(_ key: String) throws(PrecompiledJSON.Problem) -> [PrecompiledJSON] {
        guard case .array(let elements) = try value(key) else { throw mismatch(key, "an array") }
        return elements
    }

    func strings(_ key: String) throws(PrecompiledJSON.Problem) -> [String] {
        var result: [String] = []
        for element in try array(key) {
            guard case .string(let text) = element else { throw mismatch(key, "an array of strings") }
            result.append(text)
        }
        return result
    }

    /// A `RawRepresentable` enum stored as its string raw value.
    func raw<Value: RawRepresentable<String>>(_ key: String, as type: Value.Type = Value.self) throws(PrecompiledJSON.Problem) -> Value {
        let text = try string(key)
        guard let value = Value(rawValue: text) else { throw mismatch(key, "a \(Value.self), not \(text)") }
        return value
    }

    func optionalRaw<Value: RawRepresentable<String>>(_ key: String, as type: Value.Type = Value.self) throws(PrecompiledJSON.Problem) -> Value? {
        guard let text = try optionalString(key) else { return nil }
        guard let value = Value(rawValue: text) else { throw mismatch(key, "a \(Value.self), not \(text)") }
        return value
    }

    /// The object's single key (an enum case as `Codable` writes it: `{"case": {…}}`) and its value.
    func onlyMember() throws(PrecompiledJSON.Problem) -> (key: String, value: PrecompiledJSON) {
        guard members.count == 1, let member = members.first else {
            throw PrecompiledJSON.Problem(description: "\(path): an object with one key expected")
        }
        return (member.key, member.value)
    }

    func mismatch(_ key: String, _ expected: String) -> PrecompiledJSON.Problem {
        PrecompiledJSON.Problem(description: "\(path).\(key): \(expected) expected")
    }
}
