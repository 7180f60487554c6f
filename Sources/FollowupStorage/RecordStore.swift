import FollowupLoading
import FollowupModel
import FollowupSupport
import FollowupTracking
import FollowupYAML
import Foundation

/// Appends update entries to meeting records, safely:
/// - under an exclusive lock per record, re-reading the record inside the lock, so
///   concurrent updates all land, in order;
/// - inserting text only, so every byte people wrote stays as it was;
/// - checking, before anything is written, that the new text parses and holds exactly the
///   old entries plus the new one;
/// - refusing when the record changed under it (an editor saved it meanwhile);
/// - replacing the file atomically (`AtomicFile`).
public struct RecordStore {
    public var root: String
    public var units: UnitRegistry
    public var hooks: WriteHooks

    public init(root: String, units: UnitRegistry, hooks: WriteHooks = .none) {
        self.root = root
        self.units = units
        self.hooks = hooks
    }

    /// The record's meeting and tasks as they are on disk now.
    public typealias Snapshot = MeetingTasks

    /// Re-reads `meeting`'s file under its lock, asks `make` for the entries to add given
    /// the record as it is now, and appends them. Returns the entries written.
    @discardableResult
    public func append(to meeting: Meeting, _ make: (Snapshot) throws(FollowupError) -> [Update]) throws(FollowupError)
        -> [Update]
    {
        let path = meeting.path
        var st = stat()
        guard lstat(path, &st) == 0 else {
            throw FollowupError(.writeFailed(path: path, reason: AtomicFile.describe(errno)))
        }
        if st.st_mode & S_IFMT == S_IFLNK { throw FollowupError(.symlinkRecord(path)) }
        try RecordStore.writable(path, st, root: root)
        if let e = hooks.before(.lock) { throw FollowupError(.writeFailed(path: path, reason: AtomicFile.describe(e))) }
        let lock = try RecordLock(for: path, like: st)
        defer { withExtendedLifetime(lock) {} }
        RecordStore.removeStaleTemporaryFiles(of: path)

        if let e = hooks.before(.read) { throw FollowupError(.writeFailed(path: path, reason: AtomicFile.describe(e))) }
        let original = try read(path)
        let snapshot = try parse(original, like: meeting)
        let entries = try make(snapshot)
        guard !entries.isEmpty else { return [] }

        let hasBOM = original.starts(with: [0xEF, 0xBB, 0xBF])
        let body = try RecordAppender.append(
            entries, to: hasBOM ? Array(original.dropFirst(3)) : original, path: path, units: units)
        let updated = (hasBOM ? [0xEF, 0xBB, 0xBF] : []) + body
        // What `check` would refuse to read is never written.
        if updated.count > SourceFile.sizeLimit {
            throw FollowupError(.recordWouldBeTooLarge(path: path, bytes: updated.count, limit: SourceFile.sizeLimit))
        }

        // Someone may have saved the file without taking our lock (an editor): never clobber.
        // Checked at the last moment, just before the rename; what remains is the instant
        // between this read and the rename, which no lock the editor does not take can close.
        try AtomicFile(hooks: hooks).replace(
            path, with: updated, mode: st.st_mode & 0o7777,
            owner: (st.st_uid, st.st_gid)
        ) { () throws(FollowupError) in
            let now = try read(path)
            guard now == original else { throw FollowupError(.recordChanged(path)) }
        }
        return entries
    }

    /// What must hold before a record is locked: a name whose lock and temporary file fit,
    /// a folder inside the root (`RootBoundary`), a write bit for someone (a record nobody may
    /// write is frozen, e.g. a closed year, and is not replaced, even by root).
    package static func writable(_ path: String, _ st: stat, root: String) throws(FollowupError) {
        let at = SourceLocation(path: path, line: 0, column: 0)
        let (folder, name) = AtomicFile.parts(of: path)
        if RecordName.isTooLong(name) {
            throw FollowupError(.recordNameTooLong(bytes: name.utf8.count, limit: RecordName.maxBytes), at: at)
        }
        if let m = RootBoundary(root: root).violation(folder) { throw FollowupError(m, at: at) }
        if st.st_mode & 0o222 == 0 { throw FollowupError(.recordReadOnly(path)) }
    }

    /// Removes the temporary files (`.NAME.tmp-PID-RANDOM`) a killed update of this record
    /// left, under the record's lock: only this user's, and only those whose process is gone
    /// (or a day old, should its id have been reused).
    package static func removeStaleTemporaryFiles(of path: String) {
        let (dir, record) = AtomicFile.parts(of: path)
        let prefix = ".\(record).tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names where name.hasPrefix(prefix) {
            let full = RootScanner.join(dir, name)
            var st = stat()
            guard lstat(full, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_uid == geteuid() else { continue }
            let pid = name.dropFirst(prefix.count).split(separator: "-").first.flatMap { Int32($0) }
            let gone = pid.map { $0 > 0 && kill($0, 0) != 0 && errno == ESRCH } ?? true
            let old = time(nil) - st.st_mtim.tv_sec > 24 * 3600
            if gone || old { unlink(full) }
        }
    }

    private func read(_ path: String) throws(FollowupError) -> [UInt8] {
        switch SourceFile.load(path) {
        case .success(let b): return b
        case .failure(.problem(let m)): throw FollowupError(m, at: SourceLocation(path: path, line: 1, column: 1))
        }
    }

    /// Parses the record and checks it on its own (with the units registry).
    private func parse(_ bytes: [UInt8], like meeting: Meeting) throws(FollowupError) -> Snapshot {
        let record = Loader.parseRecord(bytes: bytes, displayPath: meeting.path, fileStem: Loader.stem(meeting.path))
        let problems = record.diagnostics
        guard let parsed = record.meeting, !problems.contains(where: { $0.severity == .error }) else {
            // A merge left unfinished is said as such (the portal shows this same refusal).
            if let conflict = problems.first(where: { $0.message.name == "unresolvedConflict" }) {
                throw FollowupError(conflict.message, at: conflict.location)
            }
            throw FollowupError(.recordUnreadable(meeting.path))
        }
        let (tasks, more) = TaskBuilder.tasks(of: parsed, units: units)
        guard !more.contains(where: { $0.severity == .error }) else {
            throw FollowupError(.recordUnreadable(meeting.path))
        }
        return Snapshot(meeting: parsed, tasks: tasks)
    }
}
