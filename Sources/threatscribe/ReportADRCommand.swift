import ArgumentParser
import ThreatscribeCore

/// `threatscribe report adr --decision cors-policy MODEL --output DIR [--style madr|nygard] [--number N] [--status proposed]`
struct ReportADRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adr",
        abstract: "Draft an architecture decision record from a model (MADR 4.0 or Nygard), with the findings against it.")

    @Option(help: "The decision: \(ADRDecision.allCases.map(\.rawValue).joined(separator: ", ")).")
    var decision: String

    @Option(help: "The layout: madr (MADR 4.0.0) or nygard.")
    var style: String = "madr"

    @Option(help: "The record's number (ADR-0011, file adr-0011-<decision>).")
    var number: Int?

    @Option(help: "The status: proposed, accepted, rejected, deprecated, or \"superseded by ADR-NNNN\".")
    var status: String = "proposed"

    @OptionGroup var document: DocumentOptions

    func validate() throws {
        guard ADRDecision(rawValue: decision) != nil else {
            throw ValidationError("unknown decision `\(decision)`; use \(ADRDecision.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard ADRStyle(rawValue: style) != nil else { throw ValidationError("unknown style `\(style)`; use madr or nygard") }
        if let number, !(0...9999).contains(number) { throw ValidationError("--number must be between 0 and 9999") }
        let known = ["proposed", "accepted", "rejected", "deprecated"]
        guard known.contains(status) || (status.hasPrefix("superseded by ") && status.count > 14 && !status.contains(where: \.isNewline)) else {
            throw ValidationError("unknown status `\(status)`; use \(known.joined(separator: ", ")) or \"superseded by ADR-NNNN\"")
        }
    }

    func run() throws {
        let record = ADRDocument(decision: ADRDecision(rawValue: decision)!, style: ADRStyle(rawValue: style)!, number: number, status: status)
        let (_, report) = try document.analyse()
        try document.write(try document.rendered { templates in try record.render(report, templates: templates) })
    }
}
