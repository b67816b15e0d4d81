import Foundation
import ThreatscribeCore

/// What `analyze` needs whatever its options, started on a second core by `Threatscribe.main` before
/// the command line is parsed: the built-in catalog, then the analyzers made, the built-in report
/// templates parsed and the catalog's prose HTML indexed. The values are the ones worked out later otherwise, so the output is
/// the same; `analyze` with `--catalog` loads its own catalog (and with `--templates` renders with its own).
enum HeadStart {
    /// The built-in catalog (no user files), loading on its own thread from first use.
    static let builtInCatalog = catalogLoading(userFiles: [], then: {
        // The analyzers are made here too (reading the built-in advisories and dependency constraints
        // is a few milliseconds), before the analysis asks for them on the main thread.
        _ = Analyzers.all
        prepareBuiltInTemplates(for: [.markdown, .html])
    })

    /// The built-in catalog merged with `userFiles`, loading on its own thread, then `then` on that thread.
    static func catalogLoading(userFiles: [ThreatCatalog.SourceFile], then: (@Sendable () -> Void)?) -> BackgroundValue<Result<ThreatCatalog, DiagnosticList>> {
        BackgroundValue({ () -> Result<ThreatCatalog, DiagnosticList> in
            do throws(DiagnosticList) {
                return .success(try BuiltInCatalog.load(userFiles: userFiles, vocabulary: Analyzers.vocabulary))
            } catch {
                return .failure(error)
            }
        }, then: then)
    }

    /// Starts the work when `arguments` run `analyze`.
    static func start(for arguments: [String]) {
        guard arguments.count > 1, arguments[1] == "analyze" else { return }
        _ = builtInCatalog
    }
}
