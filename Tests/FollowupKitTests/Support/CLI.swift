import FollowupCLI
import Foundation
import Testing

@testable import followup

/// Runs `followup` as a user would: in this process (fast; the command sees a captured
/// console), or as the built binary when the test needs a real process (`process: true`,
/// a shell, standard input, or `$FOLLOWUP_BIN` set to pin another build).
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// The transcript a golden file pins.
        func transcript(_ command: String) -> String {
            "$ \(command)\nexit: \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
        }
    }

    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// The binary next to the test bundle (`.build/<config>/followup`), or `$FOLLOWUP_BIN`.
    static let binary: URL = {
        if let b = ProcessInfo.processInfo.environment["FOLLOWUP_BIN"] { return URL(fileURLWithPath: b) }
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("followup")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/followup")
    }()

    /// A fixed, clean environment: Vietnamese, no colour, 100 columns, today 2026-11-30.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env: [String: String] = [
            "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "NO_COLOR": "1",
            "COLUMNS": "100", "FOLLOWUP_TODAY": "2026-11-30", "LANG": "C.UTF-8",
        ]
        env["LANG"] = "vi_VN.UTF-8"
        // Sanitizer settings reach the binaries under test (scripts/sanitize).
        for key in ["ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"] {
            if let v = ProcessInfo.processInfo.environment[key] { env[key] = v }
        }
        for (k, v) in extra { env[k] = v }
        return env
    }

    @discardableResult
    /// Runs `followup ARGUMENTS`, or with `shell: true` the program `arguments[0]` (a shell)
    /// with `$0` set to the binary unless given.
    static func run(
        _ arguments: [String], in directory: URL, env: [String: String] = [:], stdin: Data? = nil,
        shell: Bool = false, process: Bool = false
    ) throws -> Result {
        // A portal command hands its process to followup-portal: only a process of its own can.
        let forwarded = Entry.subcommand(Followup.self, arguments).map(PortalCommands.forwards) == true
        if !process, !shell, !forwarded, stdin == nil, ProcessInfo.processInfo.environment["FOLLOWUP_BIN"] == nil {
            return InProcess.run(arguments, in: directory, env: environment(env))
        }
        let p = Process()
        if shell {
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            var args = arguments
            if args.count == 3 { args.append(binary.path) }
            p.arguments = args
        } else {
            p.executableURL = binary
            p.arguments = arguments
        }
        p.currentDirectoryURL = directory
        p.environment = environment(env)
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = Pipe()
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        // Read both pipes concurrently so a large output cannot dead-lock.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Result(
            status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Golden files: compared exactly; re-recorded only when FOLLOWUP_RECORD_GOLDEN=1.
enum Golden {
    static let directory = CLI.packageRoot.appendingPathComponent("Tests/FollowupKitTests/Golden")

    static func check(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["FOLLOWUP_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        // Bytes, not String(contentsOf:), which would drop a BOM.
        guard let data = try? Data(contentsOf: url) else {
            Issue.record(
                "golden file \(name) is missing; record it with FOLLOWUP_RECORD_GOLDEN=1 and review the diff",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if data != Data(actual.utf8) {
            Issue.record(
                "output differs from golden \(name):\n\(diff(expected, actual))", sourceLocation: sourceLocation)
        }
    }

    static func diff(_ a: String, _ b: String) -> String {
        let x = a.components(separatedBy: "\n")
        let y = b.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? x[i] : "<none>"
            let r = i < y.count ? y[i] : "<none>"
            if l != r { out.append("line \(i + 1):\n- \(l)\n+ \(r)") }
            if out.count > 10 { break }
        }
        return out.joined(separator: "\n")
    }
}

/// A scratch copy of a fixture folder, removed at the end.
final class TempRoot {
    let url: URL

    init(copying source: URL? = nil) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("followup-test-\(UUID().uuidString)")
        if let source {
            try FileManager.default.copyItem(at: source, to: url)
        } else {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    func write(_ relative: String, _ data: Data) throws {
        let u = path(relative)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: u)
    }

    func read(_ relative: String) throws -> Data { try Data(contentsOf: path(relative)) }
}

/// Runs a command of the `followup` module in this process, as its `main` would: one at a
/// time, in `directory` (relative paths in messages stay as a user sees them).
enum InProcess {
    private static let lock = NSLock()

    final class Capture: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes: [UInt8] = []
        func append(_ b: UnsafeBufferPointer<UInt8>) { lock.withLock { bytes.append(contentsOf: b) } }
        func append(_ s: String) { lock.withLock { bytes.append(contentsOf: s.utf8) } }
        var string: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }
    }

    static func run(_ arguments: [String], in directory: URL, env: [String: String]) -> CLI.Result {
        let out = Capture()
        let err = Capture()
        let console = Console(
            environment: env, stdoutIsTerminal: false, writeOut: { out.append($0) },
            writeErr: { err.append($0) })
        lock.lock()
        defer { lock.unlock() }
        let previous = FileManager.default.currentDirectoryPath
        guard chdir(directory.path) == 0 else {
            return CLI.Result(status: 127, stdout: "", stderr: "cannot enter \(directory.path)\n")
        }
        defer { _ = chdir(previous) }
        var status: Int32 = 0
        Console.$current.withValue(console) { status = Followup.run(arguments) }
        return CLI.Result(status: status, stdout: out.string, stderr: err.string)
    }
}
