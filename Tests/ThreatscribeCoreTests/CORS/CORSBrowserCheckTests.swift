import Foundation
import Testing
import ThreatscribeCore

/// Compares ``CORSBrowserVerdict`` with what headless Chromium actually did against real Starlette
/// (`scripts/conformance/browser_check.py`).
@Suite("CORS browser verdict against headless Chromium")
struct CORSBrowserCheckTests {
    static var chromiumPath: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        return paths.map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func resultsURL(_ version: String) -> URL {
        CORSConformanceFixture.packageRoot.appendingPathComponent(".build-conformance/browser-\(version).json")
    }

    /// Browser results were recorded earlier (possibly on a machine with chromium).
    static var hasRecordedResults: Bool {
        ["0.52.1", "1.10.0"].allSatisfy { FileManager.default.fileExists(atPath: resultsURL($0).path) }
    }

    @Test(
        "Browser verdict equals Chromium's behaviour",
        .enabled(
            if: !CORSConformanceFixture.isSkipped,
            "THREATSCRIBE_SKIP_CONFORMANCE=1 is set: real-browser CORS check NOT run"),
        .enabled(
            if: CORSBrowserCheckTests.chromiumPath != nil || CORSBrowserCheckTests.hasRecordedResults,
            "chromium is NOT installed: real-browser CORS check skipped (bash scripts/install-test-deps.sh && bash scripts/conformance/run.sh)"),
        arguments: ["0.52.1", "1.10.0"])
    func matchesChromium(version: String) throws {
        let url = Self.resultsURL(version)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("\(url.path) is missing although chromium is installed: run `\(CORSConformanceFixture.setupCommand)`")
            return
        }
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cases = try #require(document["cases"] as? [[String: Any]])
        let recorded = try #require(document["starlette"] as? String)
        #expect(recorded == version)
        let starlette = try #require(StarletteVersion(recorded))
        var mismatches: [String] = []
        for item in cases {
            let id = item["id"] as? String ?? "?"
            let fetchJSON = try #require(item["fetch"] as? [String: Any])
            let observed = try #require(item["observed"] as? [String: Any])
            let configuration = try CORSConfiguration(keywordArguments: try #require(item["config"] as? [String: Any]))
            let headers = (fetchJSON["headers"] as? [String: String] ?? [:]).mapValues { Optional($0) }
            let fetch = BrowserFetch(
                pageOrigin: try #require(fetchJSON["page_origin"] as? String),
                method: try #require(fetchJSON["method"] as? String),
                headers: headers,
                credentials: BrowserFetch.CredentialsMode(rawValue: fetchJSON["credentials"] as? String ?? "") ?? .omit)
            let verdict = CORSBrowserVerdict(fetch: fetch, evaluator: try CORSEvaluator(configuration: configuration, version: starlette))
            let outcome = verdict.outcome
            var problems: [String] = []
            if outcome.canRead != (observed["readable"] as? Bool) { problems.append("canRead \(outcome.canRead)") }
            if verdict.needsPreflight != (observed["preflight_sent"] as? Bool) { problems.append("needsPreflight \(verdict.needsPreflight)") }
            if verdict.preflightRequest?.accessControlRequestHeaders != observed["preflight_acrh"] as? String {
                problems.append("ACRH \(verdict.preflightRequest?.accessControlRequestHeaders ?? "nil")")
            }
            if outcome.isRequestSent != (observed["request_sent"] as? Bool) { problems.append("requestSent \(outcome.isRequestSent)") }
            if outcome.isRequestSent && (fetch.credentials == .include) != (observed["cookie_sent"] as? Bool) {
                problems.append("cookie")
            }
            if outcome.canRead, let status = observed["status"] as? Int, outcome.response?.status != status {
                problems.append("status \(outcome.response?.status ?? 0)")
            }
            if !problems.isEmpty { mismatches.append("\(id): ours \(problems.joined(separator: ", ")); chromium \(observed)") }
        }
        print("CORS browser check starlette \(version) (\(document["browser"] as? String ?? "?")): \(cases.count - mismatches.count)/\(cases.count) fetches agree")
        #expect(cases.count >= 100)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(15).joined(separator: "\n"))")
    }
}
