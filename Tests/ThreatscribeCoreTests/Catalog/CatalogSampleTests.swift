import Testing
@testable import ThreatscribeCore

/// One generic test runs every catalog entry's samples: each `trigger` model must produce a finding
/// of that entry, each `no_trigger` model must not.
struct CatalogSampleTests {
    static let catalog: ThreatCatalog = {
        do { return try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary) } catch {
            fatalError("built-in catalog does not load:\n\(error)")
        }
    }()

    struct Case: CustomTestStringConvertible, Sendable {
        var entryID: String
        var sample: CatalogSample
        var mustTrigger: Bool
        var testDescription: String { "\(entryID) \(mustTrigger ? "trigger" : "no_trigger") @\(sample.location.line)" }
    }

    static let cases: [Case] = catalog.entries.flatMap { entry in
        entry.samples.trigger.map { Case(entryID: entry.id, sample: $0, mustTrigger: true) }
            + entry.samples.noTrigger.map { Case(entryID: entry.id, sample: $0, mustTrigger: false) }
    }

    @Test("catalog samples", arguments: cases)
    func sample(_ sampleCase: Case) throws {
        let model: LoadedModel
        do {
            model = try ModelLoader.load(text: sampleCase.sample.model, file: sampleCase.sample.location.file)
        } catch {
            Issue.record("sample at \(sampleCase.sample.location) is not a valid model:\n\(error)")
            return
        }
        let analysis = ThreatAnalysis(catalog: Self.catalog)
        let report = try analysis.run(on: model, options: .init(generatedAt: "2026-01-01", toolVersion: "test"))
        let fired = report.findings.filter { $0.threatID == sampleCase.entryID }
        if sampleCase.mustTrigger {
            #expect(!fired.isEmpty, "\(sampleCase.entryID) did not fire on its trigger sample at \(sampleCase.sample.location)")
        } else {
            #expect(fired.isEmpty, "\(sampleCase.entryID) fired on its no_trigger sample at \(sampleCase.sample.location): \(fired.map(\.id))")
        }
    }

    @Test func everyEntryHasBothSampleKinds() {
        for entry in Self.catalog.entries {
            #expect(!entry.samples.trigger.isEmpty && !entry.samples.noTrigger.isEmpty, "\(entry.id) lacks a sample kind")
        }
    }
}
