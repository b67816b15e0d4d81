import Foundation
import Testing
@testable import ThreatscribeCore

/// Every model in `Samples/` loads, and the samples say what their seeds say.
@Suite struct ModelLoadSampleTests {
    static let samples = ModelLoadSchemaTests.repository.appendingPathComponent("Samples")

    static func sample(_ name: String) throws -> LoadedModel {
        let url = samples.appendingPathComponent(name)
        return try ModelLoader.load(text: String(contentsOf: url, encoding: .utf8), file: "Samples/\(name)")
    }

    static var sampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func everySampleValidatesAndPointsEditorsAtTheSchema() throws {
        let names = Self.sampleNames
        #expect(names.contains("minimal.yaml") && names.count >= 4)
        for name in names {
            let text = try String(contentsOf: Self.samples.appendingPathComponent(name), encoding: .utf8)
            #expect(text.hasPrefix("# yaml-language-server: $schema=../docs/threatscribe.schema.json\n"), "\(name)")
            do {
                _ = try ModelLoader.load(text: text, file: "Samples/\(name)")
            } catch {
                Issue.record("\(name):\n\(error.description)")
            }
        }
    }

    @Test func homeSecurityIntelligence() throws {
        let loaded = try Self.sample("home-security-intelligence.yaml")
        #expect(loaded.environments.map(\.name) == ["development", "development-wildcard", "production"])
        let development = try #require(loaded.environments[0].model.middleware?.first)
        #expect(development.allowOrigins?.count == 6)
        #expect(development.allowCredentials == true)
        #expect(development.allowMethods == ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
        let wildcard = try #require(loaded.environments[1].model.middleware?.first)
        #expect(wildcard.allowOrigins == ["*"] && wildcard.allowCredentials == false, "credentials off when \"*\" is present")
        let production = loaded.environments[2]
        #expect(production.model.middleware?.first?.allowOrigins == ["https://security.example.com"])
        #expect(production.model.middleware?[1].headers?["X-Frame-Options"] == "DENY")
        #expect(loaded.baseLocations.inCode["middleware[0]"] == SourceLocation(file: "backend/main.py", line: 1127, column: 1))
        #expect(loaded.baseLocations.inCode["middleware[1]"] == SourceLocation(file: "backend/api/middleware/security_headers.py", line: 104, column: 1))
    }

    @Test func betzensteinBooking() throws {
        let loaded = try Self.sample("betzenstein-booking.yaml")
        #expect(loaded.environments.map(\.name) == ["development", "preview", "production"])
        let origins = loaded.environments.map { $0.model.middleware?.first?.allowOrigins ?? [] }
        #expect(origins == [
            ["http://localhost:3000"],
            ["http://localhost:3000", "https://betzenstein-preview.vercel.app", "https://betzenstein.app"],
            ["https://betzenstein.app"],
        ])
        #expect(loaded.base.auth?.first?.type == .signedUrlToken)
        #expect(loaded.base.auth?.first?.transport == .query)
    }

    @Test func fastapiKubernetesShipsDevelopmentCORS() throws {
        let loaded = try Self.sample("fastapi-kubernetes.yaml")
        let production = try #require(loaded.environments.first { $0.kind == .production })
        #expect(production.model.middleware?.first?.allowOrigins == ["*"])
        #expect(production.model.app?.docsUrl == nil)
        #expect(production.model.deployment?.container?.runsAsRoot == true)
    }

    @Test func minimalHasOneDefaultEnvironment() throws {
        let loaded = try Self.sample("minimal.yaml")
        #expect(loaded.environments.map(\.name) == ["default"])
        #expect(loaded.base.middleware == nil && loaded.base.deployment == nil)
    }
}
