import Foundation

/// The HTML of each prose text already converted while rendering one document.
///
/// A report repeats the same prose (one catalog entry filled with the same values, e.g. once per
/// environment); `ProseHTML` converts each distinct text once per document. The output is the same:
/// the conversion is a pure function of the text.
final class ProseHTMLMemo: @unchecked Sendable {
    /// The memo of the document being rendered on this task or thread, if any.
    @TaskLocal static var current: ProseHTMLMemo?

    private var converted: [String: String] = [:]
    private let lock = NSLock()

    /// `ProseHTML.html(fromMarkdown: markdown)`, converted at most once per memo.
    func html(fromMarkdown markdown: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let html = converted[markdown] { return html }
        let html = ProseHTML.html(fromMarkdown: markdown)
        converted[markdown] = html
        return html
    }
}
