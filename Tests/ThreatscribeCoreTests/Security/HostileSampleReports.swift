import Foundation
import Yams
@testable import ThreatscribeCore

/// Every Sample with a payload in every string field the model accepts it in, analysed and rendered,
/// plus the fixture report with the payload in every catalog-supplied field (`HostileReport`).
///
/// The payload joins the HTML breakouts of `GraphemeInjectionTests` and the Markdown ones of
/// `MarkdownInjectionTests`; the reports are made once and shared.
enum HostileSampleReports {
    static let samples = ["betzenstein-booking.yaml", "fastapi-kubernetes.yaml", "home-security-intelligence.yaml", "minimal.yaml"]

    struct Rendered {
        var name: String
        /// How many model strings hold the payload (-1 for the fixture report).
        var replaced: Int
        var html: String
        var markdown: String
    }

    /// The samples and the fixture with `HostilePayload`, made once (in parallel) and shared.
    static let all: [Rendered] = {
        do { return try render(payload: HostilePayload.text, references: HostilePayload.references) } catch {
            fatalError("cannot render the hostile samples: \(error)")
        }
    }()

    static func render(payload: String, references: [String]) throws -> [Rendered] {
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let results = Results(count: samples.count + 1)
        DispatchQueue.concurrentPerform(iterations: samples.count + 1) { index in
            results.set(index, Result {
                guard index < samples.count else {
                    var fixture = HostileReport.make(payload)
                    fixture.findings = fixture.findings.map { finding in
                        var finding = finding
                        finding.references += references
                        return finding
                    }
                    return try rendered("HostileReport", replaced: -1, fixture)
                }
                let sample = samples[index]
                let source = try String(contentsOf: SampleReportTests.root.appendingPathComponent("Samples/\(sample)"), encoding: .utf8)
                let (text, replaced) = try poisoned(source, payload: payload)
                let model = try ModelLoader.load(text: text, file: "poisoned.yaml")
                let report = try ThreatAnalysis(catalog: catalog).run(on: model, options: .init(generatedAt: "2026-01-15", toolVersion: "test"))
                return try rendered(sample, replaced: replaced, report)
            })
        }
        return try results.values.map { try $0!.get() }
    }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [Result<Rendered, any Error>?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Result<Rendered, any Error>) { lock.withLock { values[index] = value } }
    }

    /// The model with `payload` in every string that accepts a short probe made of the same kinds of
    /// characters (enumerations and ids keep their text). A whole subtree is tried at once and split
    /// only when the model rejects it, which keeps the number of validity checks small.
    static func poisoned(_ yaml: String, payload: String) throws -> (text: String, replaced: Int) {
        let probe = "\u{600}<\u{301}\"' `\\ ```x``` \u{1}"
        let root = try Yams.load(yaml: yaml) as Any
        var probed = root
        var accepted: [[Any]] = []
        func isValid(_ candidate: Any) -> Bool {
            guard let text = try? Yams.dump(object: candidate) else { return false }
            return (try? ModelLoader.load(text: text, file: "poisoned.yaml")) != nil
        }
        func strings(under path: [Any], in node: Any) -> [[Any]] {
            if let dictionary = node as? [String: Any] {
                return dictionary.keys.sorted().flatMap { strings(under: path + [$0], in: dictionary[$0]!) }
            } else if let array = node as? [Any] {
                return array.indices.flatMap { strings(under: path + [$0], in: array[$0]) }
            }
            return node is String && !path.isEmpty ? [path] : []
        }
        func visit(_ path: [Any]) {
            guard let node = ModelInjectionTests.value(at: path, in: probed) else { return }
            let leaves = strings(under: path, in: node)
            guard !leaves.isEmpty else { return }
            let candidate = leaves.reduce(probed) { ModelInjectionTests.setting(probe, at: $1, in: $0) }
            if isValid(candidate) {
                probed = candidate
                accepted += leaves
            } else if let dictionary = node as? [String: Any] {
                for key in dictionary.keys.sorted() { visit(path + [key]) }
            } else if let array = node as? [Any] {
                for index in array.indices { visit(path + [index]) }
            }
        }
        visit([])
        var poisoned = root
        for path in accepted { poisoned = ModelInjectionTests.setting(payload, at: path, in: poisoned) }
        return (try Yams.dump(object: poisoned), accepted.count)
    }

    private static func rendered(_ name: String, replaced: Int, _ report: AnalysisReport) throws -> Rendered {
        let files = try renderReport(report, formats: [.markdown, .html])
        return Rendered(
            name: name, replaced: replaced,
            html: files.first { $0.name.hasSuffix(".html") }?.contents ?? "",
            markdown: files.first { $0.name.hasSuffix(".md") }?.contents ?? ""
        )
    }
}
