import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Headless Chromium driven over the DevTools protocol on `--remote-debugging-pipe` (the browser reads
/// commands on fd 3 and writes replies and events on fd 4, each a JSON object ended by a NUL byte).
///
/// Used to load a report the way a reader does and to ask the browser what it did: which requests it
/// sent, what it logged to the console, where an element is laid out; and to take a screenshot.
final class ChromiumDevTools {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let pid: pid_t
    private let commands: Int32
    private let replies: Int32
    private let profile: URL
    private var buffer: [UInt8] = []
    private var lastID = 0
    /// Every event received so far, in order (method, params, sessionId).
    private(set) var events: [[String: Any]] = []

    /// Starts `chromium` (headless, its own empty profile).
    init(chromium: String) throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("threatscribe-devtools-\(UUID().uuidString)")
        var toBrowser: [Int32] = [-1, -1]
        var fromBrowser: [Int32] = [-1, -1]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else {
            throw Failure(description: "pipe failed: errno \(errno)")
        }
        for fd in toBrowser + fromBrowser { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The pipes are close-on-exec; dup2 gives the child fds 3 and 4 without that flag. The child's
        // ends are first copied to 5 or above, so that neither dup2 overwrites the other's source.
        let browserReads = fcntl(toBrowser[0], F_DUPFD_CLOEXEC, 5)
        let browserWrites = fcntl(fromBrowser[1], F_DUPFD_CLOEXEC, 5)
        close(toBrowser[0])
        close(fromBrowser[1])
        defer { close(browserReads); close(browserWrites) }
        posix_spawn_file_actions_adddup2(&actions, browserReads, 3)
        posix_spawn_file_actions_adddup2(&actions, browserWrites, 4)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--hide-scrollbars", "--user-data-dir=\(profile.path)", "--remote-debugging-pipe", "about:blank",
        ]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, chromium, &actions, nil, &argv, environ)
        guard status == 0 else {
            close(toBrowser[1])
            close(fromBrowser[0])
            throw Failure(description: "posix_spawn \(chromium) failed: \(status)")
        }
        pid = child
        commands = toBrowser[1]
        replies = fromBrowser[0]
    }

    deinit {
        _ = try? send("Browser.close")
        close(commands)
        close(replies)
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == 0 {
            usleep(200_000)
            if waitpid(pid, &status, WNOHANG) == 0 {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
            }
        }
        try? FileManager.default.removeItem(at: profile)
    }

    /// Sends a command and waits for its reply; the result object, or a `Failure` with the browser's error.
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil) throws -> [String: Any] {
        lastID += 1
        let id = lastID
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(commands, raw.baseAddress! + offset, raw.count - offset)
                guard written > 0 else { throw Failure(description: "write to Chromium failed: errno \(errno)") }
                offset += written
            }
        }
        while true {
            let reply = try nextMessage()
            if reply["id"] as? Int == id {
                if let error = reply["error"] as? [String: Any] {
                    throw Failure(description: "\(method): \(error["message"] ?? error)")
                }
                return reply["result"] as? [String: Any] ?? [:]
            }
            if reply["method"] != nil { events.append(reply) }
        }
    }

    /// Reads messages until an event named `method` arrives (kept in `events`).
    func waitForEvent(_ method: String, session: String? = nil) throws {
        if events.contains(where: { $0["method"] as? String == method && $0["sessionId"] as? String == session }) { return }
        while true {
            let message = try nextMessage()
            guard message["method"] != nil else { continue }
            events.append(message)
            if message["method"] as? String == method && message["sessionId"] as? String == session { return }
        }
    }

    /// The next NUL-terminated JSON message. Fails when the browser exits or says nothing for 30 s, so a
    /// broken browser fails the test instead of hanging it.
    private func nextMessage() throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let data = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                    throw Failure(description: "Chromium sent a message that is not a JSON object")
                }
                return object
            }
            var poller = pollfd(fd: replies, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 30_000) == 1 else { throw Failure(description: "Chromium did not answer within 30 s") }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(replies, &chunk, chunk.count)
            guard count > 0 else { throw Failure(description: "Chromium closed the DevTools pipe") }
            buffer += chunk[..<count]
        }
    }
}

extension ChromiumDevTools {
    /// What the browser did with one page.
    struct PageLoad {
        /// URLs of every request other than the page itself (`data:` included: the report loads nothing).
        var requests: [String]
        /// Console messages and log entries of level error, and uncaught exceptions.
        var consoleErrors: [String]
        /// The value of `probe`, a JavaScript expression evaluated after the load event.
        var probe: Any?
        /// The first screen, `width`×`height`, as PNG.
        var screenshot: Data
        /// With `printProbe`: its value and the first screen as the print stylesheet lays it out.
        var printProbe: Any?
        var printScreenshot: Data?
    }

    /// Opens `file` in a new tab of `width`×`height` CSS pixels, waits for its load event, evaluates
    /// `probe` (DevTools' own evaluation; the page itself runs no script) and takes a screenshot.
    func load(_ file: URL, width: Int = 1280, height: Int = 900, probe: String, printProbe: String? = nil) throws -> PageLoad {
        let target = try send("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw Failure(description: "no target id") }
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw Failure(description: "no session id") }
        for domain in ["Page", "Network", "Runtime", "Log"] { try send("\(domain).enable", session: session) }
        try send("Emulation.setDeviceMetricsOverride",
                 ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false], session: session)
        let firstEvent = events.count
        try send("Page.navigate", ["url": file.absoluteString], session: session)
        try waitForEvent("Page.loadEventFired", session: session)
        let evaluated = try send("Runtime.evaluate", ["expression": probe, "returnByValue": true], session: session)
        let shot = try send("Page.captureScreenshot", ["format": "png"], session: session)
        // Events that arrive late (a console message after load) are read by these two commands.
        let pageEvents = events[firstEvent...].filter { $0["sessionId"] as? String == session }
        var requests: [String] = []
        var errors: [String] = []
        for event in pageEvents {
            let params = event["params"] as? [String: Any] ?? [:]
            switch event["method"] as? String {
            case "Network.requestWillBeSent":
                let url = (params["request"] as? [String: Any])?["url"] as? String ?? "?"
                if url != file.absoluteString { requests.append(url) }
            case "Runtime.consoleAPICalled" where params["type"] as? String == "error":
                errors.append("console.error: \(params["args"] ?? "")")
            case "Runtime.exceptionThrown":
                errors.append("exception: \(params["exceptionDetails"] ?? "")")
            case "Log.entryAdded":
                let entry = params["entry"] as? [String: Any] ?? [:]
                if entry["level"] as? String == "error" { errors.append("\(entry["source"] ?? ""): \(entry["text"] ?? "")") }
            default: break
            }
        }
        let result = (evaluated["result"] as? [String: Any])?["value"]
        if let exception = evaluated["exceptionDetails"] { errors.append("probe failed: \(exception)") }
        guard let base64 = shot["data"] as? String, let png = Data(base64Encoded: base64) else {
            throw Failure(description: "no screenshot")
        }
        var printResult: Any?
        var printPNG: Data?
        if let printProbe {
            try send("Emulation.setEmulatedMedia", ["media": "print"], session: session)
            let printed = try send("Runtime.evaluate", ["expression": printProbe, "returnByValue": true], session: session)
            printResult = (printed["result"] as? [String: Any])?["value"]
            let printShot = try send("Page.captureScreenshot", ["format": "png"], session: session)
            printPNG = (printShot["data"] as? String).flatMap { Data(base64Encoded: $0) }
        }
        try send("Target.closeTarget", ["targetId": targetID])
        return PageLoad(requests: requests, consoleErrors: errors, probe: result, screenshot: png, printProbe: printResult, printScreenshot: printPNG)
    }
}
