import Yams

/// The tag Yams's default `Resolver` gives a scalar written without a tag, found without its regular
/// expressions (which cost more than the rest of reading a large model).
///
/// The default resolver tries its rules in order (bool, int, float, merge, null, timestamp, value) and
/// takes the first whose pattern matches the whole text; a pattern's `$` also matches before one final
/// line break. Only bool, int, float and null matter to `LocatedScalar.Kind` (the rest are strings), and
/// merge (`<<`) matches none of them, so this answers those four or `str`. `ImplicitScalarTagTests`
/// compares it with the default resolver on a large corpus.
enum ImplicitScalarTag {
    static func name(of text: String) -> Tag.Name {
        // Every matching text starts with one of these bytes (a line break only when it is all that is left).
        guard let first = text.utf8.first else { return .null }
        guard first < 0x80, firstBytes[Int(first)] else {
            return first == 0xC2 || first == 0xE2 ? name(ofBytes: text) : .str
        }
        // A word (bool or null) is at most 5 bytes, and a final line break at most 3 more.
        if first >= UInt8(ascii: "A"), text.utf8.count > 8 { return .str }
        return name(ofBytes: text)
    }

    private static func name(ofBytes text: String) -> Tag.Name {
        var body = Array(text.utf8)
        if body.last == 0x0A, body.dropLast().last == 0x0D {
            body.removeLast(2)
        } else if let last = body.last, (0x0A...0x0D).contains(last) {
            body.removeLast()
        } else if body.suffix(2).elementsEqual([0xC2, 0x85]) {
            body.removeLast(2)  // U+0085
        } else if body.suffix(3).elementsEqual([0xE2, 0x80, 0xA8]) || body.suffix(3).elementsEqual([0xE2, 0x80, 0xA9]) {
            body.removeLast(3)  // U+2028, U+2029
        }
        if isBool(body) { return .bool }
        if isInt(body[...]) { return .int }
        if isFloat(body[...]) { return .float }
        if isNull(body) { return .null }
        return .str
    }

    /// The first bytes of texts the four rules can match: digits, signs, `.`, `~`, the letters that
    /// start a bool or null word, and line breaks (`$` matches before a final one).
    /// Indexed by ASCII byte (0xC2 and 0xE2, which start U+0085, U+2028 and U+2029, are checked apart).
    private static let firstBytes: [Bool] = (0..<128).map { byte in
        Set("0123456789+-.~yYnNtTfFoO".utf8).union([0x0A, 0x0B, 0x0C, 0x0D]).contains(UInt8(byte))
    }

    private static let bools: Set<[UInt8]> = Set([
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ].map { Array($0.utf8) })

    private static let nulls: Set<[UInt8]> = Set(["", "~", "null", "Null", "NULL"].map { Array($0.utf8) })

    /// `^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$`
    private static func isBool(_ text: [UInt8]) -> Bool { bools.contains(text) }

    /// `^(?:~|null|Null|NULL|)$`
    private static func isNull(_ text: [UInt8]) -> Bool { nulls.contains(text) }

    /// `^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$`
    private static func isInt(_ text: ArraySlice<UInt8>) -> Bool {
        let rest = dropSign(text)
        if rest.starts(with: "0b".utf8) { return isNonEmpty(rest.dropFirst(2), all: { $0 == ascii("0") || $0 == ascii("1") || $0 == ascii("_") }) }
        if rest.starts(with: "0o".utf8), isNonEmpty(rest.dropFirst(2), all: isOctalOrUnderscore) { return true }
        if rest.first == ascii("0"), isNonEmpty(rest.dropFirst(), all: isOctalOrUnderscore) { return true }
        if rest.elementsEqual("0".utf8) { return true }
        if let first = rest.first, (ascii("1")...ascii("9")).contains(first), rest.dropFirst().allSatisfy(isDigitOrUnderscore) { return true }
        if rest.starts(with: "0x".utf8) { return isNonEmpty(rest.dropFirst(2), all: { isHex($0) || $0 == ascii("_") }) }
        guard let first = rest.first, (ascii("1")...ascii("9")).contains(first) else { return false }
        let head = rest.prefix { $0 != ascii(":") }
        return head.dropFirst().allSatisfy(isDigitOrUnderscore) && isSexagesimalGroups(rest[head.endIndex...])
    }

    /// `^(?:[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?`
    /// `|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`
    private static func isFloat(_ text: ArraySlice<UInt8>) -> Bool {
        let rest = dropSign(text)
        // [-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?
        if let first = rest.first, isDigit(first) {
            var position = rest.index(after: rest.startIndex)
            while position < rest.endIndex, isDigitOrUnderscore(rest[position]) { position += 1 }
            let mantissaEnd = position
            if position < rest.endIndex, rest[position] == ascii(".") {
                position += 1
                while position < rest.endIndex, isDigitOrUnderscore(rest[position]) { position += 1 }
            }
            if position == rest.endIndex || isExponent(rest[position...], signRequired: false) { return true }
            // [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
            let tail = rest[mantissaEnd...]
            if let dot = tail.firstIndex(of: ascii(".")), isSexagesimalGroups(tail[..<dot]),
               tail[tail.index(after: dot)...].allSatisfy(isDigitOrUnderscore) {
                return true
            }
            return false
        }
        // [-+]?\.(?:inf|Inf|INF)
        if ["inf", "Inf", "INF"].contains(where: { rest.elementsEqual(".\($0)".utf8) }) { return true }
        guard text.first == ascii(".") else { return false }
        // \.(?:nan|NaN|NAN)
        if ["nan", "NaN", "NAN"].contains(where: { text.elementsEqual(".\($0)".utf8) }) { return true }
        // \.[0-9_]+(?:[eE][-+][0-9]+)?
        let fraction = text.dropFirst()
        let digits = fraction.prefix(while: isDigitOrUnderscore)
        guard !digits.isEmpty else { return false }
        return digits.endIndex == fraction.endIndex || isExponent(fraction[digits.endIndex...], signRequired: true)
    }

    /// `(?::[0-5]?[0-9])+`, the whole of `text`.
    private static func isSexagesimalGroups(_ text: ArraySlice<UInt8>) -> Bool {
        guard text.first == ascii(":") else { return false }
        return text.dropFirst().split(separator: ascii(":"), omittingEmptySubsequences: false).allSatisfy { group in
            switch group.count {
            case 1: isDigit(group[group.startIndex])
            case 2: (ascii("0")...ascii("5")).contains(group[group.startIndex]) && isDigit(group[group.startIndex + 1])
            default: false
            }
        }
    }

    /// `[eE][-+]?[0-9]+` (sign required or optional), the whole of `text`.
    private static func isExponent(_ text: ArraySlice<UInt8>, signRequired: Bool) -> Bool {
        guard let first = text.first, first == ascii("e") || first == ascii("E") else { return false }
        var digits = text.dropFirst()
        if let sign = digits.first, sign == ascii("+") || sign == ascii("-") {
            digits = digits.dropFirst()
        } else if signRequired {
            return false
        }
        return isNonEmpty(digits, all: isDigit)
    }

    private static func dropSign(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = text.first, first == ascii("+") || first == ascii("-") else { return text }
        return text.dropFirst()
    }

    private static func isNonEmpty(_ text: ArraySlice<UInt8>, all predicate: (UInt8) -> Bool) -> Bool {
        !text.isEmpty && text.allSatisfy(predicate)
    }

    private static func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(character.value) }
    private static func isDigit(_ byte: UInt8) -> Bool { (ascii("0")...ascii("9")).contains(byte) }
    private static func isDigitOrUnderscore(_ byte: UInt8) -> Bool { isDigit(byte) || byte == ascii("_") }
    private static func isOctalOrUnderscore(_ byte: UInt8) -> Bool { (ascii("0")...ascii("7")).contains(byte) || byte == ascii("_") }
    private static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (ascii("a")...ascii("f")).contains(byte) || (ascii("A")...ascii("F")).contains(byte)
    }
}
