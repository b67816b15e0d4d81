// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "threatscribe",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "threatscribe", targets: ["threatscribe"]),
        .library(name: "ThreatscribeCore", targets: ["ThreatscribeCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "ThreatscribeCore",
            dependencies: [
                "Yams",
                "Ink",
                "CLibXML2",
                "CZlib",
            ]
        ),
        .executableTarget(
            name: "threatscribe",
            dependencies: [
                "ThreatscribeCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ThreatscribeCoreTests",
            dependencies: [
                "ThreatscribeCore", "CLibXML2", "CZlib", "Yams",
                // Only the differential test: the templates render as swift-mustache renders them.
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
    ]
)
