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

    /// Keys whose values are enumerations the model decoder checks: when the probe is rejected in all
    /// of them at once, they are not tried one by one.
    private static let enumeratedKeys: Set<String> = [
        "type", "exposure", "data_classification", "framework", "middleware_style", "transport",
        "secret_source", "credentials_source", "kind", "docs_assets", "secrets",
    ]

    /// The model with `payload` in every string that accepts a short probe made of the same kinds of
    /// characters (enumerations and ids keep their text). The strings under one key name are tried
    /// together and one by one only when the model rejects them, which keeps the validity checks few.
    static func poisoned(_ yaml: String, payload: String) throws -> (text: String, replaced: Int) {
        let probe = "\u{600}<\u{301}\"' `\\ ```x``` \u{1}"
        let root = try Yams.load(yaml: yaml) as Any
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
        func key(of path: [Any]) -> String {
            path.last { $0 is String } as? String ?? ""
        }
        let leaves = strings(under: [], in: root)
        var groups: [String: [[Any]]] = [:]
        for leaf in leaves { groups[key(of: leaf), default: []].append(leaf) }
        var probed = root
        var accepted: [[Any]] = []
        for name in groups.keys.sorted() {
            let group = groups[name]!
            let candidate = group.reduce(probed) { ModelInjectionTests.setting(probe, at: $1, in: $0) }
            if isValid(candidate) {
                probed = candidate
                accepted += group
                continue
            }
            guard group.count > 1, !enumeratedKeys.contains(name) else { continue }
            for leaf in group {
                let candidate = ModelInjectionTests.setting(probe, at: leaf, in: probed)
                if isValid(candidate) { probed = candidate; accepted.append(leaf) }
            }
        }
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
