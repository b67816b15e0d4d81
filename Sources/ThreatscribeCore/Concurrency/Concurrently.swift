import Dispatch
import Foundation

/// `(first(), second())`, the two worked out concurrently (on two cores when there are).
///
/// For independent parts of one stage; on Dispatch's pool, so a call nested in other concurrent work
/// (a batch renders a model per core) does not add threads.
public func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let results = PairSlots<A, B>()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { results.storeFirst(first()) } else { results.storeSecond(second()) }
    }
    return results.values
}

/// The two results of `concurrently`, each written once from its own thread.
private final class PairSlots<A, B>: @unchecked Sendable {
    private var first: A?
    private var second: B?
    private let lock = NSLock()

    func storeFirst(_ value: A) {
        lock.lock()
        first = value
        lock.unlock()
    }

    func storeSecond(_ value: B) {
        lock.lock()
        second = value
        lock.unlock()
    }

    /// Both values; read after `concurrentPerform` has returned.
    var values: (A, B) { (first!, second!) }
}
