import Foundation
import Testing
@testable import ThreatscribeCore

/// Each bad model in `Fixtures/models/` prints exactly the diagnostics of its `.expected` file.
@Suite struct ModelLoadFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/models")

    static var fixtures: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }

    @Test(arguments: fixtures)
    func printsTheExpectedDiagnostics(_ name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let expectedURL = Self.folder.appendingPathComponent((name as NSString).deletingPathExtension + ".expected")
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        let actual = loadDiagnostics(text, file: name).joined(separator: "\n") + "\n"
        #expect(actual == expected, "\(name) prints:\n\(actual)")
    }

    @Test func validSummaryNamesTheEnvironments() throws {
        let loaded = try #require(loadModel("system:\n  name: Shop\nenvironments:\n  - name: dev\n  - name: prod\n", file: "shop.yaml"))
        #expect(loaded.validationSummary == "shop.yaml: valid (2 environments: dev, prod)")
        let single = try #require(loadModel("system:\n  name: Shop\n", file: "shop.yaml"))
        #expect(single.validationSummary == "shop.yaml: valid (1 environment: default)")
    }
}
