/// threatscribe's exit codes, the same for every command (documented in `docs/ci.md`).
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// The command did what was asked; no finding reached `--fail-on`.
    case success = 0
    /// The report was written and a finding is at or above `--fail-on`.
    case findingsAtThreshold = 1
    /// Bad input or usage: every problem was printed, nothing was written.
    case invalidInput = 2
    /// A bug in threatscribe: an error no input should cause. Nothing was written.
    case internalError = 3

    /// The status for an error that nothing handled before the top of a command: a problem with the
    /// user's input (a diagnostic, a CORS configuration error, a template of the user's) is `invalidInput`;
    /// anything else is `internalError`, never `1`, which CI reads as "findings".
    public init(unhandled error: any Error) {
        switch error {
        case is DiagnosticList, is Diagnostic, is CORSConfigurationError: self = .invalidInput
        default: self = .internalError
        }
    }
}
