// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "mlw",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mlw", targets: ["mlw"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .systemLibrary(name: "CXGBoost", providers: [.apt(["libxgboost-dev"])]),
        .target(name: "LineEditing", dependencies: ["CLibEdit"]),
        .target(name: "Language"),
        .target(
            name: "Learning",
            dependencies: ["CXGBoost", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "Engine", dependencies: ["Language", "Learning", "Store"]),
        .target(
            name: "Store",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "Console", dependencies: ["Engine", "Export", "Language", "LineEditing", "Store"]),
        .target(name: "Export", dependencies: ["Engine", "Language"]),
        .target(name: "MLWTestSupport", path: "Tests/MLWTestSupport"),
        .target(name: "Replay", dependencies: ["Engine", "Export", "Language", "Store"]),
        .target(
            name: "Server",
            dependencies: [
                "Engine", "Learning", "Store",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "mlw",
            dependencies: [
                "Console", "Replay", "Server", "Engine", "Export", "Language", "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "mlw-bench", dependencies: ["Learning", "Store"], path: "Benchmarks/mlw-bench"),
        .testTarget(name: "LanguageTests", dependencies: ["Language"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Language", "Learning", "Store"]),
        .testTarget(name: "ReplayTests", dependencies: ["Replay", "Engine", "Store", "MLWTestSupport"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "LineEditing", "MLWTestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "Replay", "Engine", "Language"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Engine", "Learning", "Store",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
