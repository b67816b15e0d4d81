import Foundation
import Testing

/// The release binary runs on a machine without the Swift toolchain: it is linked with
/// `--static-swift-stdlib` (README's first command) and needs only the C and C++ runtimes, plus the
/// system's libxml2 and zlib, which `import` reads TM7, draw.io and CycloneDX files with (Debian's
/// `libxml2` and `zlib1g`, present on a standard installation).
///
/// `scripts/test.sh` builds that binary before `swift test` and names it in
/// `THREATSCRIBE_RELEASE_BINARY`; without the variable the test is skipped (a release build takes
/// minutes, so `swift test` alone does not start one).
struct StaticBinaryTests {
    static let releaseBinary = ProcessInfo.processInfo.environment["THREATSCRIBE_RELEASE_BINARY"].map { URL(fileURLWithPath: $0) }

    struct Output {
        var status: Int32
        var text: String
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = CommandLineTests.root
        process.environment = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, text: String(decoding: data, as: UTF8.self))
    }

    /// The Swift runtime the debug build loads (`/opt/swift/usr/lib/swift/linux/libswiftCore.so`),
    /// and the toolchain it belongs to (`/opt/swift`).
    static func toolchain() throws -> (root: String, runtime: String) {
        let ldd = try run("/usr/bin/ldd", [CommandLineTests.executable.path])
        let line = try #require(ldd.text.split(separator: "\n").first { $0.contains("libswiftCore.so => /") }, "\(ldd.text)")
        let path = line.split(separator: " ")[2]
        let runtime = String(path)
        let suffix = "/usr/lib/swift/linux/libswiftCore.so"
        let root = runtime.hasSuffix(suffix) ? String(runtime.dropLast(suffix.count)) : (runtime as NSString).deletingLastPathComponent
        return (root, runtime)
    }

    @Test(.enabled(if: releaseBinary != nil, "THREATSCRIBE_RELEASE_BINARY is not set; scripts/test.sh builds the static release binary and sets it"))
    func releaseBinaryRunsWithTheToolchainHidden() throws {
        let binary = try #require(Self.releaseBinary).path
        let (root, runtime) = try Self.toolchain()

        let dynamic = try Self.run("/usr/bin/readelf", ["-d", binary])
        #expect(dynamic.status == 0, "\(dynamic.text)")
        let entries = dynamic.text.split(separator: "\n").filter { $0.contains("(NEEDED)") || $0.contains("PATH)") }
        #expect(!entries.isEmpty)
        let allowed = ["libc.so", "libm.so", "libstdc++.so", "libgcc_s.so", "libxml2.so", "libz.so", "ld-linux", "libpthread.so", "libdl.so", "librt.so", "libutil.so"]
        for entry in entries {
            #expect(!entry.contains(root), "no RUNPATH into the toolchain: \(entry)")
            #expect(!["libswift", "libFoundation", "libdispatch", "libBlocksRuntime", "libicu"].contains { entry.contains($0) },
                    "no Swift, Foundation or ICU library is loaded at run time: \(entry)")
            if entry.contains("(NEEDED)") {
                #expect(allowed.contains { entry.contains($0) }, "only the C/C++ runtimes, libxml2 and zlib are needed: \(entry)")
            }
        }
        let ldd = try Self.run("/usr/bin/ldd", [binary])
        #expect(ldd.status == 0 && !ldd.text.contains("libswift") && !ldd.text.contains("libFoundation") && !ldd.text.contains("not found"), "\(ldd.text)")

        guard try Self.run("/usr/bin/unshare", ["--mount", "/bin/true"]).status == 0 else {
            print("skipped the run with the toolchain hidden: unshare --mount is not permitted here")
            return
        }
        // A tmpfs over the toolchain, in a private mount namespace; the shell checks the runtime is gone.
        let script = #"mount -t tmpfs tmpfs "$1" && ! test -e "$2" && exec "$3" validate Samples/minimal.yaml"#
        let hidden = try Self.run("/usr/bin/unshare", ["--mount", "--propagation", "private", "/bin/sh", "-c", script, "sh", root, runtime, binary])
        #expect(hidden.status == 0, "\(hidden.text)")
        #expect(hidden.text == "Samples/minimal.yaml: valid (1 environment: default)\n")
        // The same sandbox stops the debug build, which loads the runtime from the toolchain.
        let debug = try Self.run("/usr/bin/unshare", ["--mount", "--propagation", "private", "/bin/sh", "-c", script, "sh", root, runtime,
                                                      CommandLineTests.executable.path])
        #expect(debug.status != 0 && debug.text.contains("error while loading shared libraries"), "\(debug.text)")
    }
}
