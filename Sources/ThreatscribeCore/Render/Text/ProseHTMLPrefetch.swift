import Foundation

/// The prose of a document converted to HTML ahead of rendering, into a `ProseHTMLMemo`, by any
/// number of threads at once: each takes the next text nobody has taken, from the front of the list
/// or from its back, so a thread can start at one end and another join from the other end when it
/// is free. Rendering then finds the HTML in the memo; the output is the same either way (the
/// conversion is a pure function of the text, and a text not converted yet is converted when used).
final class ProseHTMLPrefetch: @unchecked Sendable {
    private let texts: [String]
    private let memo: ProseHTMLMemo
    private var front = 0
    private var back: Int
    private var isStopped = false
    private var isPaused = false
    private let lock = NSLock()

    /// `texts` without repeats, in order.
    init(_ texts: [String], memo: ProseHTMLMemo = .shared) {
        var seen: Set<String> = []
        self.texts = texts.filter { seen.insert($0).inserted }
        self.memo = memo
        back = self.texts.count
    }

    /// The texts left, none taken yet.
    var remaining: Int {
        lock.lock()
        defer { lock.unlock() }
        return back - front
    }

    /// Converts texts from the front until none is left (or the memo is full).
    func convertFromFront() { while let text = next(fromFront: true), convert(text) {} }

    /// Converts texts from the back until none is left (or the memo is full).
    func convertFromBack() { while let text = next(fromFront: false), convert(text) {} }

    /// `work`'s result, with texts converted from the back on another core while it runs: the conversion
    /// stops at the first text it finishes after `work` returns, and the texts left stay for later.
    func convertFromBack<Result: Sendable>(during work: @Sendable () -> Result) -> Result {
        let (result, _) = concurrently({ () -> Result in
            let result = work()
            lock.withLock { isPaused = true }
            return result
        }, {
            self.convertFromBack()
        })
        lock.withLock { isPaused = false }
        return result
    }

    private func next(fromFront: Bool) -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard front < back, !isStopped, !isPaused else { return nil }
        if fromFront {
            front += 1
            return texts[front - 1]
        }
        back -= 1
        return texts[back]
    }

    private func convert(_ text: String) -> Bool {
        if memo.convertAhead(text) { return true }
        lock.lock()
        isStopped = true
        lock.unlock()
        return false
    }
}
