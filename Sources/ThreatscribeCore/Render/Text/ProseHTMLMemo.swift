import Foundation

/// The HTML of each prose text already converted, kept for the whole process.
///
/// A report repeats the same prose (one catalog entry filled with the same values, e.g. once per
/// environment), and the models of a batch share much of theirs (texts without model values, the same
/// package versions); `ProseHTML` converts each distinct text once. The output is the same: the
/// conversion is a pure function of the text. The memo stops growing at `byteLimit` (text kept and
/// converted), so a process rendering many large reports cannot grow it without bound.
final class ProseHTMLMemo: @unchecked Sendable {
    /// The memo every rendering shares.
    static let shared = ProseHTMLMemo()

    /// The memo of the document being rendered on this task or thread, if any.
    @TaskLocal static var current: ProseHTMLMemo?

    /// Most UTF-8 bytes (Markdown and HTML together) kept.
    let byteLimit: Int
    private var converted: [String: String] = [:]
    private var bytes = 0
    private let lock = NSLock()

    init(byteLimit: Int = 64 << 20) {
        self.byteLimit = byteLimit
    }

    /// The UTF-8 bytes kept so far.
    var keptBytes: Int {
        lock.lock()
        defer { lock.unlock() }
        return bytes
    }

    /// `ProseHTML.html(fromMarkdown: markdown)`, converted once while the memo has room. The lock is
    /// not held while converting, so documents rendered concurrently do not wait for each other.
    func html(fromMarkdown markdown: String) -> String {
        converting(markdown).html
    }

    /// Converts `markdown` ahead of its use; `false` when the memo has no room left for it (converting
    /// more ahead is then wasted).
    func convertAhead(_ markdown: String) -> Bool {
        converting(markdown).isKept
    }

    private func converting(_ markdown: String) -> (html: String, isKept: Bool) {
        lock.lock()
        let known = converted[markdown]
        lock.unlock()
        if let known { return (known, true) }
        let html = ProseHTML.html(fromMarkdown: markdown)
        let size = markdown.utf8.count + html.utf8.count
        lock.lock()
        defer { lock.unlock() }
        if converted[markdown] != nil { return (html, true) }
        guard bytes + size <= byteLimit else { return (html, false) }
        converted[markdown] = html
        bytes += size
        return (html, true)
    }
}
