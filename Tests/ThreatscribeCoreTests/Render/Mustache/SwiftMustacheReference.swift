import Mustache
import Testing
@testable import ThreatscribeCore

/// swift-mustache 2, set up as threatscribe used it before it had its own engine: every template
/// begins with `{{%CONTENT_TYPE: HTML}}`, the content types escape with threatscribe's escapers, and
/// the text types have their transforms. The differential tests render with it and with
/// `TemplateRenderer` and compare the texts.
enum SwiftMustacheReference {
    struct HTMLType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaping.attribute(text) }
    }

    struct MarkdownType: MustacheContentType {
        func escapeText(_ text: String) -> String { MarkdownEscaping.inline(text) }
    }

    static let registered: Void = {
        MustacheContentTypes.register(HTMLType(), named: "HTML")
        MustacheContentTypes.register(HTMLType(), named: "TEXT")
        MustacheContentTypes.register(MarkdownType(), named: "MARKDOWN")
    }()

    /// `root` rendered over `view` by swift-mustache, with `templates` (name → text) as its partials.
    static func render(_ templates: [String: String], root: String, view: Any) throws -> String {
        _ = registered
        var library = MustacheLibrary()
        for (name, text) in templates {
            library.register(try MustacheTemplate(string: "{{%CONTENT_TYPE: HTML}}\n" + text), named: name)
        }
        return try #require(library.render(view, withTemplate: root))
    }

    /// The syntax error swift-mustache reports for `text`, as `TemplateSyntaxError` would describe it
    /// (kind name, line, column), or `nil` when it parses.
    static func syntaxError(_ text: String) -> String? {
        _ = registered
        do {
            _ = try MustacheTemplate(string: "{{%CONTENT_TYPE: HTML}}\n" + text)
            return nil
        } catch let error as MustacheTemplate.ParserError {
            // The pragma line comes first and always parses (as `TemplateLibrary` reported it).
            return "\(error.error) \(max(1, error.context.lineNumber - 1)):\(error.context.columnNumber)"
        } catch {
            return "\(error)"
        }
    }
}

/// threatscribe's engine over the same inputs.
enum ThreatscribeMustache {
    static func render(_ templates: [String: String], root: String, view: Any) throws -> String {
        var parsed: [String: ParsedTemplate] = [:]
        for (name, text) in templates { parsed[name] = try ParsedTemplate(text) }
        return try TemplateRenderer.render(try #require(parsed[root]), value: TemplateValueBuilder.build(view), templates: parsed)
    }

    static func syntaxError(_ text: String) -> String? {
        do {
            _ = try ParsedTemplate(text)
            return nil
        } catch {
            return "\(error.kind.rawValue) \(error.line):\(error.column)"
        }
    }
}

extension Prose: MustacheCustomRenderable, MustacheTransformable {}
extension Code: MustacheCustomRenderable, MustacheTransformable {}
extension DocumentText: MustacheTransformable {}
extension DocumentCode: MustacheTransformable {}
