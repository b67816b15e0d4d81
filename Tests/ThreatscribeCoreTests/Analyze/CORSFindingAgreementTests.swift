import Foundation
import Testing
@testable import ThreatscribeCore

/// A finding and the CORS engine never disagree: for a few hundred seeded random CORSMiddleware
/// configurations, whenever the engine (as `cors check` uses it) lets an unlisted attacker origin read
/// with credentials, a credentialed-read finding fires; when the engine allows no origin at all, no
/// permissive-CORS finding fires.
struct CORSFindingAgreementTests {
    static let attacker = CORSPolicyAnalysis.attackerOrigin
    /// Origins a browser can send (the attacker's is never listed).
    static let browserOrigins = [
        "https://app.example.com", "http://app.example.com", "http://localhost:3000", "https://127.0.0.1:8443",
        "http://192.168.1.5", "app://-", "capacitor://localhost", "https://admin.example.org", "null",
    ]
    /// Entries no browser ever sends as an Origin header.
    static let unmatchableEntries = ["https://App.example.com/", "*.example.com", "app.example.com", "https://app.example.com/path"]
    static let regexes: [String?] = [
        nil, ".*", "https://.*", "https?://.*", ".*example.*", "https://.*\\.example\\.com",
        "https://[a-z0-9-]+\\.example\\.com", "http://localhost:\\d+", "https://app\\.example\\.com", "https://(app|admin)\\.example\\.(com|org)",
    ]
    static let methodChoices: [[String]?] = [nil, ["GET"], ["*"], ["GET", "POST"], ["DELETE", "PATCH"]]
    static let headerChoices: [[String]?] = [nil, [], ["*"], ["Authorization"], ["X-Token", "Content-Type"]]
    static let versions = ["1.10.0", "0.41.3", "0.37.2"]

    /// CORS findings that say some origin gets more than it should; configuration mistakes that allow
    /// nothing (unmatchable entries, a configuration Starlette refuses) are not among them.
    static let permissive: Set<String> = [
        "TS-CORS-001", "TS-CORS-002", "TS-CORS-003", "TS-CORS-004", "TS-CORS-005", "TS-CORS-006", "TS-CORS-007",
        "TS-CORS-008", "TS-CORS-010", "TS-CORS-011", "TS-CORS-012", "TS-CORS-013", "TS-CORS-014", "TS-CORS-016", "TS-CORS-018",
    ]
    /// The findings that say any site reads with the user's credentials.
    static let credentialedRead: Set<String> = ["TS-CORS-002", "TS-CORS-018"]

    struct Sample {
        var kwargs: [String: Any]
        var version: String

        var configuration: CORSConfiguration {
            CORSConfiguration(
                allowOrigins: kwargs["allow_origins"] as? [String] ?? [],
                allowMethods: kwargs["allow_methods"] as? [String] ?? ["GET"],
                allowHeaders: kwargs["allow_headers"] as? [String] ?? [],
                allowCredentials: kwargs["allow_credentials"] as? Bool ?? false,
                allowOriginRegex: kwargs["allow_origin_regex"] as? String)
        }

        var modelText: String {
            var middleware = kwargs
            middleware["type"] = "cors"
            let model: [String: Any] = [
                "system": ["name": "Random CORS"],
                "frameworks": ["starlette": version],
                "middleware": [middleware],
            ]
            let data = try! JSONSerialization.data(withJSONObject: model, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
    }

    static func randomSample(_ generator: inout SeededGenerator) -> Sample {
        var kwargs: [String: Any] = [:]
        let noOrigin = Int.random(in: 0..<4, using: &generator) == 0
        if noOrigin {
            kwargs["allow_origins"] = Array(unmatchableEntries.shuffled(using: &generator).prefix(Int.random(in: 0...2, using: &generator)))
        } else {
            var origins = Array(browserOrigins.shuffled(using: &generator).prefix(Int.random(in: 0...3, using: &generator)))
            if Int.random(in: 0..<5, using: &generator) == 0 { origins.append("*") }
            if Int.random(in: 0..<4, using: &generator) == 0 { origins.append(unmatchableEntries.randomElement(using: &generator)!) }
            if Bool.random(using: &generator) { kwargs["allow_origins"] = origins }
            if let regex = regexes.randomElement(using: &generator)!, Bool.random(using: &generator) { kwargs["allow_origin_regex"] = regex }
        }
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: break  // not passed: False
        case 1: kwargs["allow_credentials"] = false
        default: kwargs["allow_credentials"] = true
        }
        if let methods = methodChoices.randomElement(using: &generator)! { kwargs["allow_methods"] = methods }
        if let headers = headerChoices.randomElement(using: &generator)! { kwargs["allow_headers"] = headers }
        return Sample(kwargs: kwargs, version: versions.randomElement(using: &generator)!)
    }

    @Test func findingsAgreeWithTheEngineOnRandomConfigurations() throws {
        var generator = SeededGenerator(seed: 0x7472_6561_7473_6372)
        let analysis = ThreatAnalysis(catalog: CatalogSampleTests.catalog)
        var credentialedCases = 0
        var closedCases = 0
        for index in 0..<300 {
            let sample = Self.randomSample(&generator)
            let version = try #require(StarletteVersion(sample.version))
            let evaluator = try CORSEvaluator(configuration: sample.configuration, version: version)
            let verdict = CORSBrowserVerdict(
                fetch: BrowserFetch(pageOrigin: Self.attacker, method: "GET", credentials: .include), evaluator: evaluator)
            let noOriginAllowed = sample.configuration.allowOriginRegex == nil
                && !(Self.browserOrigins + [Self.attacker]).contains { evaluator.isAllowedOrigin($0) }

            let model = try ModelLoader.load(text: sample.modelText, file: "random-\(index).json")
            let report = try analysis.run(on: model, options: .init(generatedAt: "2026-01-01", toolVersion: "test"))
            let fired = Set(report.findings.map(\.threatID))
            if verdict.canReadWithCredentials {
                credentialedCases += 1
                #expect(!fired.isDisjoint(with: Self.credentialedRead),
                        "case \(index): the engine lets \(Self.attacker) read with credentials but no finding says so: \(sample.modelText) fired \(fired.sorted())")
            }
            if noOriginAllowed {
                closedCases += 1
                #expect(fired.isDisjoint(with: Self.permissive),
                        "case \(index): no origin is allowed but permissive findings fired: \(fired.intersection(Self.permissive).sorted()) for \(sample.modelText)")
            }
        }
        // The generator must exercise both sides of the property, or the test proves nothing.
        #expect(credentialedCases >= 20, "only \(credentialedCases) credentialed-read cases")
        #expect(closedCases >= 40, "only \(closedCases) closed cases")
    }
}
