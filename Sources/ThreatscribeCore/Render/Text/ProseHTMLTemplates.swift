/// The catalog's prose converted to HTML when the generated files were last regenerated
/// (`Generated/PrecompiledProseHTML.swift`): texts without placeholders whole, the others as
/// `ProseHTMLTemplate`s. `ProseHTML` looks a text up here before running Ink; a text found gets the
/// same bytes Ink's path gives it (`ProseHTMLTemplateTests`, `GeneratedFilesTests`).
struct ProseHTMLTemplates: Sendable {
    /// The HTML of each text without placeholders.
    let fixed: [String: String]
    /// The templates of texts with placeholders, in catalog order.
    let templates: [ProseHTMLTemplate]
    /// The templates by the first 8 bytes of their Markdown, those whose first piece is shorter by the
    /// last 8 bytes, and those whose first and last pieces are both shorter.
    private let byPrefix: [UInt64: [Int]]
    private let bySuffix: [UInt64: [Int]]
    private let unkeyed: [Int]

    /// The built-in catalog's, from the generated source.
    static let builtIn = ProseHTMLTemplates(entries: PrecompiledProseHTML.entries)

    /// Templates from generated entries: `[markdown, html]` for a fixed text, or the template's pieces
    /// `[markdown₀, html₀, slot₁, markdown₁, html₁, …]` (see `entries(of:)`).
    init(entries: [[String]]) {
        var fixed: [String: String] = [:]
        var templates: [ProseHTMLTemplate] = []
        for entry in entries where entry.count >= 2 && entry.count % 3 == 2 {
            if entry.count == 2 {
                fixed[entry[0]] = entry[1]
                continue
            }
            var markdown = [entry[0]]
            var html = [entry[1]]
            var slots: [ProseHTMLTemplate.Slot] = []
            var index = 2
            while index + 2 < entry.count, let slot = ProseHTMLTemplate.Slot(code: entry[index]) {
                slots.append(slot)
                markdown.append(entry[index + 1])
                html.append(entry[index + 2])
                index += 3
            }
            if index == entry.count { templates.append(ProseHTMLTemplate(markdown: markdown, html: html, slots: slots)) }
        }
        self.fixed = fixed
        self.templates = templates
        var byPrefix: [UInt64: [Int]] = [:]
        var bySuffix: [UInt64: [Int]] = [:]
        var unkeyed: [Int] = []
        for (index, template) in templates.enumerated() {
            let first = template.markdownBytes[0]
            let last = template.markdownBytes[template.markdownBytes.count - 1]
            if first.count >= 8 {
                byPrefix[Self.key(first[..<8]), default: []].append(index)
            } else if last.count >= 8 {
                bySuffix[Self.key(last[(last.count - 8)...]), default: []].append(index)
            } else {
                unkeyed.append(index)
            }
        }
        self.byPrefix = byPrefix
        self.bySuffix = bySuffix
        self.unkeyed = unkeyed
    }

    private static func key<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// `ProseHTML`'s HTML of `markdown` when it is one of these texts, or one of these templates filled
    /// with values it takes; `nil` otherwise.
    func html(of markdown: String) -> String? {
        if let html = fixed[markdown] { return html }
        var markdown = markdown
        return markdown.withUTF8 { bytes -> String? in
            var candidates = unkeyed
            if bytes.count >= 8 {
                candidates += byPrefix[Self.key(bytes[..<8])] ?? []
                candidates += bySuffix[Self.key(bytes[(bytes.count - 8)...])] ?? []
            }
            for index in candidates {
                if let html = templates[index].html(ofFilled: bytes) { return html }
            }
            return nil
        }
    }

    /// The generated entries for `texts` (repeats dropped): a fixed text with its HTML through Ink, a text
    /// with placeholders as its template's pieces; a text that cannot be a template is left out (Ink
    /// converts it when it is used).
    static func entries(of texts: [String]) -> [[String]] {
        var seen: Set<String> = []
        var entries: [[String]] = []
        for text in texts where seen.insert(text).inserted {
            if ProseLayout(text).placeholders.isEmpty {
                entries.append([text, ProseHTML.inkPathHTML(fromMarkdown: text)])
            } else if let template = ProseHTMLTemplate(compiling: text) {
                var entry = [template.markdown[0], template.html[0]]
                for (index, slot) in template.slots.enumerated() {
                    entry += [slot.code, template.markdown[index + 1], template.html[index + 1]]
                }
                entries.append(entry)
            }
        }
        return entries
    }

    /// The prose texts of `entries` as reports show them: each prose field whole, and the leading
    /// sentences the report's summaries quote (`ProseExcerpt`).
    static func catalogTexts(of entries: [CatalogEntry]) -> [String] {
        entries.flatMap { entry in
            [entry.description, ProseExcerpt.leading(2, of: entry.description),
             entry.impactText, ProseExcerpt.leading(2, of: entry.impactText),
             entry.mitigation, entry.validation,
             entry.falsePositives, ProseExcerpt.leading(1, of: entry.falsePositives)]
        }.filter { !$0.isEmpty }
    }

    /// The committed `Generated/PrecompiledProseHTML.swift` for `entries`.
    static func swiftSource(entries: [[String]]) -> String {
        var source = """
            // Generated by `threatscribe catalog precompile-prose Catalog` (run by scripts/regenerate.sh) from Catalog/. Do not edit.

            /// The built-in catalog's prose converted to HTML ahead (see `ProseHTMLTemplates`).
            enum PrecompiledProseHTML {
                static let entries: [[String]] = [

            """
        for entry in entries {
            source += "        [" + entry.map(swiftLiteral).joined(separator: ", ") + "],\n"
        }
        source += "    ]\n}\n"
        return source
    }

    /// A Swift string literal of `text`, every character outside printable ASCII written as `\u{…}`.
    static func swiftLiteral(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": literal += "\\\\"
            case "\"": literal += "\\\""
            case "\n": literal += "\\n"
            case " "..."~": literal.unicodeScalars.append(scalar)
            default: literal += "\\u{" + String(scalar.value, radix: 16) + "}"
            }
        }
        return literal + "\""
    }
}

extension PrecompiledCatalog {
    /// `Generated/PrecompiledProseHTML.swift` for these entries' prose (`threatscribe catalog precompile-prose`).
    public func proseHTMLSwiftSource() -> String {
        ProseHTMLTemplates.swiftSource(entries: ProseHTMLTemplates.entries(of: ProseHTMLTemplates.catalogTexts(of: entries)))
    }
}
