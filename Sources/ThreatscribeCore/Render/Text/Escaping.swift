/// Where the escapers live: one shared implementation per output context, each in its own file in
/// `Render/Text`, and every model, catalog and template value reaches an output only through one of them.
///
/// | Context | Implementation |
/// |---|---|
/// | HTML/XHTML text, quoted attribute value, URL attribute, XML-illegal characters | `HTMLEscaping` |
/// | Mustache `{{x}}` in HTML templates (any template, also with `--templates`) | `TemplateEscaper.html` → `HTMLEscaping.attribute` |
/// | Markdown inline text, code span, fenced block, single line, HTML in prose | `MarkdownEscaping` |
/// | Markdown fence lines (where a fence opens and closes, as CommonMark reads them) | `MarkdownFence` |
/// | Mustache `{{x}}` in Markdown templates | `TemplateEscaper.markdown` → `MarkdownEscaping.inline` |
/// | Mermaid label | `MermaidEscaping` |
/// | Text and code blocks of `report` documents (`{{{markdown(x)}}}`, `{{{cell(x)}}}`, `{{{html(x)}}}`) | `DocumentText` / `DocumentCode` → `MarkdownEscaping`, `HTMLEscaping` |
/// | YAML scalar (ADR front matter; models drafted by `init` and `import`) | `YAMLEscaping` (`DraftYAMLWriter` quotes through it) |
/// | Shell word, Python string literal | `FactValue.shellWords` / `FactValue.pythonLiteral` (own files, issue 7 item 2) |
/// | Terminal text | the CLI's terminal escaper (issue 7 item 5) |
///
/// Every escaper reads Unicode scalars, never `Character`s: a `Character` is a whole grapheme
/// cluster, and a Prepend code point (U+0600…) or a combining mark (U+0301…) merges with the `<` or
/// `"` next to it into a `Character` that is not equal to `"<"`, although every HTML and Markdown
/// parser still reads the `<`. A new context gets its own file here, named `<Context>Escaping`, with
/// the same rule and a test in `Tests/ThreatscribeCoreTests/Security`.
enum Escaping {}
