import Foundation
import ThreatscribeCore

/// Reads the user's files. Only the CLI touches the file system.
enum InputFiles {
    /// The text of a file, or a diagnostic saying why it cannot be read.
    static func text(at path: String) throws(DiagnosticList) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticList([Diagnostic(.error, "cannot read \(path): no such file or not readable", at: nil)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticList([Diagnostic(.error, "\(path) is not UTF-8 text", at: SourceLocation(file: path, line: 1, column: 1))])
        }
        return text
    }

    /// Every `*.yaml`/`*.yml` file below each directory, as catalog sources named by their path.
    static func catalogFiles(in directories: [String]) throws(DiagnosticList) -> [ThreatCatalog.SourceFile] {
        var files: [ThreatCatalog.SourceFile] = []
        for directory in directories {
            for path in try filePaths(below: directory) where path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                files.append(.init(name: path, text: try text(at: path)))
            }
        }
        return files
    }

    /// The templates of a `--templates DIR`, keyed as the built-in ones are (`Templates/<relative path>`).
    static func templateOverrides(in directory: String?) throws(DiagnosticList) -> [String: String] {
        guard let directory else { return [:] }
        var overrides: [String: String] = [:]
        let base = URL(fileURLWithPath: directory).standardizedFileURL.path
        for path in try filePaths(below: directory) {
            let relative = String(URL(fileURLWithPath: path).standardizedFileURL.path.dropFirst(base.count + 1))
            overrides["Templates/" + relative] = try text(at: path)
        }
        return overrides
    }

    private static func filePaths(below directory: String) throws(DiagnosticList) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticList([Diagnostic(.error, "\(directory) is not a directory", at: nil)])
        }
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var paths: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            let path = (directory as NSString).appendingPathComponent(relative)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
               !(relative as NSString).lastPathComponent.hasPrefix(".") {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
