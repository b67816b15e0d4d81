import Testing
@testable import ThreatscribeCore

/// Hostile origin regexes and origins (issue 7): matching never overflows the stack, and patterns beyond
/// threatscribe's bounds are refused with a message that says so, instead of running for minutes.
@Suite("CORS origin regex bounds")
struct OriginRegexBoundsTests {
    func refusal(_ pattern: String) -> String? {
        do throws(CORSConfigurationError) {
            _ = try OriginRegex(pattern)
            return nil
        } catch {
            guard case .regexTooComplex = error else { return "not refused as too complex: \(error)" }
            return error.description
        }
    }

    @Test func longOriginsMatchWithoutOverflowingTheStack() throws {
        // The reported case: `.*` against a 30,000-character origin; the rest on a shorter one.
        let origin = "https://" + String(repeating: "a", count: 30_000) + ".com"
        let shorter = "https://" + String(repeating: "a", count: 5_000) + ".com"
        let any = try OriginRegex(".*"), group = try OriginRegex("(.)*")
        let lazy = try OriginRegex(#"https://.*?\.com"#), other = try OriginRegex(#"https://[a-z]*\.org"#)
        let results = withoutHanging { [any.fullyMatches(origin)] + [group, lazy, other].map { $0.fullyMatches(shorter) } }
        #expect(results == [true, true, true, false])
    }

    @Test func nestedGroupsUpToTheLimitMatch() throws {
        let depth = OriginRegexParser.Limits.maxGroupDepth
        let pattern = "https://" + String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth) + "+"
        let regex = try OriginRegex(pattern)
        #expect(withoutHanging { regex.fullyMatches("https://" + String(repeating: "a", count: 1000)) })
    }

    @Test func deeperNestingIsRefused() {
        let deeper = OriginRegexParser.Limits.maxGroupDepth + 1
        let message = refusal(String(repeating: "(", count: deeper) + "a" + String(repeating: ")", count: deeper))
        #expect(message?.hasSuffix("groups nest deeper than 50 levels at position 50 (Python may accept it; threatscribe bounds what it evaluates)") == true, "\(String(describing: message))")
        let huge = withoutHanging { refusal(String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000)) }
        #expect(huge?.contains("… (200001 characters)': it is 200001 characters long, more than 1000") == true, "\(String(describing: huge))")
    }

    @Test func hugeRepeatCountsAreRefusedNotRun() {
        #expect(withoutHanging { refusal("https://a{1000000000}") } ==
            "threatscribe refuses to evaluate allow_origin_regex 'https://a{1000000000}': the repeat count {1000000000} at position 9 is above 1000 (Python may accept it; threatscribe bounds what it evaluates)")
        #expect(refusal("a{1001}")?.contains("{1001}") == true)
        #expect(refusal("a{2,99999999999999999999999}")?.contains("is above 1000") == true)
        #expect(refusal("https://(a{100}){200}")?.contains("multiply out to more than 10000 characters") == true)
        #expect(refusal("https://a{1000}") == nil)
    }

    @Test func probingTheLargestAllowedRepeatIsFast() throws {
        let regex = try OriginRegex(#"https://[a-z]{1000}\.example\.com"#)
        _ = withoutHanging { SloppyOriginRegexProbe.findings(for: regex) }
    }

    @Test func aModelWithARefusedRegexIsALocatedError() {
        let text = """
        system:
          name: Shop
        middleware:
          - type: cors
            allow_origin_regex: "https://a{1000000000}"
        """
        #expect(withoutHanging { loadDiagnostics(text) } == [
            "model.yaml:5:25: error: threatscribe refuses to evaluate allow_origin_regex 'https://a{1000000000}': the repeat count {1000000000} at position 9 is above 1000 (Python may accept it; threatscribe bounds what it evaluates)",
        ])
    }
}
