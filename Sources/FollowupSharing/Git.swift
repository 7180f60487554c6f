import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import FollowupYAML
import Foundation

/// Runs `git` (found on PATH) and collects what it prints.
public struct Git: Sendable {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: String
        public var text: String {
            String(decoding: stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// The folder git runs in (`git -C`); nil: the current one.
    public var directory: String?
    /// The environment git sees (the command's, which tests replace); nil: this process's.
    public var environment: [String: String]?

    public init(directory: String? = nil, environment: [String: String]? = nil) {
        self.directory = directory
        self.environment = environment
    }

    public func run(_ arguments: [String]) throws(FollowupError) -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + (directory.map { ["-C", $0] } ?? []) + arguments
        if let environment { p.environment = environment }
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch {
            throw FollowupError(.sharing(.gitFailed("git: \(error.localizedDescription)")))
        }
        // Both pipes at once, so a large output cannot fill one while the other is read.
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
        return Output(
            status: p.terminationStatus, stdout: [UInt8](outData),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A three-way text merge: the part of a record people write merges as git merges text.
public protocol TextMerging {
    /// The merged bytes and the number of conflicts (0: clean).
    func merge(
        base: [UInt8], ours: [UInt8], theirs: [UInt8],
        labels: MergeLabels
    ) throws(FollowupError) -> (bytes: [UInt8], conflicts: Int)
}

public struct MergeLabels: Sendable, Equatable {
    public var ours: String
    public var base: String
    public var theirs: String
    public var markerSize: Int

    public init(ours: String = "ours", base: String = "base", theirs: String = "theirs", markerSize: Int = 7) {
        self.ours = ours
        self.base = base
        self.theirs = theirs
        self.markerSize = markerSize
    }
}

/// `git merge-file -p`: git's own 3-way text merge (the same xdiff code and markers a merge
/// without the driver gives), so a conflict above `updates:` looks exactly as git shows one.
public struct GitMergeFile: TextMerging {
    public var environment: [String: String]?

    public init(environment: [String: String]? = nil) { self.environment = environment }

    public func merge(
        base: [UInt8], ours: [UInt8], theirs: [UInt8],
        labels: MergeLabels
    ) throws(FollowupError) -> (bytes: [UInt8], conflicts: Int) {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("followup-merge-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: false)
        } catch {
            throw FollowupError(.sharing(.gitFailed(error.localizedDescription)))
        }
        defer { try? fm.removeItem(at: dir) }
        let names = ["ours", "base", "theirs"]
        for (name, bytes) in zip(names, [ours, base, theirs]) {
            guard fm.createFile(atPath: dir.appendingPathComponent(name).path, contents: Data(bytes)) else {
                throw FollowupError(.sharing(.gitFailed("cannot write \(dir.path)/\(name)")))
            }
        }
        let out = try Git(directory: dir.path, environment: environment).run(
            [
                "merge-file", "-p", "--marker-size=\(labels.markerSize)",
                "-L", labels.ours, "-L", labels.base, "-L", labels.theirs,
            ] + names)
        // The exit status is the number of conflicts (at most 127); negative means failure.
        guard out.status >= 0, out.status < 128 else {
            throw FollowupError(.sharing(.gitFailed("git merge-file: " + out.stderr)))
        }
        return (out.stdout, Int(out.status))
    }
}
