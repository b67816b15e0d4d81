import Testing
import ThreatscribeCore

@Suite("CORS sloppy origin regex probe")
struct CORSSloppyOriginRegexProbeTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        var pattern: String
        var version: StarletteVersion = .newestKnown
        var weakness: SloppyOriginRegexFinding.Weakness?
        var testDescription: String { "\(pattern) @ \(version)" }
    }

    static let sloppy: [Shape] = [
        Shape(pattern: #"https://.*.example.com"#, weakness: .unescapedDot),
        Shape(pattern: #"https://[a-z0-9-]+.example\.com"#, weakness: .unescapedDot),
        Shape(pattern: #"https://[a-z]*example\.com"#, weakness: .permissiveWildcard),
        Shape(pattern: #"https://.*example\.com"#, weakness: .permissiveWildcard),
        Shape(pattern: #"https://.*\.example\.com"#, version: StarletteVersion(0, 12, 9), weakness: .unanchoredEnd),
        Shape(pattern: #"https://app\.example\.com"#, version: StarletteVersion(0, 13, 0), weakness: .unanchoredEnd),
        Shape(pattern: #"https?://(?:www|api)\.example\.com"#, weakness: .cleartextScheme),
        Shape(pattern: #"https://example\.com|https://.*"#, weakness: .permissiveWildcard),
        Shape(pattern: #"^https://(www.)?example\.com$"#, weakness: .unescapedDot),
        Shape(pattern: #"https://good\.example\.com|https?://localhost:\d+|.*"#, weakness: .permissiveWildcard),
    ]

    @Test("finds a verified attacker origin outside the intended domain", arguments: sloppy)
    func findsAttackerOrigin(shape: Shape) throws {
        let regex = try OriginRegex(shape.pattern)
        let findings = SloppyOriginRegexProbe.findings(for: regex, version: shape.version)
        let finding = try #require(findings.first { $0.weakness == shape.weakness }, "\(findings)")
        print("probe \(shape.pattern) @ \(shape.version) -> \(finding.weakness.rawValue) \(finding.attackerOrigin)")
        #expect(regex.admits(finding.attackerOrigin, in: shape.version))
        // The evaluator, with the same matcher, reflects the attacker origin.
        let evaluator = try CORSEvaluator(
            configuration: CORSConfiguration(allowOriginRegex: shape.pattern), version: shape.version)
        let response = evaluator.response(to: CORSRequest(method: "GET", origin: finding.attackerOrigin))
        #expect(response.allowOrigin == finding.attackerOrigin)
        if shape.weakness != .cleartextScheme {
            let host = finding.attackerOrigin.split(separator: "/").last.map(String.init) ?? ""
            #expect(!finding.intendedDomains.contains { host == $0 || host.hasSuffix("." + $0) }, "\(finding)")
        }
    }

    @Test("the sloppy example of the fact sheet yields an evil*example.com origin")
    func factSheetExample() throws {
        let finding = try #require(SloppyOriginRegexProbe.attackerOrigin(for: try OriginRegex(#"https://.*.example.com"#)))
        #expect(finding.weakness == .unescapedDot)
        #expect(finding.intendedDomains == ["example.com"])
        #expect(finding.attackerOrigin.hasPrefix("https://evil"))
        #expect(finding.attackerOrigin.hasSuffix("example.com"))
    }

    @Test(
        "tight regexes yield nothing",
        arguments: [
            #"https://.*\.example\.com"#, #"https://[a-z0-9-]+\.example\.com"#, #"https://(www|api)\.example\.com"#,
            #"^https://example\.com$"#, #"^https://(www\.)?example.com$"#, #"https://example\.com|https://.*\.example\.org"#,
        ])
    func tightRegex(pattern: String) throws {
        let found = SloppyOriginRegexProbe.attackerOrigin(for: try OriginRegex(pattern))
        #expect(found == nil, "\(String(describing: found))")
    }
}
