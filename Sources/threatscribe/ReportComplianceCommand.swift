import ArgumentParser
import ThreatscribeCore

/// `threatscribe report compliance --standard asvs-5.0 MODEL --output DIR`
struct ReportComplianceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance",
        abstract: "Write the compliance matrix of a model against a standard (Markdown, HTML and CSV).")

    @Option(help: "The standard: \(ComplianceStandard.allCases.map(\.rawValue).joined(separator: ", ")).")
    var standard: String

    @OptionGroup var document: DocumentOptions

    func run() throws {
        guard let chosen = ComplianceStandard(rawValue: standard.lowercased()) else {
            throw ValidationError("unknown standard `\(standard)`; use \(ComplianceStandard.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let (catalog, report) = try document.analyse()
        let files = try document.rendered { templates in
            try ComplianceDocument(standard: chosen).render(report, catalog: catalog, templates: templates)
        }
        try document.write(files)
    }
}
