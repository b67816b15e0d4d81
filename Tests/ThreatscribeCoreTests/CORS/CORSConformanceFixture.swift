import Foundation
import ThreatscribeCore

/// Loads the JSON written by `scripts/conformance/generate_cases.py` (real Starlette's answers).
enum CORSConformanceFixture {
    /// The package root, found from this file's location.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // CORS
        .deletingLastPathComponent()  // ThreatscribeCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let setupCommand = "bash scripts/conformance/run.sh"

    /// `THREATSCRIBE_SKIP_CONFORMANCE=1` is set: conformance tests are skipped on purpose.
    static var isSkipped: Bool {
        ProcessInfo.processInfo.environment["THREATSCRIBE_SKIP_CONFORMANCE"] == "1"
    }

    static func casesURL(version: String) -> URL {
        packageRoot.appendingPathComponent(".build-conformance/cases-\(version).json")
    }

    struct Case {
        var id: String
        var configuration: CORSConfiguration
        var request: CORSRequest
        var expected: CORSResponse
    }

    enum LoadError: Error, CustomStringConvertible {
        case missing(URL)
        case malformed(URL, String)
        var description: String {
            switch self {
            case let .missing(url):
                return "conformance JSON \(url.path) is missing: run `\(setupCommand)` from the package root "
                    + "(or set THREATSCRIBE_SKIP_CONFORMANCE=1 to skip on purpose)"
            case let .malformed(url, why): return "conformance JSON \(url.path) is malformed: \(why)"
            }
        }
    }

    /// The recorded Starlette version and its cases.
    static func load(version: String) throws -> (starlette: String, cases: [Case]) {
        let url = casesURL(version: version)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw LoadError.missing(url) }
        guard let document = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let starlette = document["starlette"] as? String,
              let rawCases = document["cases"] as? [[String: Any]] else {
            throw LoadError.malformed(url, "no starlette/cases")
        }
        return (starlette, try rawCases.map { try decodeCase($0, url) })
    }

    private static func decodeCase(_ raw: [String: Any], _ url: URL) throws -> Case {
        guard let id = raw["id"] as? String,
              let config = raw["config"] as? [String: Any],
              let request = raw["request"] as? [String: Any],
              let expected = raw["expected"] as? [String: Any],
              let method = request["method"] as? String,
              let status = expected["status"] as? Int,
              let body = expected["body"] as? String,
              let headers = expected["headers"] as? [String: String],
              let runs = expected["handler_runs"] as? Bool else {
            throw LoadError.malformed(url, "case \(raw["id"] ?? "?")")
        }
        let corsRequest = CORSRequest(
            method: method,
            origin: request["origin"] as? String,
            hasCookie: request["cookie"] as? Bool ?? false,
            accessControlRequestMethod: request["acrm"] as? String,
            accessControlRequestHeaders: request["acrh"] as? String,
            accessControlRequestPrivateNetwork: request["acrpn"] as? String)
        return Case(
            id: id,
            configuration: try CORSConfiguration(keywordArguments: config),
            request: corsRequest,
            expected: CORSResponse(
                status: status, body: body, headers: headers, handlerRuns: runs,
                isPreflightResponse: corsRequest.isPreflight))
    }
}
