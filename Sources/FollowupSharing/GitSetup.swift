import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTemplates
import FollowupTracking
import FollowupYAML
import Foundation

/// `followup git-setup`: makes a clone merge meeting records with `followup merge-driver`.
/// Two halves, because git keeps them apart: `.gitattributes` (committed, shared by every
/// clone) says which files use the driver; the clone's own config (never shared) says what
/// the driver runs. Running it again changes nothing.
public enum GitSetup {
    /// The driver's name in `merge=` and `merge.<name>.driver`.
    public static let driverName = "followup"

    /// The lines `.gitattributes` in the records' folder must hold. Records merge with the
    /// driver; the registry, the settings and the templates stay with git's text merge.
    public static let attributeLines = [
        "*.yaml merge=\(driverName)",
        "*.yml merge=\(driverName)",
        "/units.yaml !merge",
        "/units.yml !merge",
        "/settings.yaml !merge",
        "/settings.yml !merge",
        "/templates/** !merge",
    ]

    package static let attributesComment =
        "# Meeting records merge their updates: lists with `followup merge-driver` (followup git-setup)."

    /// The config value for `merge.followup.driver`, `program` being how to start followup.
    public static func driverCommand(program: String) -> String {
        "\(program) merge-driver %O %A %B %P --marker-size %L"
    }

    /// Adds to the root's `.gitignore` the lines `init` writes there (lock and temporary
    /// files beside the records), those it lacks: a lock committed by one clone makes every
    /// other clone's pull stop. Says what it did.
    static func ignoreLockFiles(root: String) throws(FollowupError) -> Message {
        let path = RootScanner.join(root, ".gitignore")
        let existing = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
        let have = Set(
            String(decoding: existing, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) })
        let wanted = NewRoot.gitignore.split(separator: "\n").map(String.init)
        let patterns = wanted.filter { !$0.hasPrefix("#") && !$0.isEmpty }
        let missing = patterns.filter { !have.contains($0) }
        guard !missing.isEmpty else { return .sharing(.ignorePresent(path)) }
        var text = existing
        if let last = text.last, last != 0x0A { text.append(0x0A) }
        if let comment = wanted.first(where: { $0.hasPrefix("#") }), !have.contains(comment) {
            text += Array((comment + "\n").utf8)
        }
        text += Array((missing.joined(separator: "\n") + "\n").utf8)
        var mode: mode_t = 0o644
        var st = stat()
        if lstat(path, &st) == 0 { mode = st.st_mode & 0o7777 }
        try AtomicFile(hooks: .none).replace(path, with: text, mode: mode)
        return .sharing(.ignoreWritten(path))
    }

    /// Writes what is missing and returns what it did, one message per half.
    public static func install(
        root: String, program: String,
        environment: [String: String]? = nil
    ) throws(FollowupError) -> [Message] {
        let git = Git(directory: root, environment: environment)
        let top = try git.run(["rev-parse", "--show-toplevel"])
        guard top.status == 0 else { throw FollowupError(.sharing(.notInGitRepository(root))) }
        var said: [Message] = []

        let path = RootScanner.join(root, ".gitattributes")
        let existing = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
        let lines = Set(
            String(decoding: existing, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = attributeLines.filter { !lines.contains($0) }
        if missing.isEmpty {
            said.append(.sharing(.attributesPresent(path)))
        } else {
            var text = existing
            if let last = text.last, last != 0x0A { text.append(0x0A) }
            if !lines.contains(attributesComment) { text += Array((attributesComment + "\n").utf8) }
            text += Array((missing.joined(separator: "\n") + "\n").utf8)
            var mode: mode_t = 0o644
            var st = stat()
            if lstat(path, &st) == 0 { mode = st.st_mode & 0o7777 }
            try AtomicFile(hooks: .none).replace(path, with: text, mode: mode)
            said.append(.sharing(.attributesWritten(path)))
        }

        said.append(try ignoreLockFiles(root: root))

        let command = driverCommand(program: program)
        let current = try git.run(["config", "--get", "merge.\(driverName).driver"])
        if current.status == 0, current.text == command {
            said.append(.sharing(.configPresent(command)))
        } else {
            let name = "followup: merge meeting records' updates: lists as logs"
            for (key, value) in [("name", name), ("driver", command)] {
                let set = try git.run(["config", "merge.\(driverName).\(key)", value])
                guard set.status == 0 else { throw FollowupError(.sharing(.gitFailed(set.stderr))) }
            }
            said.append(.sharing(.configWritten(command)))
        }
        return said
    }
}
