import Testing
@testable import ThreatscribeCore

struct ConditionTests {
    let scope = FactScope("thing", "test", fields: [
        FactField("flag", .bool, ""), FactField("count", .int, ""), FactField("name", .string, ""), FactField("items", .list, ""),
    ])

    func evaluate(_ text: String, _ values: [String: FactValue]) throws -> Bool {
        let condition = try ConditionParser.parse(text)
        try ConditionChecker(vocabulary: FactVocabulary(analyzers: [TestAnalyzer(scope: scope)]), scope: scope).check(condition)
        let subject = FactSubject(scope: "thing", path: "x", name: "x", component: "x", values: values)
        return ConditionEvaluator(subject: subject, globals: [:]).holds(condition)
    }

    @Test func precedenceAndOperators() throws {
        let values: [String: FactValue] = ["flag": .bool(true), "count": .int(3), "name": .string("abc"), "items": .list(["a", "b"])]
        #expect(try evaluate("flag and count > 2", values))
        #expect(try evaluate("not flag or count == 3", values))
        #expect(try !evaluate("not (flag or count == 3)", values))
        #expect(try evaluate("items contains \"a\" and name contains 'b'", values))
        #expect(try evaluate("name in [\"x\", \"abc\"]", values))
        #expect(try evaluate("count(items) >= 2 and known(name)", values))
        #expect(try !evaluate("flag and count < 3", values))
    }

    @Test func unknownValuesNeverSatisfyComparisons() throws {
        #expect(try !evaluate("count > 1", [:]))
        #expect(try !evaluate("count <= 1", [:]))
        #expect(try !evaluate("name != \"x\"", [:]))
        #expect(try !evaluate("flag", [:]))
        #expect(try evaluate("not known(flag)", [:]))
    }

    @Test func syntaxErrorsCarryOffsets() {
        #expect(throws: ConditionError(message: "unexpected `)`", offset: 5)) { try ConditionParser.parse("flag )") }
        #expect(throws: ConditionError(message: "unterminated string", offset: 8)) { try ConditionParser.parse("name == 'abc") }
        #expect(throws: ConditionError(message: "unknown operator `=`", offset: 5)) { try ConditionParser.parse("name = 'a'") }
    }

    struct TestAnalyzer: Analyzer {
        var scope: FactScope
        var scopes: [FactScope] { [scope] }
        func subjects(in context: AnalysisContext) -> [FactSubject] { [] }
    }
}
