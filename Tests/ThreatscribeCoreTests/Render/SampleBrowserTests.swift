import Foundation
import Testing
@testable import ThreatscribeCore

/// Each Sample's HTML report opened in headless Chromium as a reader opens it (a `.html` file): it sends
/// no request, logs no error, shows the summary on the first screen (1280×900), and its severity and
/// environment filters work without a script, also when read as XHTML. A screenshot of the first screen is written per Sample to
/// `.build/screenshots/` for review.
@Suite(.serialized)
struct SampleBrowserTests {
    static let screenshots = SampleReportTests.root.appendingPathComponent(".build/screenshots")

    /// Evaluated by DevTools after the load event (the report itself has no script): where the summary is,
    /// and what each filter leaves visible when its radio button is chosen.
    static let probe = """
        (() => {
          const summary = document.getElementById('executive-summary') || document.getElementById('summary');
          const box = summary ? summary.getBoundingClientRect() : null;
          const shown = (e) => e.getClientRects().length > 0;
          const findings = [...document.querySelectorAll('article.finding')];
          const check = (radio, cls) => {
            radio.checked = true;
            const visible = findings.filter(shown);
            const expected = findings.filter((f) => f.classList.contains(cls));
            const ok = visible.length === expected.length && visible.every((f) => f.classList.contains(cls));
            if (!ok) return radio.id + ': ' + visible.length + ' shown, ' + expected.length + ' expected';
            const empty = document.querySelector('.filter-empty');
            if (radio.name === 'severity' && empty && shown(empty) !== (expected.length === 0)) {
              return radio.id + ': the "no finding" note is ' + (shown(empty) ? 'shown' : 'hidden') + ' with ' + expected.length + ' findings';
            }
            return null;
          };
          const problems = [];
          for (const radio of document.querySelectorAll('input[name="severity"]:not([value="all"])')) {
            problems.push(check(radio, 'sev-' + radio.value));
          }
          for (const all of document.querySelectorAll('input[value="all"]')) all.checked = true;
          for (const radio of document.querySelectorAll('input[name="environment"]:not([value="all"])')) {
            problems.push(check(radio, radio.value));
          }
          for (const all of document.querySelectorAll('input[value="all"]')) all.checked = true;
          return {
            summaryTop: box ? box.top : -1,
            summaryHeight: box ? box.height : 0,
            severityFilters: document.querySelectorAll('input[name="severity"]').length,
            environmentFilters: document.querySelectorAll('input[name="environment"]').length,
            findings: findings.length,
            allShown: findings.filter(shown).length,
            filterProblems: problems.filter((p) => p !== null),
          };
        })()
        """

    /// Evaluated with the print stylesheet: the filter bar and the contents are not printed, and what
    /// `<details>` folds on screen (the methodology) is printed.
    static let printProbe = """
        (() => {
          const shown = (e) => e !== null && e.getClientRects().length > 0;
          const methodology = document.querySelector('details.methodology ol');
          return {
            filtersPrinted: shown(document.querySelector('nav.filters')),
            contentsPrinted: shown(document.querySelector('nav.toc')),
            methodologyPrinted: methodology === null || (shown(methodology) && methodology.getBoundingClientRect().height > 0),
          };
        })()
        """

    @Test(
        "each Sample's HTML in headless Chromium: no request, no console error, summary on the first screen, filters work",
        .enabled(if: HeadlessChromium.path != nil, "chromium is NOT installed: browser check skipped (bash scripts/install-test-deps.sh)"),
        arguments: SampleReportTests.samples)
    func sampleInChromium(_ sample: String) throws {
        let name = String(sample.dropLast(".yaml".count))
        let html = try #require(try SampleReportTests.rendered(sample).first { $0.name.hasSuffix(".html") })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("threatscribe-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("\(name).html")
        try html.contents.write(to: file, atomically: true, encoding: .utf8)

        let load = try withoutHanging {
            let browser = try ChromiumDevTools(chromium: try #require(HeadlessChromium.path))
            return try browser.load(file, probe: Self.probe, printProbe: Self.printProbe)
        }
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        let shot = Self.screenshots.appendingPathComponent("\(name).png")
        try load.screenshot.write(to: shot)
        if let printed = load.printScreenshot {
            try printed.write(to: Self.screenshots.appendingPathComponent("\(name)-print.png"))
        }
        print("screenshot of \(sample): \(shot.path) (print layout: \(name)-print.png)")
        let print = try #require(load.printProbe as? [String: Any], "\(sample): print probe returned \(String(describing: load.printProbe))")
        #expect(print["filtersPrinted"] as? Bool == false && print["contentsPrinted"] as? Bool == false, "\(sample): \(print)")
        #expect(print["methodologyPrinted"] as? Bool == true, "\(sample): the folded methodology is not printed")

        #expect(load.requests.isEmpty, "\(sample): requests \(load.requests)")
        #expect(load.consoleErrors.isEmpty, "\(sample): console errors \(load.consoleErrors)")
        let probe = try #require(load.probe as? [String: Any], "\(sample): probe returned \(String(describing: load.probe))")
        let top = probe["summaryTop"] as? Double ?? -1
        let height = probe["summaryHeight"] as? Double ?? 0
        #expect(top >= 0 && top + min(height, 150) <= 900, "\(sample): the summary starts at \(top) px (height \(height))")
        let report = try SampleReportTests.report(for: sample)
        if !report.findings.isEmpty {
            #expect(probe["severityFilters"] as? Int ?? 0 >= 2, "\(sample): no severity filter")
        }
        if Set(report.findings.flatMap(\.environments)).count > 1 {
            #expect(probe["environmentFilters"] as? Int ?? 0 >= 3, "\(sample): no environment filter")
        }
        #expect(probe["allShown"] as? Int == probe["findings"] as? Int, "\(sample): not every finding is shown unfiltered")
        let problems = probe["filterProblems"] as? [String] ?? ["probe gave no filter result"]
        #expect(problems.isEmpty, "\(sample): \(problems)")

        // The same file read by Chromium's XML parser (saved as .xhtml): well-formed, same checks.
        let xhtml = folder.appendingPathComponent("\(name).xhtml")
        try html.contents.write(to: xhtml, atomically: true, encoding: .utf8)
        let asXML = try withoutHanging {
            try ChromiumDevTools(chromium: try #require(HeadlessChromium.path)).load(xhtml, probe: Self.probe)
        }
        #expect(asXML.requests.isEmpty && asXML.consoleErrors.isEmpty, "\(sample) as XHTML: \(asXML.requests) \(asXML.consoleErrors)")
        let xmlProbe = try #require(asXML.probe as? [String: Any], "\(sample) as XHTML: \(String(describing: asXML.probe))")
        #expect((xmlProbe["summaryTop"] as? Double ?? -1) >= 0, "\(sample) as XHTML: no summary (an XML parse error?)")
        #expect((xmlProbe["filterProblems"] as? [String])?.isEmpty == true, "\(sample) as XHTML: \(xmlProbe)")
    }

    /// The check can fail: a page that loads an image from elsewhere and logs an error is caught.
    @Test(
        "the browser check sees a request and a console error",
        .enabled(if: HeadlessChromium.path != nil, "chromium is NOT installed: browser check skipped (bash scripts/install-test-deps.sh)"))
    func checkSeesRequestsAndErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("threatscribe-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.html")
        try #"<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/x.png"/><script>console.error("boom")</script></body></html>"#
            .write(to: file, atomically: true, encoding: .utf8)
        let load = try withoutHanging {
            try ChromiumDevTools(chromium: try #require(HeadlessChromium.path)).load(file, probe: "1")
        }
        #expect(load.requests.contains("http://127.0.0.1:9/x.png"), "\(load.requests)")
        #expect(load.consoleErrors.contains { $0.contains("boom") }, "\(load.consoleErrors)")
    }
}
