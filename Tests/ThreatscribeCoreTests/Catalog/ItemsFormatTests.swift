import Testing
@testable import ThreatscribeCore

/// `{{field|items}}` renders a list as Markdown bullets, each element escaped on one line, and is
/// refused anywhere but alone on a prose line.
struct ItemsFormatTests {
    let base = ProseTemplateTests()

    @Test func rendersOneEscapedBulletPerElement() {
        #expect(base.fill("Before:\n\n{{origins|items}}\n\nAfter.") == "Before:\n\n- https://a\n- b c\n\nAfter.")
        // A hostile element stays one bullet: its line break and Markdown syntax are neutralised.
        let subject = FactSubject(scope: "thing", path: "x", name: "x", component: "x",
                                  values: ["origins": .list(["a\n# heading", "*b* <i>"])])
        let filled = ProseTemplate.fill("{{origins|items}}", evaluator: ConditionEvaluator(subject: subject, globals: [:]))
        #expect(filled.split(separator: "\n").count == 2)
        #expect(!filled.contains("\n#") && !filled.contains("<i>"))
    }

    @Test func refusedUnlessAloneOnAProseLine() {
        #expect(base.problem("Text {{origins|items}}") != nil)
        #expect(base.problem("```python\nx = 1\n{{origins|items}}\n```") != nil)
        #expect(base.problem("Intro:\n\n  {{origins|items}}\n") == nil)
    }
}
