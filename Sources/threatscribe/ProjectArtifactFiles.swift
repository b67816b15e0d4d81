import Foundation
import ThreatscribeCore

/// The files `init` offers to ``ArtifactMerge`` (JSON, YAML and XML files, `.env` files, the top
/// `.gitignore`), found by a bounded walk with the Python extractor's caps (no symbolic links, no
/// hidden, vendored or test folders, at most 8 folders deep, 16,000 entries, 64 MiB in all) and
/// `import`'s size limit for one artifact (``InputFiles/sizeLimit``, 8 MiB). A file over a cap is
/// named in a warning, never read.
enum ProjectArtifactFiles {
    static let skippedFolders: Set<String> = ["node_modules", "__pycache__", "venv", "env", "site-packages", "dist", "build",
                                              "tests", "test", "migrations", "alembic"]
    static let maximumDepth = 8
    static let maximumEntries = 16_000
    static let maximumFileBytes = InputFiles.sizeLimit
    static let maximumTotalBytes = 64 * 1024 * 1024

    static func read(project: String) -> (files: [ProjectFile], warnings: [String]) {
        var files: [ProjectFile] = [], warnings: [String] = []
        var entries = 0, total = 0
        var queue: [(path: String, depth: Int)] = [("", 0)]
        let manager = FileManager.default
        var next = 0
        while next < queue.count {
            let (folder, depth) = queue[next]
            next += 1
            let absolute = folder.isEmpty ? project : (project as NSString).appendingPathComponent(folder)
            guard let names = try? manager.contentsOfDirectory(atPath: absolute) else { continue }
            for name in names.sorted() {
                entries += 1
                if entries > maximumEntries {
                    warnings.append("\(project): more than \(maximumEntries) files and folders: the rest were not looked at")
                    return (files, warnings)
                }
                let relative = folder.isEmpty ? name : "\(folder)/\(name)"
                let path = (absolute as NSString).appendingPathComponent(name)
                guard let attributes = try? manager.attributesOfItem(atPath: path), let type = attributes[.type] as? FileAttributeType else { continue }
                if type == .typeDirectory {
                    if !name.hasPrefix("."), !skippedFolders.contains(name), depth + 1 < maximumDepth { queue.append((relative, depth + 1)) }
                    continue
                }
                guard type == .typeRegular, ProjectFile.isCandidate(relative) else { continue }
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                if size > maximumFileBytes {
                    warnings.append("\(relative):1:1: warning: not merged: over \(maximumFileBytes) bytes, not read")
                    continue
                }
                if total + size > maximumTotalBytes {
                    warnings.append("\(relative):1:1: warning: not merged: the artifacts' total of \(maximumTotalBytes) bytes is reached")
                    continue
                }
                guard let data = manager.contents(atPath: path) else { continue }
                total += data.count
                files.append(ProjectFile(path: relative, bytes: [UInt8](data.prefix(maximumFileBytes))))
            }
        }
        return (files, warnings)
    }
}
