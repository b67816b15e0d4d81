/// `(first(), second())`, the two run at the same time (on two cores when free).
func concurrently<A: Sendable, B: Sendable>(_ first: @escaping @Sendable () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
    let results = [0, 1].concurrentMap { which -> Either<A, B> in which == 0 ? .first(first()) : .second(second()) }
    guard case .first(let a) = results[0], case .second(let b) = results[1] else { preconditionFailure("results are placed by index") }
    return (a, b)
}

private enum Either<A: Sendable, B: Sendable>: Sendable {
    case first(A)
    case second(B)
}
