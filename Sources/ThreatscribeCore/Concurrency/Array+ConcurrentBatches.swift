extension Array where Element: Sendable {
    /// `map(transform)` with runs of up to `batch` consecutive elements transformed concurrently, for many
    /// small elements where one task each would cost more than the element.
    ///
    /// The result is in the order of the elements, whatever order the runs finish in (`concurrentMap`).
    public func concurrentMap<T: Sendable>(batch: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        precondition(batch > 0, "a batch holds at least one element")
        guard count > batch else { return map(transform) }
        let runs = Swift.stride(from: 0, to: count, by: batch).map { $0..<Swift.min($0 + batch, count) }
        return runs.concurrentMap { self[$0].map(transform) }.flatMap { $0 }
    }
}
