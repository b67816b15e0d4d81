import Foundation
import ThreatscribeCore

/// Writes rendered files so that a run either writes all of them or none: everything is rendered
/// in memory first, each file goes to a temporary name and is renamed into place.
enum OutputWriter {
    static func write(_ files: [RenderedFile], to directory: String) throws(DiagnosticList) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticList([Diagnostic(.error, "cannot create output directory \(directory): \(error.localizedDescription)", at: nil)])
        }
        var staged: [(temporary: String, final: String)] = []
        for file in files {
            let final = (directory as NSString).appendingPathComponent(file.name)
            let temporary = (directory as NSString).appendingPathComponent(".\(file.name).\(ProcessInfo.processInfo.processIdentifier).tmp")
            guard manager.createFile(atPath: temporary, contents: Data(file.contents.utf8)) else {
                for item in staged { try? manager.removeItem(atPath: item.temporary) }
                throw DiagnosticList([Diagnostic(.error, "cannot write \(final)", at: nil)])
            }
            staged.append((temporary, final))
        }
        for item in staged {
            if rename(item.temporary, item.final) != 0 {
                for rest in staged { try? manager.removeItem(atPath: rest.temporary) }
                throw DiagnosticList([Diagnostic(.error, "cannot move \(item.final) into place", at: nil)])
            }
        }
    }
}
