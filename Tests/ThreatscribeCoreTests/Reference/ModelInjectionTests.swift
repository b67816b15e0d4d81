import Foundation
import Testing
import Yams
@testable import ThreatscribeCore

/// End to end: a model in which every free-text string holds markup goes through loading, analysis and
/// rendering, and the HTML report contains no element or attribute the model put there.
struct ModelInjectionTests {
    static let payload = #"<script>alert(1)</script><img src=x onerror=alert(1)>"#

    /// Replaces every string value that can hold the payload while the model stays valid (enum values and
    /// referenced ids keep their text, since replacing them makes the model invalid).
    static func poisoned(_ yaml: String, with payload: String = payload) throws -> (text: String, replaced: Int) {
        var root = try #require(try Yams.load(yaml: yaml))
        var replaced = 0
        func isValid(_ candidate: Any) -> Bool {
            guard let text = try? Yams.dump(object: candidate) else { return false }
            return (try? ModelLoader.load(text: text, file: "poisoned.yaml")) != nil
        }
        func visit(_ path: [Any]) {
            guard let value = value(at: path, in: root) else { return }
            if let dictionary = value as? [String: Any] {
                for key in dictionary.keys.sorted() { visit(path + [key]) }
            } else if let array = value as? [Any] {
                for index in array.indices { visit(path + [index]) }
            } else if value is String, path.count > 0 {
                let original = root
                root = setting(payload, at: path, in: root)
                if isValid(root) { replaced += 1 } else { root = original }
            }
        }
        visit([])
        return (try Yams.dump(object: root), replaced)
    }

    static func value(at path: [Any], in node: Any) -> Any? {
        guard let first = path.first else { return node }
        if let key = first as? String, let dictionary = node as? [String: Any], let child = dictionary[key] {
            return value(at: Array(path.dropFirst()), in: child)
        }
        if let index = first as? Int, let array = node as? [Any], array.indices.contains(index) {
            return value(at: Array(path.dropFirst()), in: array[index])
        }
        return nil
    }

    static func setting(_ new: Any, at path: [Any], in node: Any) -> Any {
        guard let first = path.first else { return new }
        if let key = first as? String, var dictionary = node as? [String: Any], let child = dictionary[key] {
            dictionary[key] = setting(new, at: Array(path.dropFirst()), in: child)
            return dictionary
        }
        if let index = first as? Int, var array = node as? [Any], array.indices.contains(index) {
            array[index] = setting(new, at: Array(path.dropFirst()), in: array[index])
            return array
        }
        return node
    }

    @Test("every model string is escaped in the HTML report", arguments: ["betzenstein-booking.yaml", "fastapi-kubernetes.yaml", "home-security-intelligence.yaml"])
    func escapesEveryModelString(_ sample: String) throws {
        let source = try String(contentsOf: SampleReportTests.root.appendingPathComponent("Samples/\(sample)"), encoding: .utf8)
        let (text, replaced) = try Self.poisoned(source)
        #expect(replaced >= 20, "only \(replaced) strings could be replaced")
        let model = try ModelLoader.load(text: text, file: "poisoned.yaml")
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let report = try ThreatAnalysis(catalog: catalog).run(on: model, options: .init(generatedAt: "2026-01-15", toolVersion: "test"))
        let files = try renderReport(report, formats: [.markdown, .html])
        let html = try #require(files.first { $0.name.hasSuffix(".html") }).contents
        let tree = XMLDocumentTree(parsing: html)
        #expect(tree.error == nil, "\(tree.error ?? "")")
        for element in tree.elements {
            #expect(!["script", "img"].contains(element.name), "<\(element.name)> in the report")
            #expect(!element.attributes.keys.contains { $0.lowercased().hasPrefix("on") }, "event handler on <\(element.name)>")
        }
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
