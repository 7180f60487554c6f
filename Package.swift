// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "followup",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "followup", targets: ["followup"]),
        .library(name: "FollowupKit", targets: ["FollowupKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CYaml",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The library, one target per stage; each depends only on the stages below it, so an
        // arrow that runs back up does not build (Docs/Design.md draws this graph).
        .target(name: "FollowupSupport"),
        .target(name: "FollowupYAML", dependencies: ["CYaml", "FollowupSupport"]),
        .target(name: "FollowupModel", dependencies: ["FollowupSupport"]),
        .target(name: "FollowupTracking", dependencies: ["FollowupSupport", "FollowupYAML", "FollowupModel"]),
        .target(
            name: "FollowupLoading",
            dependencies: ["FollowupSupport", "FollowupYAML", "FollowupModel", "FollowupTracking"]
        ),
        .target(
            name: "FollowupStorage",
            dependencies: ["FollowupSupport", "FollowupYAML", "FollowupModel", "FollowupTracking", "FollowupLoading"]
        ),
        .target(
            name: "FollowupReports",
            dependencies: [
                "FollowupSupport", "FollowupModel", "FollowupTracking", "FollowupLoading", "FollowupStorage",
            ]
        ),
        .target(
            name: "FollowupRendering",
            dependencies: [
                "FollowupSupport", "FollowupModel", "FollowupTracking", "FollowupLoading", "FollowupReports",
            ]
        ),
        .target(
            name: "FollowupOffice",
            dependencies: [
                "FollowupSupport", "FollowupModel", "FollowupLoading", "FollowupReports", "FollowupRendering",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "FollowupImport",
            dependencies: [
                "FollowupSupport", "FollowupModel", "FollowupStorage",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "FollowupSharing",
            dependencies: [
                "FollowupSupport", "FollowupYAML", "FollowupModel", "FollowupTracking", "FollowupLoading",
                "FollowupStorage", "FollowupTemplates",
            ]
        ),
        .target(
            name: "FollowupTemplates",
            dependencies: [
                "FollowupSupport", "FollowupYAML", "FollowupModel", "FollowupTracking", "FollowupLoading",
                "FollowupStorage",
            ],
            // The templates `new` knows without a root's templates/ (and `init` lays out).
            resources: ["chuyen-de", "giao-ban", "hoi-nghi", "lam-viec"].map { .embedInCode("Builtin/\($0).yaml") }
        ),
        // Every stage under one name for the command line, the portal and the tests (and the fuzz
        // probe, which runs a record through all of them).
        .target(
            name: "FollowupKit",
            dependencies: [
                .target(name: "FollowupSupport"), .target(name: "FollowupYAML"), .target(name: "FollowupModel"),
                .target(name: "FollowupTracking"), .target(name: "FollowupLoading"), .target(name: "FollowupStorage"),
                .target(name: "FollowupReports"), .target(name: "FollowupRendering"), .target(name: "FollowupOffice"),
                .target(name: "FollowupImport"), .target(name: "FollowupSharing"), .target(name: "FollowupTemplates"),
            ]),
        // The web portal (`followup serve`): routes over FollowupKit, nothing the CLI needs.
        .target(
            name: "FollowupServer",
            dependencies: [
                "FollowupKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]
        ),
        .executableTarget(
            name: "followup",
            dependencies: [
                "FollowupKit",
                "FollowupServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The libFuzzer harness; a plain build makes a stub (see scripts/fuzz).
        .executableTarget(
            name: "FollowupFuzz",
            dependencies: ["FollowupKit"]
        ),
        .testTarget(
            name: "FollowupKitTests",
            dependencies: ["FollowupKit", "followup", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            // Read by path from the tests (office_read.py is the independent reader of .docx/.xlsx).
            exclude: ["Golden", "Support/office_read.py"]
        ),
        .testTarget(
            name: "FollowupServerTests",
            dependencies: [
                "FollowupServer", "FollowupKit", "followup",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
