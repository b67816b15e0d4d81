import ArgumentParser
import Foundation
import ThreatscribeCore

/// Runs the bundled Python extractor: `INTERPRETER -I -S - ARGUMENTS` with the script on standard
/// input, from `/`, with a minimal environment and a timeout; returns what it printed.
enum ExtractorProcess {
    /// The most output accepted from the extractor.
    static let outputLimit = 64 * 1024 * 1024

    static func run(interpreter: String, script: String, arguments: [String], timeout: Int) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = ["-I", "-S", "-"] + arguments.map { ($0 as NSString).standardizingPath.hasPrefix("/") ? $0
            : FileManager.default.currentDirectoryPath + "/" + $0 }
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        process.environment = ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            printError("cannot run \(interpreter): \(error.localizedDescription); threatscribe init needs python3")
            throw ExitCode(2)
        }
        let group = DispatchGroup()
        let collected = Collected()
        for (pipe, keyPath) in [(output, \Collected.output), (errors, \Collected.errors)] {
            group.enter()
            DispatchQueue.global().async {
                var data = Data()
                while true {
                    let chunk = pipe.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    if data.count < outputLimit { data.append(chunk) }
                }
                collected.set(keyPath, data)
                group.leave()
            }
        }
        DispatchQueue.global().async {
            input.fileHandleForWriting.write(Data(script.utf8))
            try? input.fileHandleForWriting.close()
        }
        let deadline = DispatchTime.now() + .seconds(max(1, timeout))
        if group.wait(timeout: deadline) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            printError("the Python extractor did not finish within \(timeout) s and was stopped (--timeout sets the limit)")
            throw ExitCode(2)
        }
        process.waitUntilExit()
        let (stdout, stderr) = collected.both
        guard process.terminationStatus == 0 else {
            let lines = String(decoding: stderr.suffix(4000), as: UTF8.self).split(separator: "\n")
            let message = lines.last.map(String.init) ?? "no message"
            printError("the Python extractor failed (exit \(process.terminationStatus)): \(message)")
            throw ExitCode(process.terminationStatus == 2 ? 2 : 3)
        }
        guard stdout.count < outputLimit else {
            printError("the Python extractor's output exceeds \(outputLimit) bytes")
            throw ExitCode(2)
        }
        return stdout
    }

    /// Output gathered by the reader threads.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        var output = Data()
        var errors = Data()

        func set(_ keyPath: ReferenceWritableKeyPath<Collected, Data>, _ data: Data) {
            lock.lock()
            self[keyPath: keyPath] = data
            lock.unlock()
        }

        var both: (Data, Data) {
            lock.lock()
            defer { lock.unlock() }
            return (output, errors)
        }
    }
}
