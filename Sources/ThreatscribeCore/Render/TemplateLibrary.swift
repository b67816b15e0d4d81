import Foundation

/// The Mustache templates of one resource store, parsed, with partials addressable by their path.
///
/// `Templates/partials/finding.md.mustache` is the partial `{{> partials/finding.md}}`.
struct TemplateLibrary {
    private let templates: [String: ParsedTemplate]

    /// Parses every `.mustache` file under `Templates/`.
    ///
    /// Every template starts with `{{x}}` escaped by `HTMLEscaping.attribute` (on Unicode scalars)
    /// until it declares another content type (`TemplateEscaper`); so does every partial.
    init(_ store: ResourceStore) throws {
        try self.init(store, rendering: nil)
    }

    /// Parses the template `root` and every template it includes, directly or through others (all
    /// templates when `root` is `nil`). Only for the built-in store, whose templates all parse and
    /// include no cycle (checked by the tests): a user's store is parsed whole, so that a syntax error
    /// in any of its templates is reported whichever document is rendered.
    private init(_ store: ResourceStore, rendering root: String?) throws {
        var templates: [String: ParsedTemplate] = [:]
        var texts: [String: String] = [:], paths: [String: String] = [:]
        let names: [String]
        var inclusions: [String: [TemplatePartialGraph.Inclusion]]?
        if let root {
            let included = try Self.included(from: root, in: store)
            names = included.names
            inclusions = included.inclusions
        } else {
            names = store.paths(under: Self.folder).filter { $0.hasSuffix(Self.suffix) }.map(Self.name(ofPath:))
        }
        for name in names {
            let path = Self.folder + name + Self.suffix
            guard let text = store[path] else { continue }
            texts[name] = text
            paths[name] = path
            do {
                templates[name] = try ParsedTemplate(text)
            } catch {
                throw RenderError.templateSyntax(path: path, line: error.line, column: error.column, message: error.kind.rawValue)
            }
        }
        // Checked after parsing, so a syntax error is reported as such; before rendering, which
        // would recurse without end through a template that includes itself.
        if let inclusions {
            try TemplatePartialGraph(inclusions: inclusions, paths: paths).checkAcyclic()
        } else {
            try TemplatePartialGraph(texts: texts, paths: paths).checkAcyclic()
        }
        self.templates = templates
    }

    /// `root` and the names of the templates it includes, directly or not, that exist in `store`,
    /// with the inclusions of each.
    private static func included(from root: String, in store: ResourceStore) throws
        -> (names: [String], inclusions: [String: [TemplatePartialGraph.Inclusion]]) {
        var found: [String] = [], seen: Set<String> = [root], queue = [root]
        var inclusions: [String: [TemplatePartialGraph.Inclusion]] = [:]
        while let name = queue.popLast() {
            let path = folder + name + suffix
            guard let text = store[path] else { continue }
            found.append(name)
            let own = try TemplatePartialGraph.inclusions(in: text, path: path)
            inclusions[name] = own
            for inclusion in own where seen.insert(inclusion.name).inserted {
                queue.append(inclusion.name)
            }
        }
        return (found, inclusions)
    }

    private static func name(ofPath path: String) -> String {
        String(path.dropFirst(folder.count).dropLast(suffix.count))
    }

    /// The library of `store` for rendering the template `root`, parsed once for as long as the same
    /// templates are asked for: every model of a batch renders with one store. Of the built-in
    /// templates only those `root` needs are parsed (the documents' templates are not parsed for a
    /// report, nor the HTML templates for Markdown alone).
    static func parsed(_ store: ResourceStore, rendering root: String) throws -> TemplateLibrary {
        try LastParsed.shared.library(for: store, rendering: root)
    }

    /// The most recently parsed library of a user's store, and the built-in templates' libraries by
    /// root template. A user's store is parsed holding the lock, so formats rendered concurrently
    /// wait for one parse instead of each parsing; the built-in libraries of different roots share
    /// no template and are parsed concurrently.
    private final class LastParsed: @unchecked Sendable {
        static let shared = LastParsed()
        private var last: (store: ResourceStore, library: TemplateLibrary)?
        private var builtIn: [String: TemplateLibrary] = [:]
        private let lock = NSLock()

        func library(for store: ResourceStore, rendering root: String) throws -> TemplateLibrary {
            if store == .builtIn {
                lock.lock()
                let known = builtIn[root]
                lock.unlock()
                if let known { return known }
                let library = try TemplateLibrary(store, rendering: root)
                lock.lock()
                builtIn[root] = library
                lock.unlock()
                return library
            }
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
    /// The view is built once into a `TemplateValue` tree rather than reflected on every lookup,
    /// and prose that appears several times (the same entry and values in every environment) is
    /// converted to HTML once.
    func render(_ view: Any, template name: String) throws -> String {
        try render(prepared: PreparedView(view), template: name)
    }

    /// Renders a view whose value tree is already built (shared by several formats).
    func render(prepared view: PreparedView, template name: String) throws -> String {
        guard let template = templates[name] else {
            throw RenderError.missingTemplate(path: Self.folder + name + Self.suffix)
        }
        let rendered = ProseHTMLMemo.$current.withValue(.shared) {
            Result { () throws(TemplateRenderBudget.Exhausted) in
                try TemplateRenderer.render(template, value: view.value, templates: templates)
            }
        }
        switch rendered {
        case .success(let text):
            return text
        case .failure(let exhausted):
            throw RenderError.renderingExhausted(path: Self.folder + name + Self.suffix, message: exhausted.explanation)
        }
    }

    private static let folder = "Templates/"
    private static let suffix = ".mustache"
}
