import FollowupLoading
import FollowupModel
import FollowupSupport
import FollowupTracking
import FollowupYAML
import Foundation

/// The steps of replacing a record, named so tests can fail or pause at each one.
public enum WriteStep: String, CaseIterable, Sendable {
    case lock, read
    case createTemp = "create-temp"
    case write, fsync, rename
    case fsyncDirectory = "fsync-dir"
}

/// A test seam: called before each step; throwing an errno makes that step fail as if the
/// system call had. The default does nothing.
public struct WriteHooks: Sendable {
    public var before: @Sendable (WriteStep) -> Int32?

    public init(before: @escaping @Sendable (WriteStep) -> Int32? = { _ in nil }) { self.before = before }

    public static let none = WriteHooks()
}

/// Replacing a file so that a crash at any moment leaves the old or the new file, never a
/// mix: write a temporary file in the same folder, fsync it, rename it over the original,
/// fsync the folder. The file's permission bits are kept; symbolic links are refused.
public struct AtomicFile {
    public var hooks: WriteHooks

    public init(hooks: WriteHooks = .none) { self.hooks = hooks }

    package static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Writes every byte (retrying short writes and EINTR); the errno of a failure, or nil.
    package static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += n
        }
        return nil
    }

    /// Replaces `path` with `bytes`. `mode` is the permission bits to give the new file.
    /// `beforeRename` runs after the temporary file is durable and just before the rename:
    /// the last moment to notice that someone else changed the file.
    /// `owner`: the owner and group to give the new file where the process may (as `cp -p`:
    /// root keeps both, a member of the group keeps the group).
    /// The folder ("." when the path names none) and the last component of `path`, in plain
    /// Swift: Foundation's `NSString` path methods trap on a one-character path (SIGILL; met by
    /// `followup merge-driver a b c x.yaml`, a result file named `b`).
    static func parts(of path: String) -> (folder: String, name: String) {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return (".", String(p)) }
        let folder = p[..<slash]
        return (folder.isEmpty ? "/" : String(folder), String(p[p.index(after: slash)...]))
    }

    public func replace(
        _ path: String, with bytes: [UInt8], mode: mode_t, owner: (uid_t, gid_t)? = nil,
        beforeRename: () throws(FollowupError) -> Void = {}
    ) throws(FollowupError) {
        let fail = { (reason: Int32) -> FollowupError in
            FollowupError(.writeFailed(path: path, reason: AtomicFile.describe(reason)))
        }
        let (dir, base) = AtomicFile.parts(of: path)
        let temp = RootScanner.join(dir, ".\(base).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")

        if let e = hooks.before(.createTemp) { throw fail(e) }
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw fail(errno) }
        var ok = false
        defer {
            if !ok { unlink(temp) }
        }
        var closed = false
        defer { if !closed { close(fd) } }
        if let e = hooks.before(.write) { throw fail(e) }
        if let e = AtomicFile.writeAll(fd, bytes) { throw fail(e) }
        if let (uid, gid) = owner, fchown(fd, uid, gid) != 0 { _ = fchown(fd, uid_t.max, gid) }
        // open() applied the umask (and a change of owner may clear bits); set the original's exactly.
        if fchmod(fd, mode) != 0 { throw fail(errno) }
        if let e = hooks.before(.fsync) { throw fail(e) }
        if fsync(fd) != 0 { throw fail(errno) }
        close(fd)
        closed = true
        try beforeRename()
        if let e = hooks.before(.rename) { throw fail(e) }
        if rename(temp, path) != 0 { throw fail(errno) }
        ok = true
        // The rename is done: the new content is in place. A failing folder fsync means it
        // may not survive a power cut yet, which the user must hear about.
        let notDurable = { (reason: Int32) -> FollowupError in
            FollowupError(.notDurable(path: path, reason: AtomicFile.describe(reason)))
        }
        if let e = hooks.before(.fsyncDirectory) { throw notDurable(e) }
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            defer { close(dfd) }
            if fsync(dfd) != 0 { throw notDurable(errno) }
        }
    }

    /// Creates a new file that must not exist yet, atomically (temp + fsync + link), so a
    /// reader never sees it half-written and an existing file is never replaced.
    public func create(_ path: String, with bytes: [UInt8], mode: mode_t = 0o644) throws(FollowupError) {
        let (dir, base) = AtomicFile.parts(of: path)
        let temp = RootScanner.join(
            dir, ".\(base).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fail = { (reason: Int32) -> FollowupError in
            FollowupError(.writeFailed(path: path, reason: AtomicFile.describe(reason)))
        }
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw fail(errno) }
        defer { unlink(temp) }
        var failure = AtomicFile.writeAll(fd, bytes) ?? 0
        if failure == 0, fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure != 0 { throw fail(failure) }
        // link() fails with EEXIST instead of replacing: never overwrite.
        if link(temp, path) != 0 { throw FollowupError(.writeFailed(path: path, reason: AtomicFile.describe(errno))) }
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }
}

/// An exclusive advisory lock on a lock file beside a record, held while it is re-read,
/// appended to and replaced. The lock is on a separate file because the rename gives the
/// record a new inode, which would defeat a lock taken on the record itself.
///
/// Colleagues share it: it is created with the record's group and read-write bits (a
/// group-writable record gets a group-readable lock), and opened read-only, which is all
/// `flock` needs, so a lock file another user created serves everyone who can read it.
/// It is never opened through a symbolic link (`O_NOFOLLOW`).
public final class RecordLock {
    private let fd: Int32

    /// `record`: the record's `stat`, whose group and bits the lock file gets when created.
    public init(for recordPath: String, like record: stat? = nil) throws(FollowupError) {
        let (dir, name) = AtomicFile.parts(of: recordPath)
        let lockPath = RootScanner.join(dir, ".\(name).lock")
        let mode = record.map { $0.st_mode & 0o666 | 0o600 } ?? 0o644
        var fd = open(lockPath, O_RDONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        if fd >= 0 {
            if let record { _ = fchown(fd, uid_t.max, record.st_gid) }
            _ = fchmod(fd, mode)
        } else if errno == EEXIST {
            fd = open(lockPath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        }
        guard fd >= 0 else {
            let reason = errno == ELOOP ? "symbolic link" : AtomicFile.describe(errno)
            throw FollowupError(.writeFailed(path: lockPath, reason: reason))
        }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let e = errno
            close(fd)
            throw FollowupError(.writeFailed(path: lockPath, reason: AtomicFile.describe(e)))
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
