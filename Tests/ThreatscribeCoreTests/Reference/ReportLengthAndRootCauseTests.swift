import Foundation
import Testing
@testable import ThreatscribeCore

/// Issue 9, "Done when": each Sample's Markdown report is at most 40% of its length before the change,
/// no two items share a title, and every root cause the old report named is still there.
struct ReportLengthAndRootCauseTests {
    /// `wc -w` of each Sample's Markdown report before issue 9 (commit 0f4253c).
    static let baselineWords = [
        "betzenstein-booking": 16171, "fastapi-kubernetes": 17675, "home-security-intelligence": 9526, "minimal": 993,
    ]
    static func markdown(_ sample: String) throws -> String {
        try #require(try SampleReportTests.rendered(sample + ".yaml").first { $0.name.hasSuffix(".md") }).contents
    }

    /// Words as `wc -w` counts them: runs of non-whitespace.
    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).count
    }

    @Test("the report is at most 40% of its old length", arguments: baselineWords.keys.sorted())
    func shorter(_ sample: String) throws {
        let words = Self.wordCount(try Self.markdown(sample))
        let budget = Double(Self.baselineWords[sample]!) * 0.4
        #expect(Double(words) <= budget, "\(sample): \(words) words, budget \(Int(budget))")
    }

    @Test("no two items share a title", arguments: baselineWords.keys.sorted())
    func distinctTitles(_ sample: String) throws {
        let titles = try Self.markdown(sample).split(separator: "\n").filter { $0.hasPrefix("### ") && $0.contains(": ") }
            .filter { line in ["Critical", "High", "Medium", "Low", "Note"].contains { line.hasPrefix("### \($0): ") } }
        #expect(Set(titles).count == titles.count, "\(sample): \(titles.filter { t in titles.filter { $0 == t }.count > 1 })")
    }

    @Test("titles never name an environment", arguments: baselineWords.keys.sorted())
    func titlesWithoutEnvironments(_ sample: String) throws {
        let report = try SampleReportTests.report(for: sample + ".yaml")
        let titles = try Self.markdown(sample).split(separator: "\n").filter { $0.hasPrefix("### ") }
        for name in report.environments {
            #expect(!titles.contains { $0.hasSuffix(" in \(name)") || $0.contains(" in \(name) ") }, "\(sample): \(name)")
        }
    }

    /// `RootCauses/<sample>.tsv`, derived from the report before issue 9: one line per root cause, its key
    /// (`THREAT-ID@model.path`, or the advisory id for a dependency advisory), what it is about and, where a
    /// later change folded it into another item, that item's key and why (a third and fourth column).
    static func rootCauses(_ sample: String) throws -> [(key: String, about: String, successor: String?)] {
        let url = SampleReportTests.root.appendingPathComponent("Tests/ThreatscribeCoreTests/Reference/RootCauses/\(sample).tsv")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "", parts.count > 3 ? parts[2] : nil)
        }
    }

    @Test("every root cause of the old report is still there", arguments: baselineWords.keys.sorted())
    func rootCausesKept(_ sample: String) throws {
        let causes = try Self.rootCauses(sample)
        #expect(sample == "minimal" || !causes.isEmpty)
        let report = try SampleReportTests.report(for: sample + ".yaml")
        // The Markdown escapes `[` in text; ids in code spans are verbatim.
        let text = try Self.markdown(sample).replacingOccurrences(of: "\\", with: "")
        for cause in causes {
            // A cause folded into another item (one upgrade finding per package, the document headers of a
            // JSON-only API) is found through that item; an advisory is still named in it.
            let key = cause.successor ?? cause.key
            #expect(text.contains(key), "\(sample): lost \(key) (\(cause.about))")
            if cause.key.hasPrefix("GHSA-") { #expect(text.contains(cause.key), "\(sample): the upgrade item does not name \(cause.key)") }
            // And the analysis still finds it.
            #expect(report.findings.contains { $0.id.hasPrefix(key + "#") || $0.id == key || $0.id.contains(key) },
                    "\(sample): no finding for \(key)")
        }
    }
}
