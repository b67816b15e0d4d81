import Foundation
import ThreatscribeCore

/// The few lines `analyze` prints: counts by severity, the top findings, the files written. Every
/// value from the model, the catalog or the command line passes `TerminalText`; the only escape
/// sequences are the tool's own colours.
struct TerminalSummary {
    var report: AnalysisReport
    var written: [String]
    /// ANSI colour, only when standard output is a terminal.
    var colored: Bool

    var text: String {
        var lines: [String] = []
        let system = TerminalText.escaped(report.model.base.system.name)
        let environments = TerminalText.escaped(report.environments.joined(separator: ", "))
        lines.append("\(system): \(report.findings.count) finding\(report.findings.count == 1 ? "" : "s") in \(environments)")
        let counts = Severity.allCases.reversed().map { severity in
            "\(paint(severity.label, severity)) \(report.findings.filter { $0.severity == severity }.count)"
        }
        lines.append("  " + counts.joined(separator: "  "))
        for finding in report.findings.prefix(10) {
            lines.append("  \(paint(finding.severity.label.padding(toLength: 8, withPad: " ", startingAt: 0), finding.severity)) \(TerminalText.escaped("\(finding.id)  \(finding.title)"))")
        }
        if report.findings.count > 10 { lines.append("  … and \(report.findings.count - 10) more in the report") }
        let tracked = report.findings.filter { $0.tracking != nil }
        if !tracked.isEmpty {
            let closed = tracked.filter { !($0.tracking?.isOpen ?? true) }.count
            lines.append("  tracked: \(tracked.count) (\(closed) closed: accepted, mitigated or false-positive)")
            for finding in tracked where finding.tracking?.isExpired == true {
                lines.append("  EXPIRED " + TerminalText.escaped("\(finding.tracking?.status.rawValue ?? "") of \(finding.id) on \(finding.tracking?.expires ?? "")") + ": open again")
            }
        }
        for path in written { lines.append("wrote \(TerminalText.escaped(path))") }
        return lines.joined(separator: "\n")
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard colored else { return text }
        let code: String
        switch severity {
        case .critical: code = "1;35"
        case .high: code = "1;31"
        case .medium: code = "33"
        case .low: code = "36"
        case .note: code = "2"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
