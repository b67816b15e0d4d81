import Foundation
import Testing

/// Compares rendered text with a committed file under `Expected/`; on a difference it writes the
/// actual text next to it as `<name>.actual` and fails.
enum RenderSnapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Expected")

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expectedURL = folder.appendingPathComponent(name)
        let actualURL = folder.appendingPathComponent(name + ".actual")
        let expected = try? String(contentsOf: expectedURL, encoding: .utf8)
        if expected == actual {
            try? FileManager.default.removeItem(at: actualURL)
            return
        }
        try? actual.write(to: actualURL, atomically: true, encoding: .utf8)
        Issue.record("\(name) differs from the expected file; the output is in \(actualURL.path)", sourceLocation: sourceLocation)
    }
}
