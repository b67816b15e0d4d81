import Foundation

/// Foundation's substring test (`text.contains(part)`, i.e. `range(of:) != nil`), without bridging
/// to `NSString` when both texts are ASCII without a carriage return: there Foundation's search, which
/// compares composed character sequences by canonical equivalence, finds exactly the byte matches.
enum TextSearch {
    static func contains(_ text: String, _ part: String) -> Bool {
        guard !part.isEmpty, isPlainASCII(text), isPlainASCII(part) else { return text.contains(part) }
        return text.utf8.firstRange(of: part.utf8) != nil
    }

    /// Every byte ASCII and none a carriage return (which forms one character with a following line feed).
    private static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }
}
