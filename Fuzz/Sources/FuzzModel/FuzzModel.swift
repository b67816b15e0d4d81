import FuzzSupport
import ThreatscribeCore

/// Model text (YAML, or JSON when it starts with `{`) through the whole pipeline the `analyze`
/// command runs: load and validate, analyze against the built-in catalog, render Markdown and HTML.
///
/// Properties: any input ends with a value or with diagnostics (never a crash, hang or runaway
/// memory; libFuzzer's `-timeout` and `-rss_limit_mb` catch those), a failed load carries at least
/// one error, and the HTML report is well-formed XML with only the report's own elements, no event
/// handler and no script URL.
let catalog: ThreatCatalog = {
    do { return try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary) } catch {
        fatalError("the built-in catalog does not load: \(error)")
    }
}()

@_cdecl("FuzzModel_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    // The CLI refuses input that is not UTF-8 before the loader sees it.
    guard let text = String(validating: fuzzBytes(data, size), as: UTF8.self) else { return 0 }
    let file = text.first == "{" ? "fuzz.json" : "fuzz.yaml"
    let loaded: LoadedModel
    do {
        loaded = try ModelLoader.load(text: text, file: file)
    } catch {
        require(error.hasErrors, "load failed without an error: \(error)")
        return 0
    }
    _ = loaded.validationSummary
    let report: AnalysisReport
    do {
        report = try ThreatAnalysis(catalog: catalog).run(
            on: loaded, options: .init(generatedAt: "2025-01-01", toolVersion: "fuzz"))
    } catch {
        require(error.hasErrors, "analysis failed without an error: \(error)")
        return 0
    }
    let files: [RenderedFile]
    do {
        files = try renderReport(report, formats: [.markdown, .html])
    } catch {
        require(false, "the built-in templates failed to render a loaded model: \(error)")
        return 0
    }
    for file in files where file.name.hasSuffix(".html") {
        let problems = XHTMLCheck.problems(in: file.contents)
        require(problems.isEmpty, "\(file.name): " + problems.prefix(5).joined(separator: "; "))
    }
    return 0
}
