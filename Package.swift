// swift-tools-version:6.0
import PackageDescription

/// This directory, for linker inputs that must be named by absolute path.
let packageDirectory = String(#filePath.dropLast("/Package.swift".count))

let package = Package(
    name: "peerbot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "peerbot", targets: ["peerbot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        // Typed wrappers around libcurl's variadic C functions.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CurlHTTP", dependencies: ["CCurl"]),
        // glibc's malloc.h (arena limit, trimming), not part of the Glibc module.
        .systemLibrary(name: "CMalloc"),
        // SQLite's own interface, for the per-event savepoints the store runs without GRDB.
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "MatrixClient"),
        .target(name: "PeerLearning"),
        // Olm, Megolm, signed JSON and attachment encryption, on swift-crypto's primitives only.
        .target(name: "MatrixCrypto", dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "CryptoExtras", package: "swift-crypto"),
        ]),
        .target(name: "PeerBotStore", dependencies: [
            "PeerLearning", "MatrixCrypto", "CSQLite",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "PeerBot", dependencies: [
            "CurlHTTP", "MatrixClient", "MatrixCrypto", "PeerLearning", "PeerBotStore",
            .target(name: "CMalloc", condition: .when(platforms: [.linux])),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        // The offline commands (export, forget, groups plan) open the store and use the domain's
        // types directly, so the CLI declares both beside the runtime it starts.
        .executableTarget(
            name: "peerbot",
            dependencies: [
                "PeerBot", "PeerBotStore", "PeerLearning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds are linked for a small resident set (see support/README.md): packed
            // relative relocations (DT_RELR, glibc 2.36+) and no exported symbol table, so the
            // loader touches kilobytes instead of megabytes, and the functions the daemon runs
            // placed side by side, so the pages it executes are few (the named ones by the order
            // file, the compiler's unnamed helpers in one block by a linker script), and read-only
            // data kept out of the writable segment (another linker script).
            linkerSettings: [.unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                                           "-Xlinker", "--no-export-dynamic",
                                           "-Xlinker", "--symbol-ordering-file=\(packageDirectory)/support/peerbot.order",
                                           "-Xlinker", "--no-warn-symbol-ordering",
                                           "-Xlinker", "--script=\(packageDirectory)/support/unnamed-functions.ld",
                                           "-Xlinker", "--script=\(packageDirectory)/support/writable-rodata.ld"],
                                          .when(configuration: .release))]
        ),
        .executableTarget(name: "peerbot-bench", dependencies: ["PeerBot", "PeerBotStore", "MatrixClient", "MatrixCrypto", "CurlHTTP", "PeerLearning"]),
        // Megolm and Olm throughput beside vodozemac's (scripts/matrixcrypto_bench.py), same run.
        .executableTarget(name: "matrixcrypto-bench", dependencies: ["MatrixCrypto"]),

        .testTarget(name: "CurlHTTPTests", dependencies: ["CurlHTTP"]),
        .testTarget(name: "MatrixClientTests", dependencies: ["MatrixClient"]),
        .testTarget(name: "PeerLearningTests", dependencies: ["PeerLearning", "PeerBot"]),
        .testTarget(name: "MatrixCryptoTests", dependencies: ["MatrixCrypto"],
                    exclude: ["Reference"]),
        .testTarget(name: "PeerBotStoreTests", dependencies: ["PeerBotStore"]),
        .testTarget(name: "PeerBotTests", dependencies: ["PeerBot"], exclude: ["Reference"]),
        .testTarget(name: "IntegrationTests", dependencies: ["PeerBot", "CurlHTTP", "MatrixClient", "MatrixCrypto", "PeerBotStore",
                                                           .product(name: "Crypto", package: "swift-crypto")]),
    ],
    swiftLanguageModes: [.v6]
)
