import Foundation

/// Validates JSON files against a JSON Schema with Python's `jsonschema` (the venv that
/// `scripts/install-test-deps.sh` creates), through `scripts/validate-json-schema.py`.
enum SchemaValidator {
    static let root = SampleReportTests.root
    static let python = root.appendingPathComponent(".venv-schema/bin/python")

    /// The validator's complaints; empty when every document is valid. Throws when the validator cannot run.
    static func errors(schema: URL, documents: [String: String]) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Missing(description: "\(python.path) is missing: run bash scripts/install-test-deps.sh")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("threatscribe-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (name, text) in documents.sorted(by: { $0.key < $1.key }) {
            let url = directory.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [root.appendingPathComponent("scripts/validate-json-schema.py").path, schema.path] + paths
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 && output.isEmpty { return "validator exited \(process.terminationStatus)" }
        return process.terminationStatus == 0 ? "" : output
    }

    struct Missing: Error, CustomStringConvertible { var description: String }
}
