import ArgumentParser

/// `threatscribe report <document> MODEL --output DIR`: documents other than the threat model.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a document about one model: an ADR draft or a compliance matrix.",
        subcommands: [
            // one subcommand a line
            ReportADRCommand.self,
            ReportComplianceCommand.self,
        ]
    )
}
