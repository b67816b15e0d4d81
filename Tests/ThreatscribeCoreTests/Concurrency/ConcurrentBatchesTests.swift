import Foundation
import Testing
@testable import ThreatscribeCore

/// `concurrentMap(batch:)` gives what `map` gives, in element order, whatever order its runs finish in.
struct ConcurrentBatchesTests {
    @Test(arguments: [0, 1, 2, 63, 64, 65, 200, 1_000])
    func sameAsMap(count: Int) {
        let elements = Array(0..<count)
        for batch in [1, 7, 64, 5_000] {
            #expect(elements.concurrentMap(batch: batch) { "item \($0 * 3)" } == elements.map { "item \($0 * 3)" }, "count \(count), batch \(batch)")
        }
    }

    /// The first runs are made the slowest, so runs finish in roughly reverse order: results collected in
    /// completion order would come out reversed.
    @Test func placesResultsByIndexNotByCompletion() {
        let elements = Array(0..<32)
        let mapped = elements.concurrentMap(batch: 4) { element in
            Thread.sleep(forTimeInterval: Double(32 - element) / 4_000)
            return element
        }
        #expect(mapped == elements)
    }
}

/// `concurrently(_:_:)` returns the first closure's result first, whichever finishes first.
struct ConcurrentlyTests {
    @Test func resultsKeepTheirPlaces() {
        let (text, number) = concurrently({ () -> String in
            Thread.sleep(forTimeInterval: 0.02)
            return "first"
        }, { 2 })
        #expect(text == "first" && number == 2)
        let (early, late) = concurrently({ 1 }, { () -> Int in
            Thread.sleep(forTimeInterval: 0.02)
            return 2
        })
        #expect(early == 1 && late == 2)
    }
}
