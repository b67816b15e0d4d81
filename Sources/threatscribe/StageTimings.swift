import Foundation
import ThreatscribeCore

/// Durations of `analyze`'s stages, printed to standard error when `THREATSCRIBE_TIMINGS=1` (for
/// `Benchmarks/run`; not a documented option). Each line: `timing STAGE SECONDS`, the time since
/// the previous line. Off, it records nothing and the report is rendered as usual.
final class StageTimings: @unchecked Sendable {
    let isEnabled: Bool
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private let lock = NSLock()

    init(enabled: Bool) {
        isEnabled = enabled
        last = clock.now
    }

    /// Prints the time since the previous record as `stage`.
    func record(_ stage: String) {
        guard isEnabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = clock.now
        let seconds = Double((now - last).components.attoseconds) / 1e18 + Double((now - last).components.seconds)
        FileHandle.standardError.write(Data("timing \(stage) \(String(format: "%.4f", seconds))\n".utf8))
        last = now
    }

    /// The files of `renderReport`, rendered one stage at a time so each is timed: the view (when a
    /// document format needs it), then each format in turn (not concurrently, unlike `renderReport`).
    func renderedByStage(_ report: AnalysisReport, formats: [ReportFormat], templates: ResourceStore) throws -> [RenderedFile] {
        record("before-render")
        let needsView = formats.contains { if case .document = $0.output { true } else { false } }
        let view = needsView ? ThreatModelView(report: report, catalogEntryCount: report.catalogEntryCount) : nil
        if needsView { record("view") }
        var files: [RenderedFile] = []
        for format in formats {
            files += try render(report, view: view, as: format, templates: templates)
            record("render-\(format.rawValue)")
        }
        return files
    }
}
