import Testing
@testable import ThreatscribeCore

@Test func sourceLocationPrintsCompilerStyle() {
    #expect(SourceLocation(file: "m.yaml", line: 3, column: 7).description == "m.yaml:3:7")
}
