import Foundation

/// Foundation's substring test (`text.contains(part)`, i.e. `range(of:) != nil`), without bridging
/// to `NSString` when the answer is sure from the bytes.
///
/// Foundation's search compares composed character sequences by canonical equivalence. For a `part`
/// that is ASCII without a carriage return (which forms one character with a following line feed), a
/// byte match whose neighbours are ASCII (or the ends of the text) is one of Foundation's; and only
/// three scalars outside ASCII are canonically equivalent to ASCII text (U+037E `;`, U+1FEF `` ` ``,
/// U+212A `K`), so a text without them and without any byte match has no match either. Anything
/// else is left to Foundation.
enum TextSearch {
    static func contains(_ text: String, _ part: String) -> Bool {
        guard !part.isEmpty else { return text.contains(part) }
        var haystack = text, needle = part
        let found = haystack.withUTF8 { haystack in
            needle.withUTF8 { needle -> Bool? in
                guard isPlainASCII(needle) else { return nil }
                if isPlainASCII(haystack) { return firstByteMatch(of: needle, in: haystack) != nil }
                return answer(for: needle, in: haystack)
            }
        }
        return found ?? text.contains(part)
    }

    /// The answer for a plain ASCII `needle` in a text with other bytes, or `nil` when only Foundation can tell.
    private static func answer(for needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool? {
        var from = 0
        var matched = false
        while let start = firstByteMatch(of: needle, in: haystack, from: from) {
            matched = true
            let end = start + needle.count
            let before = start == 0 ? nil : haystack[start - 1]
            let after = end == haystack.count ? nil : haystack[end]
            if (before ?? 0) < 0x80, (after ?? 0) < 0x80, !(before == 0x0D && needle[0] == 0x0A) { return true }
            from = start + 1
        }
        if matched { return nil }
        return containsASCIIEquivalent(haystack) ? nil : false
    }

    /// Whether the UTF-8 `bytes` hold U+037E (CD BE), U+1FEF (E1 BF AF) or U+212A (E2 84 AA).
    private static func containsASCIIEquivalent(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0xCD where index + 1 < bytes.count && bytes[index + 1] == 0xBE: return true
            case 0xE1 where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xAF: return true
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x84 && bytes[index + 2] == 0xAA: return true
            default: index += 1
            }
        }
        return false
    }

    /// Where `needle` (not empty) first occurs in `haystack` at or after `from`, byte for byte.
    private static func firstByteMatch(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard needle.count <= haystack.count, let first = needle.first else { return nil }
        var start = from
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return start }
            }
            start += 1
        }
        return nil
    }

    /// Every byte ASCII and none a carriage return (which forms one character with a following line feed).
    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }
}
