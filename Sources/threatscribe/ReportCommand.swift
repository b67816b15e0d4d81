import ArgumentParser
import ThreatscribeCore

/// `threatscribe report …`: the documents reviewers otherwise write by hand, from a model.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a security document from a model: a mitigation analysis, configuration documentation, an ADR draft or a compliance matrix (Markdown and HTML).",
        subcommands: [
            // one subcommand a line
            Mitigation.self,
            ConfigDoc.self,
            ReportADRCommand.self,
            ReportComplianceCommand.self,
        ]
    )

    /// `threatscribe report mitigation --control C MODEL --output DIR`
    struct Mitigation: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mitigation",
            abstract: "Deep analysis of one mitigation (a control) as this service uses it.",
            discussion: "Controls: \(MitigationControl.allCases.map(\.rawValue).joined(separator: ", ")).")

        @Option(help: "The control to analyse: \(MitigationControl.allCases.map(\.rawValue).joined(separator: ", ")).")
        var control: MitigationControl

        @OptionGroup var options: DocumentOptions

        func run() throws {
            let report = try options.analysedModel()
            try options.write(MitigationDocument(control: control, report: report).view, as: .mitigation)
        }
    }

    /// `threatscribe report config-doc --control C MODEL --output DIR`
    struct ConfigDoc: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "config-doc",
            abstract: "Configuration documentation of one control (key files, headers, checklist, troubleshooting, testing).",
            discussion: "Controls: \(ConfigDocControl.allCases.map(\.rawValue).joined(separator: ", ")).")

        @Option(help: "The control to document: \(ConfigDocControl.allCases.map(\.rawValue).joined(separator: ", ")).")
        var control: ConfigDocControl

        @OptionGroup var options: DocumentOptions

        func run() throws {
            let report = try options.analysedModel()
            try options.write(ConfigDocDocument(control: control, report: report).view, as: .configDoc)
        }
    }
}

extension MitigationControl: ExpressibleByArgument {}
extension ConfigDocControl: ExpressibleByArgument {}
