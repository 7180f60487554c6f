import FollowupStorage
import FollowupSupport
import Foundation

/// The record of the notices sent: one line per notice and channel,
/// `CHANNEL<TAB>KEY<TAB>SENT-AT<TAB>ADDRESSES`, appended and synced as each is sent.
///
/// It lives in the root's `.followup/` folder (git-ignored: `init` and `git-setup` write the
/// line), beside the records it speaks of but not among them: the portal and the timer's
/// `followup notify` find it from the root alone, two roots never share one, and a backup of
/// the root keeps it (a restored server does not send everything again). Runs take its lock
/// (`flock` on `notices.lock` beside it), so two at once send each notice once.
public struct NoticeLog: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// `ROOT/.followup/notices-sent.log`.
    public static func path(root: String) -> String {
        (root.hasSuffix("/") ? root : root + "/") + ".followup/notices-sent.log"
    }

    var folder: String { (path as NSString).deletingLastPathComponent }
    var lockPath: String { (folder.isEmpty ? "." : folder) + "/notices.lock" }

    /// The keys sent on `channel` (none when the record does not exist yet).
    public func sent(channel: String) throws(FollowupError) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw FollowupError(.noticeLogUnreadable(path))
            }
            return []
        }
        var keys = Set<String>()
        for line in data.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count >= 2, fields[0].elementsEqual(channel.utf8) else { continue }
            keys.insert(String(decoding: fields[1], as: UTF8.self))
        }
        return keys
    }

    /// Appends one line and syncs it to disk.
    func record(channel: String, key: String, contacts: [Contact], at stamp: String) throws(FollowupError) {
        let clean = { (s: String) in String(s.unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) }) }
        let line =
            [channel, key, stamp, contacts.map(\.address).joined(separator: ",")].map(clean)
            .joined(separator: "\t") + "\n"
        try makeFolder()
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FollowupError(.noticeLogUnwritable(path, String(cString: strerror(errno)))) }
        defer { close(fd) }
        if let e = AtomicFile.writeAll(fd, Array(line.utf8)) {
            throw FollowupError(.noticeLogUnwritable(path, String(cString: strerror(e))))
        }
        guard fsync(fd) == 0 else { throw FollowupError(.noticeLogUnwritable(path, String(cString: strerror(errno)))) }
    }

    func makeFolder() throws(FollowupError) {
        let dir = folder
        guard !dir.isEmpty, !FileManager.default.fileExists(atPath: dir) else { return }
        do {
            try FileManager.default.createDirectory(
                atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw FollowupError(.noticeLogUnwritable(dir, error.localizedDescription))
        }
    }

    /// The held lock; `release()` ends it (closing the descriptor would too).
    public final class Lock: Sendable {
        let fd: Int32
        init(fd: Int32) { self.fd = fd }
        public func release() {
            flock(fd, LOCK_UN)
            close(fd)
        }
    }

    /// Takes the record's lock, waiting for another run for at most `wait` without blocking a
    /// thread (a portal's notices wait here while `followup notify` sends).
    public func lock(wait: Duration) async throws(FollowupError) -> Lock {
        try makeFolder()
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FollowupError(.noticeLogUnwritable(lockPath, String(cString: strerror(errno)))) }
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: wait)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let e = errno
            guard e == EWOULDBLOCK || e == EINTR, clock.now < end else {
                close(fd)
                throw FollowupError(
                    e == EWOULDBLOCK
                        ? .noticeLogBusy(path) : .noticeLogUnwritable(lockPath, String(cString: strerror(e))))
            }
            do { try await Task.sleep(for: .milliseconds(25)) } catch {
                close(fd)
                throw FollowupError(.noticeLogBusy(path))
            }
        }
        return Lock(fd: fd)
    }
}
