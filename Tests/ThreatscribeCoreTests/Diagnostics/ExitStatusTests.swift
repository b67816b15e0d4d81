import Testing
@testable import ThreatscribeCore

/// The documented exit codes, and which errors count as bad input.
struct ExitStatusTests {
    struct Unexpected: Error {}

    @Test func codesAreTheDocumentedOnes() {
        #expect(ExitStatus.allCases.map(\.rawValue) == [0, 1, 2, 3])
    }

    @Test func inputProblemsAreInvalidInputAndAnythingElseIsInternal() {
        let diagnostic = Diagnostic(.error, "bad", at: SourceLocation(file: "m.yaml", line: 1, column: 1))
        #expect(ExitStatus(unhandled: DiagnosticList([diagnostic])) == .invalidInput)
        #expect(ExitStatus(unhandled: diagnostic) == .invalidInput)
        #expect(ExitStatus(unhandled: Unexpected()) == .internalError)
        #expect(ExitStatus(unhandled: RenderError.missingTemplate(path: "Templates/x")) == .internalError)
    }
}
