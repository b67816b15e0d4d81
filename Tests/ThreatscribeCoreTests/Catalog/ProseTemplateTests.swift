import Foundation
import Testing
@testable import ThreatscribeCore

/// Placeholder filling: the context (prose, shell block, Python block) decides the escaping, placeholders
/// where a word or literal would not be one are refused with their offset, and filling is linear.
struct ProseTemplateTests {
    let scope = FactScope("thing", "test", fields: [
        FactField("url", .string, ""), FactField("origins", .list, ""), FactField("port", .int, ""), FactField("gone", .string, ""),
    ])
    let hostile = "https://a.example/$(touch x)`id`'\"; echo '\\"

    func fill(_ text: String) -> String {
        let subject = FactSubject(scope: "thing", path: "x", name: "x", component: "x",
                                  values: ["url": .string(hostile), "origins": .list(["https://a", "b c"]), "port": .int(8000)])
        return ProseTemplate.fill(text, evaluator: ConditionEvaluator(subject: subject, globals: [:]))
    }

    func problem(_ text: String) -> ConditionError? {
        let checker = ConditionChecker(vocabulary: FactVocabulary(analyzers: [ConditionTests.TestAnalyzer(scope: scope)]), scope: scope)
        do { try ProseTemplate.check(text, checker: checker) } catch { return error }
        return nil
    }

    @Test func codeDecidesOverTheFormat() {
        #expect(fill("```bash\ncurl {{url}}/docs\n```") == "```bash\ncurl 'https://a.example/$(touch x)`id`'\\''\"; echo '\\''\\'/docs\n```")
        #expect(fill("```bash\nfor o in {{origins|code}}; do :; done\n```") == "```bash\nfor o in https://a 'b c'; do :; done\n```")
        #expect(fill("```python\nx = {{url|shell}}  # {{port}}\n```") == "```python\nx = \"https://a.example/$(touch x)`id`'\\\"; echo '\\\\\"  # 8000\n```")
        #expect(fill("curl -sI {{url}}\n") == "curl -sI 'https://a.example/$(touch x)`id`'\\''\"; echo '\\''\\'\n")
        #expect(fill("```yaml\nport: {{port}}\n```") == "```yaml\nport: 8000\n```")
        #expect(fill("```bash\necho {{gone}}\n```") == "```bash\necho '(not described)'\n```")
    }

    @Test func placeholdersInsideStringsAreRefusedWithTheirOffset() throws {
        let cases: [(String, String, Int)] = [
            ("```bash\ncurl '{{url}}'\n```", "inside a quoted string", 14),
            ("```sh\necho \"a {{url}}\"\n```", "inside a quoted string", 14),
            ("```bash\necho $'{{url}}'\n```", "inside a quoted string", 15),
            ("```bash\necho ${{url}}\n```", "right after `$`", 14),
            ("```bash\necho \\{{url}}\n```", "after a backslash", 14),
            ("```bash\ncat <<EOF\n{{url}}\nEOF\n```", "here-document", 18),
            ("```python\nx = f\"{{{url}}}\"\n```", "inside a string literal", 16),
            ("```python\nx = '''a\n{{url}}'''\n```", "inside a string literal", 19),
            ("```python\nx = f{{url}}\n```", "glued to a name", 15),
            ("```python\nclass {{url}}(BaseModel):\n```", "expects a name", 16),
            ("curl -H 'Origin: {{url}}'\n", "inside a quoted string", 17),
        ]
        for (text, message, offset) in cases {
            let error = try #require(problem(text), "\(text)")
            #expect(error.message.contains(message), "\(text): \(error.message)")
            #expect(error.offset == offset, "\(text)")
        }
        for text in ["```bash\ncurl {{url}}/x -H 'Origin: '{{url}} # it's {{url}}\n```", "```python\nx = \"a\" + {{url}}  # \"{{url}}\n```",
                     "```bash\ncat <<'EOF'\nx\nEOF\necho {{url}}\n```", "In `curl '{{url}}'` prose", "```\n'{{url}}'\n```"] {
            #expect(problem(text) == nil, "\(text)")
        }
    }

    /// 5,000 placeholders in one entry took 23 s when every placeholder rescanned the text before it and
    /// the result was rebuilt per replacement. One pass checks and fills these 20,000 placeholders in about a second in
    /// a debug build on a busy machine (a few hundred milliseconds in release); a quadratic fill would need
    /// minutes, so the hang guard fails only for an algorithm of the wrong order.
    @Test func fillingIsLinear() {
        var text = ""
        for index in 0..<5_000 {
            text += "Prose {{url}} and `{{port}}`.\n```bash\ncurl {{url}}/\(index)\n```\n```python\nx = {{origins}}\n```\n"
        }
        let (error, filled) = withoutHanging { (problem(text), fill(text)) }
        #expect(error == nil)
        #expect(ProseLayout(text).placeholders.count == 20_000)
        #expect(!filled.contains("{{"))
    }

    /// A backtick followed by a combining mark is one Swift `Character` but still a backtick to
    /// Markdown: it must not close the code span or open a fence in a code block.
    @Test func backticksAreReplacedScalarByScalar() {
        let merged = "a`\u{301}b ```\u{301}x"
        #expect(!ProseTemplate.safe(merged, in: .codeSpan).unicodeScalars.contains("`"))
        #expect(ProseTemplate.safe(merged, in: .codeBlock) == "a`\u{301}b '''\u{301}x")
        #expect(ProseTemplate.safe("~~~ and ~", in: .codeBlock) == "--- and ~")
        #expect(ProseTemplate.safe("~~~", in: .codeSpan) == "~~~")
    }
}
