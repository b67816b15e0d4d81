import Testing
@testable import ThreatscribeCore

/// The value tree a view is built into: structs become their fields (an absent optional has no
/// entry), leaves keep their kind, and the view types known in advance are the plain structs that
/// reflection and conformance lookups would find.
@Suite struct TemplateValueBuilderTests {
    struct Row { var name: String; var note: String? }
    struct Section { var title: String; var rows: [Row]; var tags: [String]; var prose: Prose; var code: Code? }

    @Test func structsBecomeFieldsAndLeavesKeepTheirKind() throws {
        let section = Section(title: "A", rows: [Row(name: "r", note: nil)], tags: ["b"], prose: Prose("p"), code: nil)
        guard case .object(let object) = TemplateValueBuilder.build(section) else {
            Issue.record("not an object")
            return
        }
        #expect(object.fields["code"] == nil)
        guard case .string("A")? = object.fields["title"] else { Issue.record("title"); return }
        guard case .prose(let prose)? = object.fields["prose"], prose.markdown == "p" else { Issue.record("prose"); return }
        guard case .list(let rows)? = object.fields["rows"], case .object(let row)? = rows.elements.first else { Issue.record("rows"); return }
        #expect(row.fields["note"] == nil && row.fields.count == 1)
        guard case .list(let tags)? = object.fields["tags"], case .string("b")? = tags.elements.first else { Issue.record("tags"); return }
    }

    /// The known view types are plain structs (no template protocol, no custom reflection), so
    /// building them without asking the runtime gives what asking would.
    @Test func theKnownViewTypesArePlainStructs() {
        for type in TemplateValueBuilder.plainViewTypes {
            #expect(!(type is any TemplateTransformable.Type), "\(type)")
            #expect(!(type is any TemplateRenderable.Type), "\(type)")
            #expect(!(type is any CustomReflectable.Type), "\(type)")
            #expect(!(type is any BinaryInteger.Type), "\(type)")
        }
        let view = ThreatModelView(report: ReportFixture.report(), catalogEntryCount: 2)
        #expect(Mirror(reflecting: view).displayStyle == .struct)
        #expect(Prose("x") is any TemplateTransformable && Code("x") is any TemplateRenderable)
    }

    /// A struct's fields read from memory are the ones `Mirror` lists, in order, with the same values.
    @Test func theLayoutListsWhatMirrorLists() throws {
        let view = ThreatModelView(report: ReportFixture.report(), catalogEntryCount: 2)
        let layout = try #require(TemplateStructLayout(ThreatModelView.self))
        #expect(layout.fields.map(\.label) == Mirror(reflecting: view).children.compactMap(\.label))
        let section = Section(title: "A", rows: [Row(name: "r", note: "n")], tags: [], prose: Prose("p"), code: Code("c"))
        let sectionLayout = try #require(TemplateStructLayout(Section.self))
        #expect(sectionLayout.fields.map(\.label) == ["title", "rows", "tags", "prose", "code"])
        guard case .object(let object) = TemplateValueBuilder.build(section), case .code(let code)? = object.fields["code"],
              case .list(let rows)? = object.fields["rows"], case .object(let row)? = rows.elements.first,
              case .string("n")? = row.fields["note"] else {
            Issue.record("fields not read")
            return
        }
        #expect(code.text == "c")
    }
}
