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
    public struct Snapshot {
        public var meeting: Meeting
        public var tasks: [TaskItem]
    }

    /// Re-reads `meeting`'s file under its lock, asks `make` for the entries to add given
    /// the record as it is now, and appends them. Returns the entries written.
    @discardableResult
    public func append(to meeting: Meeting, _ make: (Snapshot) throws(FollowupError) -> [Update]) throws(FollowupError) -> [Update] {
        let path = meeting.path
        var st = stat()
        guard lstat(path, &st) == 0 else {
            throw FollowupError(.writeFailed(path: path, reason: AtomicFile.describe(errno)))
        }
        if st.st_mode & S_IFMT == S_IFLNK { throw FollowupError(.symlinkRecord(path)) }
        if let e = hooks.before(.lock) { throw FollowupError(.writeFailed(path: path, reason: AtomicFile.describe(e))) }
        let lock = try RecordLock(for: path)
        defer { withExtendedLifetime(lock) {} }

        if let e = hooks.before(.read) { throw FollowupError(.writeFailed(path: path, reason: AtomicFile.describe(e))) }
        let original = try read(path)
        let snapshot = try parse(original, like: meeting)
        let entries = try make(snapshot)
        guard !entries.isEmpty else { return [] }

        let hasBOM = original.starts(with: [0xEF, 0xBB, 0xBF])
        let body = try RecordAppender.append(entries, to: hasBOM ? Array(original.dropFirst(3)) : original, path: path)
        let updated = (hasBOM ? [0xEF, 0xBB, 0xBF] : []) + body

        // Someone may have saved the file without taking our lock (an editor): never clobber.
        // Checked at the last moment, just before the rename; what remains is the instant
        // between this read and the rename, which no lock the editor does not take can close.
        try AtomicFile(hooks: hooks).replace(path, with: updated, mode: st.st_mode & 0o7777) { () throws(FollowupError) in
            let now = try read(path)
            guard now == original else { throw FollowupError(.recordChanged(path)) }
        }
        return entries
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
            throw FollowupError(.recordUnreadable(meeting.path))
        }
        let (tasks, more) = TaskBuilder.tasks(of: parsed, units: units)
        guard !more.contains(where: { $0.severity == .error }) else {
            throw FollowupError(.recordUnreadable(meeting.path))
        }
        return Snapshot(meeting: parsed, tasks: tasks)
    }
}
