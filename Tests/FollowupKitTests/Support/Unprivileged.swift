import Foundation

/// Runs `followup` as a user whom permission bits bind. As root (CI runs as root, and root
/// ignores permission bits) that is `nobody` (65534) through util-linux's `setpriv`, running
/// a copy of the binary in a folder `nobody` can reach; as anyone else, the user itself.
final class Unprivileged {
    static let uid: uid_t = 65534
    /// Whether the runs change user (we are root).
    let switchesUser = getuid() == 0
    /// A folder under /tmp that the unprivileged user can enter: the binary's copy and the
    /// records under test go here.
    let scratch: URL
    private let binary: URL

    init() throws {
        let fm = FileManager.default
        scratch = URL(fileURLWithPath: "/tmp/followup-unprivileged-\(UUID().uuidString)")
        try fm.createDirectory(at: scratch, withIntermediateDirectories: false)
        chmod(scratch.path, 0o755)
        if switchesUser {
            binary = scratch.appendingPathComponent("followup")
            try fm.copyItem(at: CLI.binary, to: binary)
            chmod(binary.path, 0o755)
        } else {
            binary = CLI.binary
        }
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    /// A copy of `source` in the scratch folder, readable by the unprivileged user (whatever
    /// the umask of the checkout): folders 0755, files 0644.
    func copy(_ source: URL, as name: String) throws -> URL {
        let fm = FileManager.default
        let url = scratch.appendingPathComponent(name)
        try fm.copyItem(at: source, to: url)
        chmod(url.path, 0o755)
        for relative in try fm.subpathsOfDirectory(atPath: url.path) {
            let path = url.appendingPathComponent(relative).path
            var isFolder: ObjCBool = false
            _ = fm.fileExists(atPath: path, isDirectory: &isFolder)
            chmod(path, isFolder.boolValue ? 0o755 : 0o644)
        }
        return url
    }

    /// Runs `followup ARGUMENTS` in `directory` as the unprivileged user.
    func run(_ arguments: [String], in directory: URL) throws -> CLI.Result {
        let uid = String(Unprivileged.uid)
        let command =
            switchesUser
            ? ["setpriv", "--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", binary.path] + arguments
            : [binary.path] + arguments
        return try Program.run(command, in: directory, environment: CLI.environment())
    }
}
