import Foundation
import ThreatscribeCore
#if canImport(Glibc)
import Glibc
#endif

/// Reads the user's files. Only the CLI touches the file system.
///
/// Every file is read through `text(at:)`: only regular files of at most `sizeLimit` bytes, opened
/// without blocking, so a directory, a device (`/dev/zero`), a FIFO or a socket is a clear error
/// instead of a hang or unbounded memory.
enum InputFiles {
    /// The largest file read: 8 MiB, far above any model, catalog entry or template.
    static let sizeLimit = 8 * 1024 * 1024

    /// The text of a file, or a diagnostic saying why it cannot be read.
    static func text(at path: String) throws(DiagnosticList) -> String {
        let data = try contents(at: path)
        guard let text = String(data: Data(data), encoding: .utf8) else {
            throw DiagnosticList([Diagnostic(.error, "\(path) is not UTF-8 text", at: SourceLocation(file: path, line: 1, column: 1))])
        }
        return text
    }

    /// The bytes of a file, read as `text(at:)` reads it (an artifact for `import`, XML or text).
    static func bytes(at path: String) throws(DiagnosticList) -> [UInt8] { try contents(at: path) }

    /// The bytes of a regular file of at most `sizeLimit` bytes.
    private static func contents(at path: String) throws(DiagnosticList) -> [UInt8] {
        func failure(_ reason: String) -> DiagnosticList {
            DiagnosticList([Diagnostic(.error, "cannot read \(path): \(reason)", at: nil)])
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT: throw failure("no such file")
            case EACCES, EPERM: throw failure("permission denied")
            default: throw failure(String(cString: strerror(errno)))
            }
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw failure("is a directory")
        default: throw failure("is not a regular file")
        }
        guard info.st_size <= sizeLimit else { throw failure("too large (\(info.st_size) bytes, limit \(sizeLimit))") }
        // Read at most one byte past the limit: the file may grow while it is read.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard bytes.count <= sizeLimit else { throw failure("too large (more than \(sizeLimit) bytes, limit \(sizeLimit))") }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: min(bytes.count, sizeLimit + 1 - bytes.count)))
            }
            let read = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read == 0 { break }
            if read < 0 {
                if errno == EINTR { continue }
                throw failure(String(cString: strerror(errno)))
            }
            count += read
        }
        return Array(bytes[..<count])
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
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
        return try resourceFiles(in: directory, as: "Templates")
    }

    /// Every file below `directory`, keyed as a built-in resource of `folder` (`<folder>/<relative path>`).
    static func resourceFiles(in directory: String, as folder: String) throws(DiagnosticList) -> [String: String] {
        var files: [String: String] = [:]
        let base = URL(fileURLWithPath: directory).standardizedFileURL.path
        for path in try filePaths(below: directory) {
            let relative = String(URL(fileURLWithPath: path).standardizedFileURL.path.dropFirst(base.count + 1))
            files[folder + "/" + relative] = try text(at: path)
        }
        return files
    }

    /// The files below `directory` (hidden ones skipped), sorted. A symbolic link is followed only
    /// when its target stays inside `directory`: a link out of it (to `/etc/shadow`, say) is an
    /// error, so a catalog or template directory from a pull request cannot copy other files into
    /// a report or an error message.
    private static func filePaths(below directory: String) throws(DiagnosticList) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
              let realBase = realPath(directory) else {
            throw DiagnosticList([Diagnostic(.error, "\(directory) is not a directory", at: nil)])
        }
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var paths: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            let path = (directory as NSString).appendingPathComponent(relative)
            guard !(relative as NSString).lastPathComponent.hasPrefix(".") else { continue }
            guard let real = realPath(path) else { continue }
            guard real == realBase || real.hasPrefix(realBase == "/" ? "/" : realBase + "/") else {
                throw DiagnosticList([Diagnostic(.error, "\(path) is a symbolic link to \(real), outside \(directory); only links within the directory are followed", at: nil)])
            }
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    /// `path` with every symbolic link resolved, or `nil` when it does not resolve (a dangling link).
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
