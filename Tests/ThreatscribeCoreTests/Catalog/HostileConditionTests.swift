import Testing
@testable import ThreatscribeCore

/// Hostile catalog conditions (issue 7): huge or deeply nested `when` expressions are refused with an
/// error inside the catalog file instead of crashing the parser, the checker or the evaluator.
@Suite struct HostileConditionTests {
    let catalog = CatalogLoadTests()

    func diagnostics(when condition: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        let text = CatalogLoadTests.entry.replacingOccurrences(
            of: "when: env.is_production and docs_exposed", with: "when: \(condition)")
        return withoutHanging({ catalog.diagnostics(text) }, sourceLocation: sourceLocation)
    }

    @Test func twoHundredThousandNotsAreRefused() {
        #expect(diagnostics(when: String(repeating: "not ", count: 200_000) + "docs_exposed") == [
            "user/entry.yaml:4:4007: error: the condition has more than 1000 tokens; threatscribe refuses to read it (split it into several entries)",
        ])
    }

    @Test func fiftyThousandNestedParenthesesAreRefused() {
        let condition = String(repeating: "(", count: 50_000) + "docs_exposed" + String(repeating: ")", count: 50_000)
        #expect(diagnostics(when: condition) == [
            "user/entry.yaml:4:1007: error: the condition has more than 1000 tokens; threatscribe refuses to read it (split it into several entries)",
        ])
    }

    @Test func aHundredThousandAndTermsAreRefused() {
        // The parser itself, on the full size (a 1.7 MB catalog file alone takes most of a second to
        // read in a debug build), then the located error from a catalog file on a fifth of it.
        let condition = Array(repeating: "docs_exposed", count: 100_000).joined(separator: " and ")
        var error: ConditionError?
        withoutHanging {
            do throws(ConditionError) { _ = try ConditionParser.parse(condition) } catch let caught { error = caught }
        }
        #expect(error?.offset == 8500)
        #expect(diagnostics(when: Array(repeating: "docs_exposed", count: 20_000).joined(separator: " and ")) == [
            "user/entry.yaml:4:8507: error: the condition has more than 1000 tokens; threatscribe refuses to read it (split it into several entries)",
        ])
    }

    @Test func nestingDeeperThanTheLimitIsRefusedWithinTheTokenLimit() {
        let nots = String(repeating: "not ", count: 51) + "docs_exposed"
        #expect(diagnostics(when: nots) == [
            "user/entry.yaml:4:207: error: the condition nests `not` and parentheses deeper than 50 levels; threatscribe refuses to read it",
        ])
        let parens = "(" + String(repeating: "not (", count: 30) + "docs_exposed" + String(repeating: ")", count: 31)
        #expect(diagnostics(when: parens).first?.contains("deeper than 50 levels") == true)
    }

    @Test func conditionsWithinTheLimitsStillLoadAndEvaluate() throws {
        let condition = "(" + String(repeating: "not ", count: 48) + "docs_exposed) and "
            + Array(repeating: "env.is_production", count: 200).joined(separator: " and ")
        #expect(diagnostics(when: condition) == [])
        let parsed = try ConditionParser.parse(condition)
        try ConditionChecker(vocabulary: Analyzers.vocabulary, scope: #require(Analyzers.vocabulary.scopes["app"])).check(parsed)
    }
}
