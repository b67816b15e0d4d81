import Foundation
import Testing
import ThreatscribeCore

/// Requires 100 % agreement between ``CORSEvaluator`` and real Starlette (TestClient) on status,
/// body, handler execution and all eight CORS headers, for the newest 0.x and 1.x releases.
@Suite("CORS conformance against real Starlette")
struct CORSConformanceTests {
    @Test(
        "Evaluator agrees with Starlette on every recorded case",
        .enabled(
            if: !CORSConformanceFixture.isSkipped,
            "THREATSCRIBE_SKIP_CONFORMANCE=1 is set: CORS conformance against real Starlette NOT checked"),
        arguments: ["0.52.1", "1.10.0"])
    func agreesWithStarlette(version: String) throws {
        let (recorded, cases) = try CORSConformanceFixture.load(version: version)
        #expect(recorded == version)
        let starlette = try #require(StarletteVersion(recorded))
        #expect(cases.count >= 500)
        var disagreements: [String] = []
        for item in cases {
            let evaluator = try CORSEvaluator(configuration: item.configuration, version: starlette)
            let actual = evaluator.response(to: item.request)
            let expected = item.expected
            if actual.status != expected.status || actual.body != expected.body
                || actual.headers != expected.headers || actual.handlerRuns != expected.handlerRuns {
                disagreements.append(
                    "\(item.id) \(item.request)\n  expected \(expected.status) \(expected.body.debugDescription) runs=\(expected.handlerRuns) \(expected.headers.sorted { $0.key < $1.key })"
                    + "\n  actual   \(actual.status) \(actual.body.debugDescription) runs=\(actual.handlerRuns) \(actual.headers.sorted { $0.key < $1.key })")
            }
        }
        let agreeing = cases.count - disagreements.count
        let percent = cases.isEmpty ? 0 : Double(agreeing) * 100 / Double(cases.count)
        print("CORS conformance starlette \(version): \(agreeing)/\(cases.count) cases agree (\(String(format: "%.1f", percent)) %)")
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements:\n\(disagreements.prefix(15).joined(separator: "\n"))")
    }
}
