/// Writes `threat-model.md` (GitHub-flavoured Markdown) from `Templates/threat-model.md.mustache`.
///
/// The templates declare `{{%CONTENT_TYPE: MARKDOWN}}`, so `{{x}}` escapes Markdown structure in
/// model strings; finding prose is inserted as the Markdown it is.
public struct MarkdownReportRenderer: TemplateReportRenderer {
    public init() {}

    public func render(_ view: ThreatModelView, templates: ResourceStore) throws -> [RenderedFile] {
        try render(prepared: PreparedView(view), templates: templates)
    }

    func render(prepared view: PreparedView, templates: ResourceStore) throws -> [RenderedFile] {
        let text = try TemplateLibrary.parsed(templates, rendering: "threat-model.md").render(prepared: view, template: "threat-model.md")
        return [RenderedFile(name: "threat-model.md", contents: ReportText.tidy(text))]
    }
}

/// Whitespace clean-up for Markdown output.
enum ReportText {
    /// Outside fenced code blocks: no trailing spaces, at most one blank line in a row.
    /// Always exactly one final newline. Fenced blocks are kept byte for byte.
    static func tidy(_ text: String) -> String {
        var lines: [Substring.UnicodeScalarView] = []
        var fence: MarkdownFence?
        for line in Substring(text).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            // Fences nested in list items are indented further than CommonMark's three spaces.
            if let open = fence {
                lines.append(line)
                if open.isClosed(by: line, maxIndent: .max) { fence = nil }
                continue
            }
            fence = MarkdownFence.opening(line, maxIndent: .max)
            var trimmed = line
            while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { String(Substring($0)) }.joined(separator: "\n") + "\n"
    }
}
