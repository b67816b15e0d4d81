import Foundation
import ThreatscribeCore
#if canImport(Glibc)
import Glibc
#endif

/// Writes the rendered report set all or nothing. The set is written to a fresh staging directory
/// (`.threatscribe-XXXXXX`, mode 0700) on the same file system as the output (``stage(_:to:)``);
/// then (``commit(_:)``):
///
/// - **The output directory does not exist**: the staging directory is created in the output's
///   parent (missing parents are created) and, once every file is written, renamed to the output
///   directory in one step. Either the whole set appears or nothing does. (If another run
///   created the directory meanwhile, the files are moved into it as below.)
/// - **The output directory exists**: the staging directory is created inside it (so `-o .` works
///   where the parent is not writable); other files in the directory are never touched. Each
///   report file then replaces the file of the same name with `rename(2)`, which replaces a
///   symbolic link at that name rather than following it. Any old file is first hard-linked into
///   the staging directory; when a move fails (say a directory sits at the second name), the files
///   already moved are put back — the old file restored, or the new one removed — so the
///   directory holds the old set, unchanged. (Only a crash between two renames can leave a mix.)
/// - **The output path is a symbolic link, or not a directory**: refused before anything is
///   written, so output never lands somewhere the path does not name.
///
/// On any failure the staging directory is removed and a diagnostic says what failed and that
/// nothing was written; the CLI exits with code 2. A batch stages every model's set as soon as it
/// is rendered and commits them only when all are staged, so it never holds every rendered report
/// in memory and a failure leaves nothing behind.
enum OutputWriter {
    /// A report set written into its staging directory, not yet moved into place.
    struct Staged {
        fileprivate let directory: String
        fileprivate let target: String
        fileprivate let staging: String
        fileprivate let exists: Bool
        /// The names of the staged files, in the order given.
        let names: [String]
    }

    /// Writes `files` into `directory` all or nothing.
    static func write(_ files: [RenderedFile], to directory: String) throws(DiagnosticList) {
        try commit(try stage(files, to: directory))
    }

    /// Writes `files` into a fresh staging directory for `directory`; nothing is visible at
    /// `directory` until ``commit(_:)``. On failure the staging directory is removed.
    static func stage(_ files: [RenderedFile], to directory: String) throws(DiagnosticList) -> Staged {
        let target = URL(fileURLWithPath: directory).standardizedFileURL.path
        var info = stat()
        let exists: Bool
        if lstat(target, &info) == 0 {
            guard info.st_mode & S_IFMT != S_IFLNK else {
                throw failure("\(directory) is a symbolic link; name the directory it points to")
            }
            guard info.st_mode & S_IFMT == S_IFDIR else { throw failure("\(directory) exists and is not a directory") }
            exists = true
        } else if errno == ENOENT {
            exists = false
        } else {
            throw failure("cannot use output directory \(directory): \(systemError())")
        }
        let parent = (target as NSString).deletingLastPathComponent
        if !exists {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw failure("cannot create output directory \(directory): cannot create \(parent)")
            }
        }
        let staging = try makeStagingDirectory(in: exists ? target : parent, for: directory)
        let staged = Staged(directory: directory, target: target, staging: staging, exists: exists, names: files.map(\.name))
        do {
            for file in files {
                try writeFile(file, to: (staging as NSString).appendingPathComponent(file.name), shownAs: directory)
            }
        } catch {
            discard(staged)
            throw error
        }
        return staged
    }

    /// Moves a staged report set into place; the staging directory is removed either way.
    static func commit(_ staged: Staged) throws(DiagnosticList) {
        let (directory, target, staging) = (staged.directory, staged.target, staged.staging)
        defer { discard(staged) }
        if staged.exists {
            try replaceFiles(staged.names, in: target, from: staging, shownAs: directory)
        } else {
            let mask = umask(0)
            umask(mask)
            guard chmod(staging, 0o777 & ~mask) == 0 else {
                throw failure("cannot write into \(directory): \(systemError()); nothing was written")
            }
            if rename(staging, target) != 0 {
                // Another run created the directory meanwhile: replace our files in it as above.
                var info = stat()
                guard errno == ENOTEMPTY || errno == EEXIST, lstat(target, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                    throw failure("cannot move the report into \(directory): \(systemError()); nothing was written")
                }
                try replaceFiles(staged.names, in: target, from: staging, shownAs: directory)
            }
        }
    }

    /// Removes a staged report set without moving it into place (nothing once it is committed).
    static func discard(_ staged: Staged) {
        try? FileManager.default.removeItem(atPath: staged.staging)
    }

    /// Moves each staged file over the file of the same name in `target`, restoring every earlier
    /// one when a move fails.
    private static func replaceFiles(_ names: [String], in target: String, from staging: String, shownAs directory: String) throws(DiagnosticList) {
        struct Move { var staged: String, final: String, backup: String?, name: String }
        var moves: [Move] = []
        for name in names {
            let final = (target as NSString).appendingPathComponent(name)
            let backup = (staging as NSString).appendingPathComponent(".old-\(name)")
            var info = stat()
            var hasBackup = false
            if lstat(final, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
                guard linkat(AT_FDCWD, final, AT_FDCWD, backup, 0) == 0 else {
                    throw failure("cannot keep a copy of \(name) in \(directory) while replacing it: \(systemError()); nothing was written")
                }
                hasBackup = true
            }
            moves.append(Move(staged: (staging as NSString).appendingPathComponent(name), final: final, backup: hasBackup ? backup : nil, name: name))
        }
        for (index, move) in moves.enumerated() where rename(move.staged, move.final) != 0 {
            let reason = systemError()
            for done in moves[..<index].reversed() {
                if let backup = done.backup { _ = rename(backup, done.final) } else { _ = unlink(done.final) }
            }
            throw failure("cannot move \(move.name) into \(directory): \(reason); nothing was written")
        }
    }

    private static func makeStagingDirectory(in parent: String, for directory: String) throws(DiagnosticList) -> String {
        var template = Array((parent as NSString).appendingPathComponent(".threatscribe-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) != nil }
        guard created else {
            throw failure("cannot write into \(directory): cannot create a staging directory in \(parent): \(systemError())")
        }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    private static func writeFile(_ file: RenderedFile, to path: String, shownAs directory: String) throws(DiagnosticList) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure("cannot write \(file.name) for \(directory): \(systemError()); nothing was written") }
        defer { close(descriptor) }
        var contents = file.contents
        let complete = contents.withUTF8 { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
        guard complete else { throw failure("cannot write \(file.name) for \(directory): \(systemError()); nothing was written") }
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }

    private static func systemError() -> String { String(cString: strerror(errno)) }

    private static func failure(_ message: String) -> DiagnosticList {
        DiagnosticList([Diagnostic(.error, message, at: nil)])
    }
}
