import Foundation

/// The placeholders of each catalog prose text, found once per process.
///
/// A catalog has a few hundred prose texts and a report fills them once per finding and environment
/// (tens of thousands of times for a large model); the scan is a pure function of the text, so its
/// result is kept, for up to `limit` distinct texts, so a caller filling many distinct texts cannot grow
/// the memo without bound.
final class ProseLayoutMemo: @unchecked Sendable {
    static let shared = ProseLayoutMemo()

    /// Most distinct texts kept: far above any catalog's prose count.
    let limit = 4096
    private var placeholders: [String: [ProseLayout.Placeholder]] = [:]
    private let lock = NSLock()

    /// `ProseLayout(text).placeholders`, scanned at most once per text while the memo has room.
    func placeholders(of text: String) -> [ProseLayout.Placeholder] {
        lock.lock()
        let known = placeholders[text]
        lock.unlock()
        if let known { return known }
        let found = ProseLayout(text).placeholders
        lock.lock()
        if placeholders.count < limit { placeholders[text] = found }
        lock.unlock()
        return found
    }
}
