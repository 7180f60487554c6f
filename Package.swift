// swift-tools-version: 6.1
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
        .executableTarget(
            name: "followup",
            dependencies: [
                "FollowupKit",
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
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
