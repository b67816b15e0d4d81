import Foundation
import ThreatscribeCore

/// The model files named on `analyze`'s command line: files, directories (every `*.yaml`, `*.yml` and
/// `*.json` below, hidden ones skipped) and quoted globs (`'services/*/threat-model.yaml'`).
struct ModelInputs {
    struct Input: Equatable {
        var path: String
        /// The report directory for this model in a batch run, relative to `--output`.
        var directory: String
    }

    var inputs: [Input]
    /// More than one model, or a directory or glob was named: one report directory per model plus an index.
    var isBatch: Bool

    static func expand(_ arguments: [String]) throws(DiagnosticList) -> ModelInputs {
        var found: [(path: String, name: String)] = []
        var isBatch = arguments.count > 1
        var problems: [Diagnostic] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                isBatch = true
                let files = modelFiles(below: argument)
                if files.isEmpty { problems.append(Diagnostic(.error, "no model files (*.yaml, *.yml, *.json) below \(argument)", at: nil)) }
                found += files.map { ($0.path, $0.relative) }
            } else if !FileManager.default.fileExists(atPath: argument), argument.contains(where: { "*?[".contains($0) }) {
                isBatch = true
                let matches = glob(argument)
                if matches.isEmpty { problems.append(Diagnostic(.error, "no file matches \(argument)", at: nil)) }
                found += matches.map { ($0, $0) }
            } else {
                found.append((argument, argument))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        var used: Set<String> = []
        var inputs: [Input] = []
        for (path, name) in found where !inputs.contains(where: { $0.path == path }) {
            let base = directoryName(for: name)
            var candidate = base, counter = 2
            while !used.insert(candidate).inserted { candidate = "\(base)-\(counter)"; counter += 1 }
            inputs.append(Input(path: path, directory: candidate))
        }
        return ModelInputs(inputs: inputs, isBatch: isBatch)
    }

    /// `services/api/threat-model.yaml` → `services/api/threat-model`; no `..`, `.` or leading `/` survive.
    static func directoryName(for path: String) -> String {
        let parts = path.split(separator: "/").map(String.init).filter { $0 != "." && $0 != ".." && !$0.isEmpty }
        guard var last = parts.last else { return "model" }
        for suffix in [".yaml", ".yml", ".json"] where last.hasSuffix(suffix) && last.count > suffix.count {
            last = String(last.dropLast(suffix.count))
            break
        }
        if last.hasPrefix(".") { last = "_" + last.dropFirst() }
        return (parts.dropLast() + [last]).joined(separator: "/")
    }

    private static func modelFiles(below directory: String) -> [(path: String, relative: String)] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [(String, String)] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            guard [".yaml", ".yml", ".json"].contains(where: { relative.hasSuffix($0) }) else { continue }
            let path = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append((path, relative))
            }
        }
        return files.sorted { $0.0 < $1.0 }
    }

    private static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        #if canImport(Glibc)
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        #else
        guard Darwin.glob(pattern, 0, nil, &result) == 0 else { return [] }
        #endif
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}
