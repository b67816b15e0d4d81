import Foundation
import Testing
@testable import ThreatscribeCore

/// Files generated from the repository must match what the generators write now.
struct GeneratedFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Every file under Templates/, Catalog/ and Extractors/ is embedded, with the same text.
    @Test func embeddedResourcesAreFresh() throws {
        var onDisk: [String: String] = [:]
        for folder in ["Templates", "Catalog", "Extractors"] {
            let base = Self.root.appendingPathComponent(folder)
            let enumerator = FileManager.default.enumerator(atPath: base.path)
            while let relative = enumerator?.nextObject() as? String {
                let url = base.appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                      !url.lastPathComponent.hasPrefix(".") else { continue }
                onDisk["\(folder)/\(relative)"] = try String(contentsOf: url, encoding: .utf8)
            }
        }
        let embedded = EmbeddedResources.files
        let missing = Set(onDisk.keys).subtracting(embedded.keys).sorted()
        let extra = Set(embedded.keys).subtracting(onDisk.keys).sorted()
        #expect(missing.isEmpty && extra.isEmpty,
                "run python3 scripts/embed-resources.py (not embedded: \(missing); embedded but gone: \(extra))")
        for (path, text) in onDisk where embedded[path] != text {
            Issue.record("\(path) differs from its embedded copy: run python3 scripts/embed-resources.py")
        }
    }

    @Test func catalogDocumentationIsFresh() throws {
        let catalog = try ThreatCatalog.load(builtIn: .builtIn, vocabulary: Analyzers.vocabulary)
        let expected = CatalogDocumentation(catalog: catalog, vocabulary: Analyzers.vocabulary).markdown
        let path = Self.root.appendingPathComponent("docs/catalog.md")
        let committed = (try? String(contentsOf: path, encoding: .utf8)) ?? ""
        #expect(committed.count == expected.count && committed == expected, "docs/catalog.md is stale: run `swift run threatscribe catalog docs > docs/catalog.md`")
    }

    /// `Generated/PrecompiledCatalogJSON.swift` is what `threatscribe catalog precompile Catalog` writes now
    /// (a fresh parse of the embedded catalog, itself checked against `Catalog/` above).
    @Test func precompiledCatalogIsFresh() throws {
        let expected = try PrecompiledCatalog.compiling(.builtIn, vocabulary: Analyzers.vocabulary).swiftSource()
        let path = Self.root.appendingPathComponent("Sources/ThreatscribeCore/Generated/PrecompiledCatalogJSON.swift")
        let committed = (try? String(contentsOf: path, encoding: .utf8)) ?? ""
        #expect(committed.count == expected.count && committed == expected,
                "Sources/ThreatscribeCore/Generated/PrecompiledCatalogJSON.swift is stale: run bash scripts/regenerate.sh")
    }
}
