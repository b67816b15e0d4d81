import Testing
@testable import ThreatscribeCore

/// threatscribe's template engine renders every template as swift-mustache 2 did (the engine the
/// reports were written with): the built-in templates over sample reports, and a corpus of
/// hand-written templates, one or more per feature and edge case. Syntax errors are the same
/// errors at the same line and column.
@Suite struct MustacheDifferentialTests {
    enum Kind: String { case low, high }
    enum Payload { case value(String), empty }

    struct Item {
        var name: String
        var note: String?
        var tags: [String]
        var count: Int
        var done: Bool
        var children: [Item]
    }

    struct Page {
        var title: String
        var hostile: String
        var count: Int
        var zero: Int
        var ratio: Double
        var yes: Bool
        var no: Bool
        var missing: String?
        var present: String?
        var empty: String
        var items: [Item]
        var none: [Item]
        var tags: [String]
        var numbers: [Int]
        var matrix: [[String]]
        var prose: Prose
        var blankProse: Prose
        var code: Code
        var emptyCode: Code
        var text: DocumentText
        var listing: DocumentCode
        var kind: Kind
        var payload: Payload
        var nested: Item?
        var absent: Item?
        var dictionary: [String: String]
        var partialName: String
    }

    static let hostile = GraphemeMergers.all.map { "\($0)<b \($0)\"\($0)'\($0)>&amp;*_`|\\[x](y)\n#" }.joined()

    static let page = Page(
        title: "T <&> \"q\" 'a' *e* _u_ `c` | [l](x) # h",
        hostile: hostile, count: 3, zero: 0, ratio: 1.5, yes: true, no: false, missing: nil, present: "here", empty: "",
        items: [
            Item(name: "one", note: "first <note>", tags: ["b", "a"], count: 1, done: true, children: [
                Item(name: "one.a", note: nil, tags: [], count: 0, done: false, children: []),
                Item(name: "one.b", note: "x", tags: ["z"], count: 2, done: true, children: []),
            ]),
            Item(name: "two", note: nil, tags: [], count: 0, done: false, children: []),
            Item(name: "three & more", note: "", tags: ["c"], count: 5, done: true, children: [
                Item(name: "three.a", note: nil, tags: [], count: 0, done: false, children: []),
            ]),
        ],
        none: [], tags: ["delta", "alpha", "charlie <b>", "bravo"], numbers: [3, 1, 2], matrix: [["a", "b"], [], ["c"]],
        prose: Prose("Some *prose* with `code` and <b>html</b>.\n\n- a\n- b"), blankProse: Prose("  \n"),
        code: Code("x = 1\n```\ny < 2 | z"), emptyCode: Code(""),
        text: "origin \(code: "https://a|b") is \(strong: "<wild>")", listing: DocumentCode(language: "bash", "curl -H 'a: b'\n```"),
        kind: .high, payload: .value("carried"), nested: Item(name: "inner", note: nil, tags: ["n"], count: 9, done: false, children: []),
        absent: nil, dictionary: ["key": "value <v>"], partialName: "p")

    static let partials: [String: String] = [
        "p": "<{{name}}|{{title}}>",
        "indented": "<li>{{title}}</li>\n<li>two</li>\n{{#tags}}\n<i>{{.}}</i>\n{{/tags}}\n",
        "item": "{{name}}\n{{#children}}\n  {{> item}}\n{{/children}}\n",
        "md": "{{title}} *{{hostile}}*\n",
        "parent": "<h1>{{$header}}Default header{{/header}}</h1>\n{{$body}}\n  default body\n{{/body}}\nend {{title}}\n",
        "grandparent": "[{{$a}}ga{{/a}}|{{$b}}gb{{/b}}]\n",
        "middle": "{{<grandparent}}{{$a}}ma {{$b}}mb{{/b}}{{/a}}{{/grandparent}}",
    ]

    static let corpus: [String] = [
        "{{title}} {{{title}}} {{&title}} {{ title }} {{{ title }}} {{& title}}",
        "{{hostile}}|{{{hostile}}}",
        "{{count}} {{zero}} {{ratio}} {{yes}} {{no}} [{{missing}}] [{{present}}] [{{empty}}]",
        "{{#yes}}Y{{/yes}}{{^yes}}N{{/yes}}{{#no}}Y{{/no}}{{^no}}N{{/no}}{{#missing}}M{{/missing}}{{^missing}}no missing{{/missing}}{{#present}}[{{.}}]{{/present}}{{#empty}}E{{.}}E{{/empty}}{{^empty}}not{{/empty}}",
        "{{#items}}\n  - {{name}}\n  {{#note}}\n    note: {{.}}\n  {{/note}}\n{{/items}}\n{{^none}}\nno items\n{{/none}}\n",
        "{{#items}}{{#children}}{{name}} of {{title}} ({{count}}, {{done}}) {{/children}}{{/items}}",
        "{{nested.name}} {{nested.note}} [{{items.name}}] {{.title}} {{#items}}{{.name}}/{{.title}}{{/items}} [{{nested.children.name}}] [{{absent.name}}] {{payload.value}} {{prose.markdown}} {{code.text}} {{nested.tags}}",
        "{{#tags}}{{.}},{{/tags}} {{#numbers}}{{.}};{{/numbers}} {{#matrix}}[{{#.}}{{.}}{{/.}}]{{/matrix}} {{tags}} {{numbers}} {{matrix}} {{nested}}",
        "{{uppercased(title)}} {{lowercased(title)}} {{capitalized(title)}} {{reversed(title)}} {{empty(empty)}} {{empty(title)}} {{count(tags)}} {{first(tags)}} {{last(tags)}}",
        "{{#sorted(tags)}}{{.}} {{/sorted(tags)}} {{#reversed(tags)}}{{.}}{{/reversed(tags)}} {{#sorted(numbers)}}{{.}}{{/sorted(numbers)}} {{sorted(items)}}|{{#sorted(items)}}x{{/sorted(items)}}",
        "{{empty(none)}} {{plusone(count)}} {{minusone(count)}} {{even(count)}} {{odd(count)}} {{equalzero(zero)}} {{equalzero(count)}} {{count(items)}} [{{first(none)}}][{{last(none)}}] {{#first(items)}}{{name}}{{/first(items)}} {{#last(items)}}{{name}}{{/last(items)}} {{plusone(count(tags))}} [{{nope(title)}}] [{{uppercased(missing)}}] [{{plusone(title)}}] [{{count(title)}}]",
        "{{#items}}{{index()}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}}{{#even()}}E{{/even()}}{{#odd()}}O{{/odd()}}{{^last()}}, {{/last()}}{{/items}} [{{index()}}] {{#items}}{{#children}}{{index()}}{{/children}}{{#yes}}{{index()}}{{/yes}}{{#nested}}<{{index()}}>{{/nested}}{{/items}}",
        "{{{html(prose)}}} {{{markdown(code)}}} {{{cell(code)}}} {{{block(code)}}} {{{itemBlock(code)}}} {{{mermaid(code)}}} {{{bash(code)}}}",
        "{{{markdown(text)}}} {{{cell(text)}}} {{{html(text)}}} {{{markdown(listing)}}} {{prose}} {{{prose}}} {{code}} {{text}} {{html(code)}} [{{markdown(prose)}}] {{html(prose)}}",
        "{{#prose}}P{{/prose}}{{^prose}}noP{{/prose}}{{#blankProse}}B{{/blankProse}}{{^blankProse}}noB{{/blankProse}}{{#emptyCode}}C{{/emptyCode}}{{^emptyCode}}noC{{/emptyCode}}{{#code}}[{{text}}|{{.}}]{{/code}}{{#text}}<{{segments}}>{{/text}}",
        "{{%CONTENT_TYPE: MARKDOWN}}\n# {{title}} *{{hostile}}*\n{{> md}}\n{{title}}\n{{%CONTENT_TYPE: TEXT}}{{title}}{{%CONTENT_TYPE: HTML}}{{title}}",
        "{{#items}}{{%CONTENT_TYPE: MARKDOWN}}{{name}}{{/items}}{{title}}",
        "<ul>\n  {{> indented}}\n</ul>\n  {{> indented}} inline\n{{#items}}\n    {{> item}}\n{{/items}}\n",
        "{{#items}}{{> p}}{{/items}}\n\t{{> p}}\n",
        "{{=<% %>=}}\n<% title %> <%& title %> <%#items%><%name%> <%/items%>\n<%={{ }}=%>{{title}}",
        "a{{! comment }}b\n  {{! standalone }}\nc{{!\nmulti\nline\n}}d",
        "{{<parent}}{{$header}}Custom {{title}}{{/header}}{{/parent}}",
        "{{<parent}}\n  {{$body}}\n    body line {{title}}\n    second\n  {{/body}}\n{{/parent}}\nafter",
        "  {{<parent}}\n  {{/parent}}\n{{$free}}own {{title}}{{/free}}",
        "{{<middle}}{{$b}}rb{{/b}}{{/middle}} {{<middle}}{{/middle}}",
        "{{#items}}{{<parent}}{{$header}}{{name}}{{/header}}{{/parent}}{{/items}}",
        "[{{nothing}}][{{nothing.deeper}}][{{#nothing}}x{{/nothing}}][{{^nothing}}y{{/nothing}}][{{> nopartial}}]",
        "{{kind}} {{payload}} {{dictionary.key}} {{#dictionary}}{{key}}{{/dictionary}} {{count(dictionary)}} {{empty(dictionary)}}",
        "  {{#yes}}  \n  x\n  {{/yes}}  \n{{#no}}\n{{/no}}\n\t{{^no}}\t\r\ny\r\n{{/no}}\r\nend  {{title}}  \n   \n",
        "{{#items}}\r\n{{name}}\r\n{{/items}}\r\n  {{#yes}}\r\n yes\r\n  {{/yes}}",
        "a { b } {{title}} }} {x} {{{title}}}}",
        "é{{title}}ü\u{301}{{{title}}}— {{#tags}}→{{.}}{{/tags}}\u{600}{{title}}",
        "{{^none}}{{count(.)}}? {{.}}{{/none}} {{#count}}{{.}}{{plusone(.)}}{{/count}} {{#zero}}z{{.}}{{/zero}} {{#ratio}}{{.}}{{/ratio}} {{#title}}{{.}}{{/title}}",
        "{{#items}}{{children.name}}|{{#children}}{{name}}:{{items.name}}{{/children}}{{/items}}",
        "{{#nested}}{{name}} {{title}} {{#tags}}{{.}}{{name}}{{/tags}}{{/nested}} {{#absent}}never{{/absent}}{{^absent}}absent{{/absent}}",
        "{{#items}}\n{{#children}}\n{{#tags}}\n{{.}} of {{name}}\n{{/tags}}\n{{/children}}\n{{/items}}",
        "{{#items}}{{> item}}{{/items}}",
        "{{>p}}\n  {{>p}}  \nx{{>p}}\n{{#yes}}\n  {{> indented}}\n{{/yes}}",
        "{{>*partialName}}",
        "{{$standalone}}\n  in block {{title}}\n{{/standalone}}\n",
        "{{}} {{ . }} {{#yes}}{{.}}{{/yes}}",
        "line\n{{\nafter}} {{\u{2028}x}}",
        "{{#a-b_c?}}{{/a-b_c?}}{{x*}}",
    ]

    static let errors: [String] = [
        "{{#a}}", "{{/a}}", "a\nb {{/x}}\n", "{{#a}}{{/b}}", "{{a", "{{a}", "{{{a}}", "{{=<% %>}}", "{{= =}}",
        "{{%FOO: X}}", "{{%CONTENT_TYPE: XML}}", "{{%CONTENT_TYPE}}", "{{$a(b)}}{{/a(b)}}", "{{<p}}{{a}}{{/p}}",
        "a{", "{{a b}}", "{{f(a}}", "{{f(a))}}", "{{f(g(a)}}", "{{first(children).name}}", "{{!unterminated",
        "\r\n{{#a}}\r\n", "line1\nline2 {{#a}}\n{{/b}}", "é{{/x}}", "ü\u{301}ü{{/x}}", "{{> }}x", "{{#a}}\n{{/a}",
        "{{#a}}{{/a }}", "{{ /a}}", "{{", "{{a}}{{", "x {{#a}}{{^b}}{{/a}}", "{{=[[ ]]=}}[[/a]]", "{{<p}}\n  {{$b}}x{{/b}}\n{{/p}}",
        "{{>*dyn}}", "\t\t{{/x}}", "{{#a}}\u{2028}{{/b}}", "{{a}}\r\n{{/b}}", "{{#a}}\r\nx\r\ny {{/b}}", "{{<partials/x}}{{/partials/x}}",
        "{{#f(a)}}{{/a}}", "{{#f(a)}}{{/f(a)}}", "{{%CONTENT_TYPE: MARKDOWN}}", "{{=<% %>=}}<%/x%>", "{{/a}}{\u{301}{", "{{{a}}}}{{/b}}",
        "\u{600}{{/x}}", "{{a}}\u{301}{{/b}}", "x{{/a\u{301}}}",
    ]

    @Test("hand-written templates render as swift-mustache renders them", arguments: corpus.indices)
    func corpusRendersTheSame(_ index: Int) throws {
        let templates = Self.partials.merging(["t": Self.corpus[index]]) { $1 }
        let expected = try SwiftMustacheReference.render(templates, root: "t", view: Self.page)
        let actual = try ThreatscribeMustache.render(templates, root: "t", view: Self.page)
        #expect(actual == expected, "template \(index): \(Self.corpus[index].debugDescription)")
    }

    @Test("syntax errors are the same errors at the same positions", arguments: errors)
    func syntaxErrorsAreTheSame(_ text: String) {
        #expect(ThreatscribeMustache.syntaxError(text) == SwiftMustacheReference.syntaxError(text), "\(text.debugDescription)")
    }

    @Test("the corpus templates all parse in both engines")
    func corpusParses() {
        for text in Self.corpus + Self.partials.values {
            #expect(ThreatscribeMustache.syntaxError(text) == nil)
            #expect(SwiftMustacheReference.syntaxError(text) == nil)
        }
    }

    /// The built-in templates, by name.
    static let builtInTemplates: [String: String] = {
        var templates: [String: String] = [:]
        for path in ResourceStore.builtIn.paths(under: "Templates/") where path.hasSuffix(".mustache") {
            templates[String(path.dropFirst("Templates/".count).dropLast(".mustache".count))] = ResourceStore.builtIn[path]
        }
        return templates
    }()

    @Test("the built-in report templates render a sample's report as swift-mustache renders it",
          arguments: ["fastapi-kubernetes.yaml", "minimal.yaml"])
    func builtInReportTemplates(_ sample: String) throws {
        let report = try SampleReportTests.report(for: sample)
        let view = ThreatModelView(report: report, catalogEntryCount: report.catalogEntryCount)
        for root in ["threat-model.md", "threat-model.html"] {
            let expected = try SwiftMustacheReference.render(Self.builtInTemplates, root: root, view: view)
            let actual = try ThreatscribeMustache.render(Self.builtInTemplates, root: root, view: view)
            #expect(actual == expected, "\(sample) \(root)")
            #expect(actual.count > 1000)
        }
    }

    @Test("the built-in document templates render as swift-mustache renders them")
    func builtInDocumentTemplates() throws {
        let report = try SampleReportTests.report(for: "fastapi-kubernetes.yaml")
        let views: [(String, DocumentView)] = [
            ("mitigation", MitigationDocument(control: .cors, report: report).view),
            ("config-doc", ConfigDocDocument(control: .cors, report: report).view),
        ]
        for (template, view) in views {
            for format in ["md", "html"] {
                let root = "documents/\(template).\(format)"
                let expected = try SwiftMustacheReference.render(Self.builtInTemplates, root: root, view: view)
                #expect(try ThreatscribeMustache.render(Self.builtInTemplates, root: root, view: view) == expected, "\(root)")
            }
        }
    }
}
