// CatalogCompiler CATALOG_DIR OUTPUT.swift
//
// Run by the build-tool plugin `PrecompiledCatalogPlugin`: parses the catalog directory with the same parser
// as user catalogs and writes a Swift file holding the parsed catalog as JSON (`PrecompiledCatalog`).
// Any problem in the catalog is printed as `file:line:col: error: …` and fails the build.
import Foundation
import ThreatscribeCore

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: CatalogCompiler CATALOG_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let catalogDirectory = URL(fileURLWithPath: arguments[1], isDirectory: true).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

/// The catalog's files keyed as in the embedded resources (`Catalog/entries/…`), so locations match.
func catalogFiles(in directory: URL) throws -> [String: String] {
    var files: [String: String] = [:]
    let base = directory.path
    guard let enumerator = FileManager.default.enumerator(atPath: base) else { return files }
    while let relative = enumerator.nextObject() as? String {
        let url = directory.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
              !url.lastPathComponent.hasPrefix(".") else { continue }
        files["Catalog/\(relative)"] = try String(contentsOf: url, encoding: .utf8)
    }
    return files
}

/// A raw string literal holding `text`, with enough `#` that nothing inside ends it.
func rawLiteral(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    return hashes + "\"" + text + "\"" + hashes
}

do {
    let store = ResourceStore(files: try catalogFiles(in: catalogDirectory))
    let catalog = try PrecompiledCatalog.compiling(store, vocabulary: Analyzers.vocabulary)
    let source = """
        // Generated at build time by CatalogCompiler (PrecompiledCatalogPlugin) from Catalog/. Not committed.

        /// The built-in catalog parsed at build time, as `PrecompiledCatalog` JSON.
        let precompiledCatalogJSON = \(rawLiteral(try catalog.json()))

        """
    let data = Data(source.utf8)
    // Rewrite only on change, so an unchanged catalog does not recompile the target.
    if (try? Data(contentsOf: output)) != data { try data.write(to: output, options: .atomic) }
} catch let list as DiagnosticList {
    FileHandle.standardError.write(Data("\(list)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("CatalogCompiler: \(error)\n".utf8))
    exit(1)
}
