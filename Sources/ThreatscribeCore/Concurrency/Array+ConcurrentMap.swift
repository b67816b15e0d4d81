import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map(transform)` with the elements transformed concurrently on every core.
    ///
    /// The result is in the order of the elements, whatever order the work finishes in, so output
    /// built from it is the same as from `map`.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let slots = OrderedSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.store(transform(self[index]), at: index)
        }
        return slots.values
    }
}

/// Results written from several threads, each into its own slot, read once all are written.
private final class OrderedSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Every slot's value; call after `concurrentPerform` has returned.
    var values: [T] { slots.map { $0! } }
}
