import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import FollowupYAML
import Foundation

extension GitSetup {
    /// `check`'s warning: the root is in a git work tree whose attributes hand its records to
    /// the `followup` driver, but this clone's config does not define the driver, so git
    /// would quietly fall back to its text merge and report a conflict for every concurrent
    /// update. nil when that is not so, or when git cannot say (no git, not a repository).
    public static func unconfiguredDriverWarning(root: String, environment: [String: String]? = nil) -> Diagnostic? {
        guard insideWorkTree(root) else { return nil }
        let git = Git(directory: root, environment: environment)
        // A record's path in the root and in a year folder: either may carry the attribute.
        guard let attr = try? git.run(["check-attr", "merge", "--", "probe.yaml", "2000/probe.yaml"]), attr.status == 0,
            String(decoding: attr.stdout, as: UTF8.self).contains(": merge: \(driverName)\n")
        else { return nil }
        guard let config = try? git.run(["config", "--get", "merge.\(driverName).driver"]) else { return nil }
        // 1: the key is not set. Anything else (0, or a broken config) is not ours to judge.
        guard config.status == 1 else { return nil }
        let attributes = RootScanner.join(root, ".gitattributes")
        let shown = FileManager.default.fileExists(atPath: attributes) ? attributes : root
        return Diagnostic(.warning, SourceLocation(path: shown, line: 0, column: 0), .sharing(.driverNotConfigured))
    }

    /// Whether the repository git runs in (the current folder's, as for a merge driver) is
    /// in the middle of a rebase: then git's "ours" is the version pulled, not this clone's.
    public static func rebaseInProgress(environment: [String: String]? = nil) -> Bool {
        let git = Git(environment: environment)
        for name in ["rebase-merge", "rebase-apply"] {
            guard let out = try? git.run(["rev-parse", "--git-path", name]), out.status == 0, !out.text.isEmpty
            else { continue }
            if FileManager.default.fileExists(atPath: out.text) { return true }
        }
        return false
    }

    /// A `.git` in the root or a folder above it (checked before running git at all, so a
    /// root outside any repository costs no process).
    package static func insideWorkTree(_ root: String) -> Bool {
        var dir = URL(fileURLWithPath: root).standardizedFileURL
        for _ in 0..<64 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent(".git").path) { return true }
            let up = dir.deletingLastPathComponent()
            if up.path == dir.path { return false }
            dir = up
        }
        return false
    }
}
