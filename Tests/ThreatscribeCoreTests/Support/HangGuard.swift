import Testing

/// Runs `body` and fails the test only when it runs for a minute or more: a hostile input that hangs, or an
/// algorithm of the wrong order (exponential, quadratic over 10⁵ items), which takes minutes to hours.
/// How fast threatscribe is on such inputs is measured in `Benchmarks/`, never asserted here: a tight bound
/// fails on a busy CI machine without anything being wrong.
func withoutHanging<T>(_ body: () throws -> T, sourceLocation: Testing.SourceLocation = #_sourceLocation) rethrows -> T {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    let elapsed = clock.now - start
    #expect(elapsed < .seconds(60), "took \(elapsed): hangs or has the wrong complexity", sourceLocation: sourceLocation)
    return result
}
