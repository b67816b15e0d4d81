import Foundation
import PackagePlugin

/// Parses the built-in catalog (`Catalog/`) at build time with `CatalogCompiler` and adds the result, as a
/// generated Swift file in the build directory, to the target (`ThreatscribeBuiltInCatalog`).
@main
struct PrecompiledCatalogPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let catalog = context.package.directoryURL.appendingPathComponent("Catalog")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("PrecompiledCatalogJSON.swift")
        return [.buildCommand(
            displayName: "Precompiling the built-in catalog",
            executable: try context.tool(named: "CatalogCompiler").url,
            arguments: [catalog.path, output.path],
            inputFiles: Self.files(under: catalog),
            outputFiles: [output])]
    }

    /// Every file below `directory`, so a changed, added or removed catalog file reruns the command.
    static func files(under directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }
}
