import Foundation

/// Headless Chromium loading a file and printing the DOM after scripts and events had their time.
enum HeadlessChromium {
    static var path: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        return paths.map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The serialized DOM of each file, loaded concurrently.
    static func dumpDOM(of files: [URL]) throws -> [String] {
        guard let path else { return [] }
        var processes: [(Process, Pipe)] = []
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("threatscribe-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        for (index, file) in files.enumerated() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--user-data-dir=\(profile.path)-\(index)", "--virtual-time-budget=3000", "--dump-dom", file.absoluteString,
            ]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append((process, output))
        }
        return processes.enumerated().map { index, entry in
            let data = entry.1.fileHandleForReading.readDataToEndOfFile()
            entry.0.waitUntilExit()
            try? FileManager.default.removeItem(atPath: "\(profile.path)-\(index)")
            return String(decoding: data, as: UTF8.self)
        }
    }
}
