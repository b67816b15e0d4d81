import ArgumentParser
import Foundation
import ThreatscribeCore

/// Prints diagnostics to standard error, one `file:line:col: error: message` a line, with every
/// control character of the file name and the message made visible (`TerminalText`).
func report(_ diagnostics: DiagnosticList) {
    var inert = diagnostics
    inert.diagnostics = diagnostics.diagnostics.map { diagnostic in
        var diagnostic = diagnostic
        diagnostic.message = TerminalText.escaped(diagnostic.message)
        if let file = diagnostic.location?.file { diagnostic.location?.file = TerminalText.escaped(file) }
        return diagnostic
    }
    FileHandle.standardError.write(Data((inert.description + "\n").utf8))
}

/// Prints `error: message` to standard error, the message made inert (`TerminalText`).
func printError(_ message: String) {
    FileHandle.standardError.write(Data("error: \(TerminalText.escaped(message))\n".utf8))
}

/// Runs `body`; on diagnostics, prints them and exits with code 2 (bad input, nothing written).
func exitingOnBadInput<T>(_ body: () throws(DiagnosticList) -> T) throws -> T {
    do { return try body() } catch {
        report(error)
        throw ExitCode(2)
    }
}
