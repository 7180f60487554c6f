// swift-tools-version: 6.2
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
    ],
    targets: [
        .systemLibrary(
            name: "CYaml",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "FollowupKit",
            dependencies: ["CYaml", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            // The templates `new` knows without a root's templates/ (and `init` lays out).
            resources: ["chuyen-de", "giao-ban", "hoi-nghi", "lam-viec"].map {
                .embedInCode("Templates/Builtin/\($0).yaml")
            }
        ),
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
