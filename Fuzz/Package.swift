// swift-tools-version: 6.1
// libFuzzer targets for threatscribe. A separate package so that the main `swift build` and
// `swift test` never build them; `run.sh` builds them with `-sanitize=fuzzer,address`, which also
// instruments ThreatscribeCore. See README.md.
import PackageDescription

/// The main package, one directory up, through a link named `threatscribe` that `run.sh` makes:
/// SwiftPM names a path dependency after its directory, and this package's own directory `Fuzz`
/// would clash with a checkout or worktree that happens to be called `fuzz`.
let mainPackage = "threatscribe"
let core: Target.Dependency = .product(name: "ThreatscribeCore", package: mainPackage)

/// Fuzz entry points define `LLVMFuzzerTestOneInput` and no `main` (libFuzzer supplies it).
let entryPoint: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

func fuzzTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport", core],
        swiftSettings: entryPoint
    )
}

let package = Package(
    name: "threatscribe-fuzz",
    dependencies: [.package(path: ".build/threatscribe")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver", core]),
        fuzzTarget("FuzzModel"),
        fuzzTarget("FuzzCondition"),
        fuzzTarget("FuzzOriginRegex"),
        fuzzTarget("FuzzEscapers"),
    ],
    // Harness globals (the catalog, the scope list) are set once before libFuzzer starts.
    swiftLanguageModes: [.v5]
)
