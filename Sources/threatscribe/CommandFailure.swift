import ArgumentParser
import Foundation
import ThreatscribeCore

/// Prints diagnostics to standard error, one `file:line:col: error: message` a line.
func report(_ diagnostics: DiagnosticList) {
    FileHandle.standardError.write(Data((diagnostics.description + "\n").utf8))
}

/// Runs `body`; on diagnostics, prints them and exits with code 2 (bad input, nothing written).
func exitingOnBadInput<T>(_ body: () throws(DiagnosticList) -> T) throws -> T {
    do { return try body() } catch {
        report(error)
        throw ExitCode(2)
    }
}
