import Foundation
import Testing

@testable import FollowupKit

/// A throwaway git repository holding a copy of the shipped `meetings/`, as git's own merge
/// driver tests (t6026) build theirs: its own user, no global or system config.
final class ScratchRepo {
    let temp: TempRoot
    var url: URL { temp.url }
    static let record = "meetings/2026/2026-11-16-thu-ngan-sach-giai-ngan.yaml"

    /// `clone`: a clone of that repository (a bare one, for the simulation) instead of a new one.
    init(clone source: URL? = nil, bare: Bool = false, seed: Bool = true) throws {
        temp = try TempRoot()
        if let source {
            try expectOK(Self.git(["clone", "-q", source.path, url.path], in: url.deletingLastPathComponent()))
        } else {
            try expectOK(git(["init", "-q", "-b", "master"] + (bare ? ["--bare"] : [])))
        }
        guard !bare else { return }
        try expectOK(git(["config", "user.name", "Văn phòng"]))
        try expectOK(git(["config", "user.email", "vp@tanky.example"]))
        if source == nil, seed {
            try FileManager.default.copyItem(
                at: CLI.packageRoot.appendingPathComponent("meetings"),
                to: url.appendingPathComponent("meetings"))
            try commitAll("Sổ theo dõi")
        }
    }

    static func environment() -> [String: String] {
        var env = CLI.environment()
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_MERGE_AUTOEDIT"] = "no"
        return env
    }

    static func git(_ args: [String], in dir: URL) throws -> CLI.Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        p.arguments = args
        p.currentDirectoryURL = dir
        p.environment = environment()
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return CLI.Result(
            status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    @discardableResult
    func git(_ args: [String]) throws -> CLI.Result { try Self.git(args, in: url) }

    /// Runs `followup ARGS --root meetings` in the repository, in process; `git-setup` as
    /// the built binary, since it writes the running program's path into the git config.
    @discardableResult
    func followup(_ args: [String], today: String = "2026-12-10") throws -> CLI.Result {
        var env = Self.environment()
        env["FOLLOWUP_TODAY"] = today
        return try CLI.run(args + ["--root", "meetings"], in: url, env: env, process: args.first == "git-setup")
    }

    func commitAll(_ message: String) throws {
        try expectOK(git(["add", "-A"]))
        try expectOK(git(["commit", "-q", "-m", message]))
    }

    func read(_ path: String = ScratchRepo.record) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url.appendingPathComponent(path)))
    }

    /// The record at a revision.
    func show(_ rev: String, _ path: String = ScratchRepo.record) throws -> [UInt8] {
        let r = try git(["show", "\(rev):\(path)"])
        try expectOK(r)
        return Array(r.stdout.utf8)
    }

    /// Paths git holds unmerged.
    func unmerged() throws -> String { try git(["ls-files", "-u"]).stdout }

    /// The entries of a record's `updates:` list, as bytes without the final line break.
    static func entries(_ bytes: [UInt8]) throws -> [String] {
        try RecordSplit.split(bytes, placeholder: Array("#none".utf8)).get().entries.map {
            String(decoding: LogEntry(text: $0, task: "", date: Day(daysSinceEpoch: 0)).identity, as: UTF8.self)
        }
    }
}

struct CommandFailed: Error, CustomStringConvertible {
    var result: CLI.Result
    var description: String { "exit \(result.status)\n\(result.stdout)\n\(result.stderr)" }
}

/// Fails the test (with what the command printed) unless it exited 0.
func expectOK(_ r: CLI.Result) throws {
    if r.status != 0 { throw CommandFailed(result: r) }
}
