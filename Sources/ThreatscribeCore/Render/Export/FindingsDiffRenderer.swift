/// `threatscribe diff` output: Markdown fit for a pull-request comment, or JSON.
public enum FindingsDiffRenderer {
    /// The JSON document: `{"formatVersion", "old", "new", "diff": {"new", "resolved", "changed"}}`.
    public static func json(_ diff: FindingsDiff, old: String, new: String) throws -> String {
        struct Document: Encodable {
            var formatVersion = FindingsDocument.currentFormatVersion
            var old: String
            var new: String
            var diff: FindingsDiff
        }
        return try ExportJSON.text(of: Document(old: old, new: new, diff: diff))
    }

    /// A Markdown comment: counts, then a table per kind of change. Model text is escaped for table cells.
    public static func markdown(_ diff: FindingsDiff, old: String, new: String) -> String {
        var lines = ["## Threat model changes", ""]
        lines.append("\(MarkdownEscaping.codeSpan(old)) → \(MarkdownEscaping.codeSpan(new)): "
                     + "**\(diff.new.count) new**, \(diff.resolved.count) resolved, \(diff.changed.count) changed.")
        if diff.isEmpty {
            lines += ["", "No finding appeared, disappeared or changed severity or status."]
        }
        func table(_ heading: String, _ items: [FindingsDocument.Item]) {
            guard !items.isEmpty else { return }
            lines += ["", "### \(heading)", "", "| Severity | Finding | Title | Status |", "| --- | --- | --- | --- |"]
            for item in items {
                lines.append("| \(item.severity.label) | \(MarkdownEscaping.codeSpan(item.id, inTable: true)) | "
                             + "\(cell(item.title)) | \(cell(item.tracking.status)) |")
            }
        }
        table("New findings", diff.new)
        table("Resolved findings", diff.resolved)
        if !diff.changed.isEmpty {
            lines += ["", "### Changed findings", "", "| Finding | Title | Change |", "| --- | --- | --- |"]
            for change in diff.changed {
                var parts: [String] = []
                if let before = change.previousSeverity { parts.append("severity \(before.label) → \(change.severity.label)") }
                if let before = change.previousStatus { parts.append("status \(before) → \(change.status)") }
                lines.append("| \(MarkdownEscaping.codeSpan(change.id, inTable: true)) | \(cell(change.title)) | \(cell(parts.joined(separator: "; "))) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line of inline Markdown that stays in its table cell (`MarkdownEscaping.inline` escapes `|`).
    private static func cell(_ text: String) -> String { MarkdownEscaping.inline(text) }
}
