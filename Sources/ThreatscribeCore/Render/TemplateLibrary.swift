import Foundation
import Mustache

/// The Mustache templates of one resource store, parsed, with partials addressable by their path.
///
/// `Templates/partials/finding.md.mustache` is the partial `{{> partials/finding.md}}`.
struct TemplateLibrary {
    private let library: MustacheLibrary

    /// Parses every `.mustache` file under `Templates/`.
    ///
    /// Each template is parsed with `HTMLTemplateContentType.pragma` as its first line, so `{{x}}` is
    /// escaped by `HTMLEscaping` (on Unicode scalars) unless the template declares Markdown — never by
    /// swift-mustache's built-in escaping, which compares grapheme clusters and lets `"\u{600}<"` through.
    init(_ store: ResourceStore) throws {
        // Templates name these content types; they must exist before any template is parsed.
        _ = MarkdownContentType.registered
        _ = HTMLTemplateContentType.registered
        var library = MustacheLibrary()
        var texts: [String: String] = [:], paths: [String: String] = [:]
        for path in store.paths(under: Self.folder) where path.hasSuffix(Self.suffix) {
            let name = String(path.dropFirst(Self.folder.count).dropLast(Self.suffix.count))
            texts[name] = store[path] ?? ""
            paths[name] = path
            do {
                library.register(try MustacheTemplate(string: HTMLTemplateContentType.pragma + (store[path] ?? "")), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw RenderError.templateSyntax(
                    path: path,
                    // The pragma line comes first and always parses.
                    line: max(1, error.context.lineNumber - 1),
                    column: error.context.columnNumber,
                    message: String(describing: error.error)
                )
            }
        }
        // Checked after parsing, so a syntax error is reported as such; before rendering, which
        // would recurse without end through a template that includes itself.
        try TemplatePartialGraph(texts: texts, paths: paths).checkAcyclic()
        self.library = library
    }

    /// The library of `store`, parsed once for as long as the same templates are asked for: every
    /// format of a report and every model of a batch render with one store.
    static func parsed(_ store: ResourceStore) throws -> TemplateLibrary {
        try LastParsed.shared.library(for: store)
    }

    /// The most recently parsed library and its store. Parsing holds the lock, so formats rendered
    /// concurrently wait for one parse instead of each parsing.
    private final class LastParsed: @unchecked Sendable {
        static let shared = LastParsed()
        private var last: (store: ResourceStore, library: TemplateLibrary)?
        private let lock = NSLock()

        func library(for store: ResourceStore) throws -> TemplateLibrary {
            lock.lock()
            defer { lock.unlock() }
            if let last, last.store == store { return last.library }
            let library = try TemplateLibrary(store)
            last = (store, library)
            return library
        }
    }

    /// Renders `view` with the template at `Templates/<name>.mustache`.
    ///
    /// The view's structs are read once into `TemplateFields` rather than reflected on every lookup,
    /// and prose that appears several times (the same entry and values in every environment) is
    /// converted to HTML once.
    func render(_ view: Any, template name: String) throws -> String {
        try render(prepared: PreparedView(view), template: name)
    }

    /// Renders a view whose fields are already prepared (shared by several formats).
    func render(prepared view: PreparedView, template name: String) throws -> String {
        let text = ProseHTMLMemo.$current.withValue(.shared) { library.render(view.fields, withTemplate: name) }
        guard let text else {
            throw RenderError.missingTemplate(path: Self.folder + name + Self.suffix)
        }
        return text
    }

    private static let folder = "Templates/"
    private static let suffix = ".mustache"
}
