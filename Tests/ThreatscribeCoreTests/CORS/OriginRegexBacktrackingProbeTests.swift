import Foundation
import Testing
@testable import ThreatscribeCore

/// `allow_origin_regex` patterns that backtrack without bound (ReDoS) are found by counting steps, and
/// patterns that only look nested stay silent; the Origin reported really runs away in Python's `re`.
@Suite("allow_origin_regex backtracking probe")
struct OriginRegexBacktrackingProbeTests {
    static let runaway = [
        #"https://([a-z0-9]+-?)*\.example\.com"#,
        #"https://(\w+)+\.example\.com"#,
        #"^https://(([a-z]+\.)*[a-z]+-?)+\.example\.com$"#,
        #"https://(a|a)*\.example\.com"#,
    ]
    static let bounded = [
        #"https://[a-z0-9]+(-[a-z0-9]+)*\.example\.com"#,
        #"https://([a-z0-9-]+\.)*example\.com"#,
        #"https://.*\.example\.com"#,
        #"https://(www|app)\.(a|ab)*c\.com"#,
        #"https://[a-z]+\.example\.com"#,
    ]

    @Test("a runaway pattern gives an Origin that exceeds the step budget", arguments: runaway)
    func findsRunaway(_ pattern: String) throws {
        let regex = try OriginRegex(pattern)
        for version in [StarletteVersion(0, 52, 1), StarletteVersion(1, 10, 0)] {
            let found = try #require(OriginRegexBacktrackingProbe.find(in: regex, version: version), "\(pattern)")
            #expect(regex.backtrackingSteps(found.attackOrigin, in: version) == nil)
            // The growth shown is measured, increasing and below the budget.
            #expect(found.growth.count >= 2)
            #expect(zip(found.growth, found.growth.dropFirst()).allSatisfy { $0.steps < $1.steps })
            #expect(found.growth.allSatisfy { $0.steps <= found.stepBudget })
        }
    }

    @Test("a pattern whose iterations are separated stays silent", arguments: bounded)
    func silentOnBounded(_ pattern: String) throws {
        let regex = try OriginRegex(pattern)
        #expect(OriginRegexBacktrackingProbe.find(in: regex, version: StarletteVersion(1, 10, 0)) == nil)
    }

    @Test("the policy analysis reports it once, without an exchange the engine did not decide")
    func policyIssue() throws {
        let analysis = CORSPolicyAnalysis(
            configuration: CORSConfiguration(allowOriginRegex: Self.runaway[0]), version: StarletteVersion(0, 52, 1),
            environment: "production", isProduction: true)
        let issues = analysis.issues(ofKind: .backtrackingOriginRegex)
        #expect(issues.count == 1)
        #expect(issues.first?.evidence.isEmpty == true)
        #expect(issues.first?.backtracking != nil)
        let bounded = CORSPolicyAnalysis(
            configuration: CORSConfiguration(allowOriginRegex: Self.bounded[0]), version: StarletteVersion(0, 52, 1),
            environment: "production", isProduction: true)
        #expect(bounded.issues(ofKind: .backtrackingOriginRegex).isEmpty)
    }

    static var python: URL {
        CORSConformanceFixture.packageRoot.appendingPathComponent(".venv-conformance/1.10.0/bin/python")
    }

    /// Real Starlette decides `origin` with `pattern` (its `CORSMiddleware.is_allowed_origin`) within
    /// `seconds`, started after the imports.
    static func starletteDecides(_ pattern: String, _ origin: String, within seconds: Double) throws -> Bool {
        let program = """
            import subprocess, sys
            code = ("import sys\\n"
                    "from starlette.middleware.cors import CORSMiddleware\\n"
                    "m = CORSMiddleware(app=None, allow_origin_regex=sys.argv[1])\\n"
                    "sys.stdout.write('ready\\\\n'); sys.stdout.flush()\\n"
                    "m.is_allowed_origin(sys.argv[2])\\n")
            p = subprocess.Popen([sys.executable, "-c", code, sys.argv[1], sys.argv[2]], stdout=subprocess.PIPE, text=True)
            assert p.stdout.readline() == "ready\\n"
            try:
                p.wait(timeout=float(sys.argv[3])); print("decided")
            except subprocess.TimeoutExpired:
                p.kill(); print("running")
            """
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", program, pattern, origin, String(seconds)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let answer = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(["decided", "running"].contains(answer), "\(answer)")
        return answer == "decided"
    }

    /// Not a timing assertion: the runaway Origins take Python hours (each extra character doubles the
    /// work, and the reported Origin is sixteen characters past the step budget), the bounded ones
    /// microseconds, so 3 s and 60 s leave a margin of orders of magnitude on any machine.
    @Test(
        "real Starlette keeps matching the reported Origin and decides the same Origin on a bounded pattern",
        .enabled(
            if: !CORSConformanceFixture.isSkipped,
            "THREATSCRIBE_SKIP_CONFORMANCE=1 is set: ReDoS probe NOT checked against real Starlette"))
    func agreesWithStarlette() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.python.path) else {
            Issue.record("\(Self.python.path) is missing: run `\(CORSConformanceFixture.setupCommand)`")
            return
        }
        for pattern in Self.runaway {
            let found = try #require(OriginRegexBacktrackingProbe.find(in: try OriginRegex(pattern), version: StarletteVersion(1, 10, 0)))
            #expect(try !Self.starletteDecides(pattern, found.attackOrigin, within: 3), "\(pattern): \(found.attackOrigin)")
            #expect(try Self.starletteDecides(Self.bounded[0], found.attackOrigin, within: 60), "\(found.attackOrigin)")
        }
    }
}
