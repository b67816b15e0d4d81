import Foundation

/// Foundation's substring test (`text.contains(part)`, i.e. `range(of:) != nil`), without bridging
/// to `NSString` when both texts are ASCII without a carriage return: there Foundation's search, which
/// compares composed character sequences by canonical equivalence, finds exactly the byte matches.
enum TextSearch {
    static func contains(_ text: String, _ part: String) -> Bool {
        guard !part.isEmpty else { return text.contains(part) }
        var haystack = text, needle = part
        let found = haystack.withUTF8 { haystack in
            needle.withUTF8 { needle -> Bool? in
                guard isPlainASCII(haystack), isPlainASCII(needle) else { return nil }
                return firstByteMatch(of: needle, in: haystack)
            }
        }
        return found ?? text.contains(part)
    }

    /// Whether `needle` (not empty) occurs in `haystack`, byte for byte.
    private static func firstByteMatch(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// Every byte ASCII and none a carriage return (which forms one character with a following line feed).
    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }
}
