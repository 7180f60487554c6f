// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "followup",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "followup", targets: ["followup"]),
        .executable(name: "followup-portal", targets: ["followup-portal"]),
        .library(name: "FollowupKit", targets: ["FollowupKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // The SMTP client of the notices (FollowupSMTP): sockets and STARTTLS.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
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
            dependencies: [
                "FollowupSupport", "FollowupYAML", "FollowupModel", "FollowupTracking", "FollowupLoading",
                // Evidence files: their type read from a zip's entries.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
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
        // What notices are due and the record of those sent; no channel (Docs/Notices.md).
        .target(
            name: "FollowupNotices",
            dependencies: [
                "FollowupSupport", "FollowupModel", "FollowupTracking", "FollowupLoading", "FollowupStorage",
                "FollowupReports",
            ]
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
                .target(name: "FollowupNotices"),
            ]),
        // Notices by e-mail: a small SMTP client on SwiftNIO, STARTTLS through NIOSSL. Not in
        // FollowupKit: only the portal's executable needs the network stack.
        .target(
            name: "FollowupSMTP",
            dependencies: [
                "FollowupSupport", "FollowupModel", "FollowupNotices",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // The web portal: routes over FollowupKit, nothing the command line needs.
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
        // What both programs share: the common options, the console, the entry that says the
        // parser's messages in the user's language, the portal commands' help.
        .target(
            name: "FollowupCLI",
            dependencies: ["FollowupKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The command line. It builds without the web stack: `followup serve`, `followup user`
        // hand the process to followup-portal.
        .executableTarget(
            name: "followup",
            dependencies: [
                "FollowupKit", "FollowupCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The commands that need the web stack (serve, user).
        .executableTarget(
            name: "followup-portal",
            dependencies: [
                "FollowupKit", "FollowupCLI", "FollowupServer", "FollowupSMTP",
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
            dependencies: [
                "FollowupKit", "FollowupCLI", "followup", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // Read by path from the tests (office_read.py is the independent reader of .docx/.xlsx).
            exclude: ["Golden", "Support/office_read.py"]
        ),
        .testTarget(
            name: "FollowupServerTests",
            dependencies: [
                "FollowupServer", "FollowupKit", "FollowupCLI", "followup", "followup-portal", "FollowupSMTP",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
