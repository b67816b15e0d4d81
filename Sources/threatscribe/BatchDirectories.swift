import Foundation

/// The directories a batch run creates on the way to its report directories, so a failed run can
/// remove them again and leave the file system as it found it.
enum BatchDirectories {
    /// Every directory from `output` down to the parent of each of `directories` that does not exist
    /// yet, deepest first.
    static func missing(leadingTo directories: [String], under output: String) -> [String] {
        let root = URL(fileURLWithPath: output).standardizedFileURL.path
        var missing: Set<String> = []
        for directory in directories {
            var path = (URL(fileURLWithPath: directory).standardizedFileURL.path as NSString).deletingLastPathComponent
            while path.hasPrefix(root), !missing.contains(path), !FileManager.default.fileExists(atPath: path) {
                missing.insert(path)
                if path == root { break }
                path = (path as NSString).deletingLastPathComponent
            }
        }
        return missing.sorted { ($0.count, $1) > ($1.count, $0) }
    }

    /// Removes each of `directories` that is empty (`rmdir`), deepest first; a directory something else
    /// put files into meanwhile stays.
    static func remove(_ directories: [String]) {
        for directory in directories { _ = rmdir(directory) }
    }
}
