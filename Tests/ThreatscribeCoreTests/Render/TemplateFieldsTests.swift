import Mustache
import Testing
@testable import ThreatscribeCore

/// Rendering over `TemplateFields` (structs read once into dictionaries) gives the same text as
/// swift-mustache's own reflection lookup, for every kind of field a view struct may have.
@Suite struct TemplateFieldsTests {
    struct Row { var name: String; var note: String? }
    struct Section { var title: String; var rows: [Row]; var tags: [String]; var prose: Prose; var code: Code? }
    struct Page {
        var title: String
        var count: Int
        var isEmpty: Bool
        var missing: String?
        var sections: [Section]
        var nested: Row?
    }

    static let page = Page(
        title: "T <&>", count: 2, isEmpty: false, missing: nil,
        sections: [
            Section(title: "A", rows: [Row(name: "r1", note: "n1"), Row(name: "r2", note: nil)], tags: ["b", "a"],
                    prose: Prose("Some *prose* with `code`."), code: Code("x = 1")),
            Section(title: "B", rows: [], tags: [], prose: Prose(""), code: nil),
        ],
        nested: Row(name: "inner", note: nil))

    static let template = """
        {{title}} {{count}} {{#isEmpty}}empty{{/isEmpty}}{{^isEmpty}}full{{/isEmpty}} [{{missing}}]
        {{#sections}}
        ## {{title}} ({{#nested}}{{name}}{{/nested}})
        {{#rows}}- {{name}}: {{note}}{{^note}}(no note, page {{title}}){{/note}}{{^last(rows)}},{{/last(rows)}}
        {{/rows}}{{^rows}}no rows{{/rows}}
        tags {{#sorted(tags)}}{{.}} {{/sorted(tags)}} count {{count(tags)}}
        {{#prose}}P: {{{prose}}} / {{{html(prose)}}}{{/prose}}{{^prose}}no prose{{/prose}}
        {{#code}}{{code}}{{/code}}{{^code}}no code{{/code}}
        {{/sections}}
        {{nested.name}} {{.nested.note}}
        """

    @Test func rendersLikeReflection() throws {
        let template = try MustacheTemplate(string: Self.template)
        let reflected = template.render(Self.page)
        let prepared = template.render(TemplateFields.prepared(Self.page))
        #expect(prepared == reflected)
        #expect(prepared.contains("- r2: (no note, page A)"))
        #expect(prepared.contains("tags a b  count 2"))
    }

    @Test func plainStructsBecomeFieldsAndSpecialValuesStay() {
        let prepared = TemplateFields.prepared(Self.page) as? TemplateFields
        #expect(prepared?.fields["missing"] == nil)
        #expect(prepared?.fields["title"] as? String == "T <&>")
        let sections = prepared?.fields["sections"] as? [Any]
        #expect(sections?.first is TemplateFields)
        #expect((sections?.first as? TemplateFields)?.fields["prose"] is Prose)
        #expect((sections?.first as? TemplateFields)?.fields["tags"] is [String])
    }

    /// The view structs whose kind `TemplateFields` knows in advance are plain structs, as asking the
    /// runtime would find; the leaf types are kept as they are.
    @Test func theKnownKindsAreTheKindsReflectionGives() {
        for type in TemplateFields.plainViewTypes {
            #expect(!TemplateFields.isKeptAsIs(type: type), "\(type)")
            #expect(!(type is CustomReflectable.Type), "\(type)")
        }
        for type in TemplateFields.leafTypes {
            #expect(TemplateFields.isKeptAsIs(type: type), "\(type)")
        }
        // The type checks agree with the value checks.
        #expect(TemplateFields.isKeptAsIs(type: Prose.self) == TemplateFields.isKeptAsIs(Prose("x")))
        #expect(TemplateFields.isKeptAsIs(type: Row.self) == TemplateFields.isKeptAsIs(Row(name: "", note: nil)))
        let view = ThreatModelView(report: ReportFixture.report(), catalogEntryCount: 2)
        #expect(TemplateFields.Kind(of: view) == .fields)
        #expect(TemplateFields.Kind(of: "s") == .keptAsIs && TemplateFields.Kind(of: 1) == .keptAsIs && TemplateFields.Kind(of: 1.5) == .keptAsIs)
        #expect(TemplateFields.Kind(of: true) == .keptAsIs && TemplateFields.Kind(of: Code("c")) == .keptAsIs)
        #expect(TemplateFields.Kind(of: [view]) == .collection && TemplateFields.Kind(of: [Code("c")]) == .collection)
        #expect(TemplateFields.Kind(of: Optional(view) as Any) == .optional && TemplateFields.Kind(of: Optional("s") as Any) == .optional)
    }
}
