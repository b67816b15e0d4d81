import Foundation
import Testing
@testable import ThreatscribeCore

/// The work a run overlaps on a second core (prose converted ahead of the HTML report, values worked out
/// on a thread of their own, the catalog loaded without the vocabulary) gives what the work done in turn
/// gives.
@Suite struct RenderOverlapTests {
    @Test(arguments: ["fastapi-kubernetes.yaml", "betzenstein-booking.yaml"])
    func proseMarkdownListsEveryProseTheViewHolds(sample: String) throws {
        let report = try SampleReportTests.report(for: sample)
        let view = ThreatModelView(report: report, catalogEntryCount: report.catalogEntryCount)
        var found: [String] = []
        Self.collectProse(in: view, into: &found)
        #expect(!found.isEmpty)
        #expect(Set(view.proseMarkdown) == Set(found))
    }

    /// Every `Prose` value reachable from `value`, by reflection.
    private static func collectProse(in value: Any, into found: inout [String]) {
        if let prose = value as? Prose {
            found.append(prose.markdown)
            return
        }
        if value is String || value is Code { return }
        for child in Mirror(reflecting: value).children { collectProse(in: child.value, into: &found) }
    }

    @Test func prefetchFromBothEndsConvertsEachTextIntoTheMemo() {
        let texts = (0..<60).map { "Item \($0 % 40): use `Depends(auth)` on *router* \($0 % 40) & <b>bold</b>." }
        let distinct = Array(Set(texts))
        let memo = ProseHTMLMemo()
        let prefetch = ProseHTMLPrefetch(texts, memo: memo)
        #expect(prefetch.remaining == 40)
        _ = [true, false, false].concurrentMap { fromFront in
            if fromFront { prefetch.convertFromFront() } else { prefetch.convertFromBack() }
            return 0
        }
        #expect(prefetch.remaining == 0)
        let expected = distinct.map { $0.utf8.count + ProseHTML.html(fromMarkdown: $0).utf8.count }.reduce(0, +)
        #expect(memo.keptBytes == expected)
        for text in distinct { #expect(memo.html(fromMarkdown: text) == ProseHTML.html(fromMarkdown: text)) }
        #expect(memo.keptBytes == expected)
    }

    @Test func prefetchDuringWorkLeavesTheRestForLater() {
        let texts = (0..<30).map { "Paragraph \($0) with `code` and **strong** words." }
        let memo = ProseHTMLMemo()
        let prefetch = ProseHTMLPrefetch(texts, memo: memo)
        #expect(prefetch.convertFromBack { 7 } == 7)
        // Work that lasts until a text has been converted on the other core (or a while, on one core).
        let slow = prefetch.convertFromBack { () -> Int in
            let deadline = Date().addingTimeInterval(5)
            while memo.keptBytes == 0, Date() < deadline { usleep(100) }
            return 8
        }
        #expect(slow == 8)
        // Once the work is done the conversion pauses, and the texts left are converted by whoever asks next.
        prefetch.convertFromFront()
        #expect(prefetch.remaining == 0)
        for text in texts { #expect(memo.html(fromMarkdown: text) == ProseHTML.html(fromMarkdown: text)) }
        #expect(memo.keptBytes == texts.map { $0.utf8.count + ProseHTML.html(fromMarkdown: $0).utf8.count }.reduce(0, +))
    }

    @Test func prefetchStopsWhenTheMemoIsFull() {
        let texts = (0..<20).map { "A paragraph number \($0) with some **strong** words in it." }
        let memo = ProseHTMLMemo(byteLimit: 300)
        let prefetch = ProseHTMLPrefetch(texts, memo: memo)
        prefetch.convertFromFront()
        #expect(prefetch.remaining > 0)
        #expect(memo.keptBytes <= 300)
        prefetch.convertFromBack()
        #expect(prefetch.remaining > 0)
    }

    @Test func htmlAloneRenderedWithItsProseAheadMatchesTheRenderer() throws {
        let report = try SampleReportTests.report(for: "fastapi-kubernetes.yaml")
        let view = ThreatModelView(report: report, catalogEntryCount: report.catalogEntryCount)
        let together = try renderReport(report, formats: [.html])
        #expect(together == (try HTMLReportRenderer().render(view, templates: .builtIn)))
    }

    @Test func backgroundValueIsTheWorksResult() {
        let sum = BackgroundValue { (1...1000).reduce(0, +) }
        let nothing = BackgroundValue { Int?.none }
        #expect(sum.value == 500_500)
        #expect(sum.value == 500_500)
        #expect(nothing.value == nil)
        let taken = BackgroundValue { [1, 2, 3] }
        #expect(taken.take() == [1, 2, 3])
    }

    @Test func backgroundValueIsAvailableBeforeWhatFollowsItFinishes() {
        let gate = NSCondition()
        let state = Box()
        let value = BackgroundValue({ 42 }, then: {
            gate.lock()
            while !state.isOpen { gate.wait() }
            state.followed = true
            gate.unlock()
        })
        #expect(value.value == 42)
        gate.lock()
        #expect(!state.followed)
        state.isOpen = true
        gate.broadcast()
        gate.unlock()
        withoutHanging { value.waitUntilFinished() }
        gate.lock()
        #expect(state.followed)
        gate.unlock()
    }

    private final class Box: @unchecked Sendable {
        var isOpen = false
        var followed = false
    }

    @Test func builtInCatalogWithoutUserFilesNeedsNoVocabulary() throws {
        let alone = try BuiltInCatalog.load(vocabulary: { Issue.record("vocabulary worked out"); return Analyzers.vocabulary }())
        let parsed = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        #expect(alone.entries == parsed.entries)
        #expect(alone.disabledIDs == parsed.disabledIDs)
    }
}
