import Foundation

/// Values a command holds until the process exits, so that the exit returns their memory at once
/// instead of freeing them value by value when the command returns (a 10,000-endpoint analysis is
/// some 10⁵ small allocations: freeing them took about 36 ms). Only for values a command would
/// otherwise drop just before the process ends.
enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var values: [Any] = []

    /// Keeps `value` (a reference to its storage) until the process exits.
    static func keep(_ value: Any) {
        lock.withLock { values.append(value) }
    }
}
