import Foundation

/// A value worked out on a thread of its own, started at once, while the caller does something else;
/// `value` waits for it.
///
/// For independent stages of one run (the catalog and the model, say) to overlap on a second core. The
/// work runs on a new thread rather than Dispatch's pool, so it starts even while the pool is busy and
/// never waits behind it; it must not wait for the caller.
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private var isDone = false
    private var isFinished = false
    private let condition = NSCondition()

    /// Starts `work` on a new thread, then (once its value is available) `next` on the same thread.
    public init(_ work: @escaping @Sendable () -> Value, then next: (@Sendable () -> Void)? = nil) {
        let thread = Thread { [self] in
            let value = work()
            condition.lock()
            result = value
            isDone = true
            condition.broadcast()
            condition.unlock()
            next?()
            condition.lock()
            isFinished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The value, once the work has finished (waiting for it if need be).
    public var value: Value {
        condition.lock()
        defer { condition.unlock() }
        while !isDone { condition.wait() }
        return result!
    }

    /// Waits until the work and what follows it (`then`) have finished.
    public func waitUntilFinished() {
        condition.lock()
        defer { condition.unlock() }
        while !isFinished { condition.wait() }
    }

    /// The value, once the work has finished, no longer kept here (so a large value is freed as soon as
    /// its taker is done with it). Call once.
    public func take() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while !isDone { condition.wait() }
        defer { result = nil }
        return result!
    }
}
