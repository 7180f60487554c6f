import Foundation

/// The rules for new history entries, applied to the record as it is under the lock.
public enum TaskUpdates {
    public struct Common: Sendable {
        public var date: Day
        public var note: String?
        public var by: String?
        public var document: String?
        /// `--note ""`: given, but saying nothing.
        public var noteWasEmpty: Bool

        public init(date: Day, note: String? = nil, by: String? = nil, document: String? = nil) {
            self.date = date
            let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines)
            self.note = trimmed.flatMap { $0.isEmpty ? nil : NFC.normalize($0) }
            self.noteWasEmpty = note != nil && self.note == nil
            self.by = by
            self.document = document.map(NFC.normalize)
        }
    }

    /// The longest `--note` or `--document` a command writes: a note is a sentence or two,
    /// and thousands of long ones must not push a record past `SourceFile.sizeLimit`.
    public static let maxTextBytes = 4096

    /// The limits on text given on the command line: length, and the reader's rule on
    /// control characters (what `check` would refuse is not written).
    static func vet(_ c: Common) throws(FollowupError) {
        for (option, value) in [("--note", c.note), ("--document", c.document)] {
            guard let value else { continue }
            if value.utf8.count > maxTextBytes {
                let bytes = value.utf8.count
                throw FollowupError(.valueTooLong(option: option, bytes: bytes, limit: maxTextBytes), exitCode: 64)
            }
            if let ch = ControlCharacters.first(in: value) {
                throw FollowupError(.controlCharacterInArgument(option: option, ch), exitCode: 64)
            }
        }
    }

    static func find(_ id: String, in snapshot: RecordStore.Snapshot) throws(FollowupError) -> TaskItem {
        guard let t = snapshot.tasks.first(where: { $0.id == id }) else {
            throw FollowupError(.taskNameNotFound(id, suggestions: []))
        }
        return t
    }

    /// Date and unit checks every entry shares.
    static func base(_ task: TaskItem, _ meeting: Meeting, _ c: Common, units: UnitRegistry) throws(FollowupError) -> (Update, TaskTimeline) {
        let timeline = TaskTimeline.replay(task)
        if c.noteWasEmpty { throw FollowupError(.emptyNote, exitCode: 64) }
        try vet(c)
        if c.date < meeting.date { throw FollowupError(.updateBeforeMeeting(date: c.date, meeting: meeting.date)) }
        if let last = timeline.lastDate, c.date < last { throw FollowupError(.dateBeforeLastUpdate(date: c.date, last: last)) }
        var by: String?
        if let name = c.by {
            guard let u = units.resolve(name) else {
                throw FollowupError(.unknownUnit(name, suggestions: units.suggestions(for: name)))
            }
            by = u.code
        }
        let u = Update(task: task.id, date: c.date, note: c.note, by: by, document: c.document,
                       location: SourceLocation(path: meeting.path, line: 0, column: 0))
        return (u, timeline)
    }

    /// `followup status`: a new status (with an optional note).
    public static func status(_ status: Status, task id: String, reopen: Bool, _ c: Common, units: UnitRegistry,
                              in snapshot: RecordStore.Snapshot) throws(FollowupError) -> Update {
        let task = try find(id, in: snapshot)
        var (u, timeline) = try base(task, snapshot.meeting, c, units: units)
        if status.needsNote, c.note == nil { throw FollowupError(.noteRequired(status), exitCode: 64) }
        if timeline.status.isClosed, !reopen, status != timeline.status {
            throw FollowupError(.reopenRequired(timeline.status))
        }
        if status == timeline.status, c.note == nil { throw FollowupError(.sameStatus(status)) }
        u.status = status
        u.reopen = reopen && timeline.status.isClosed && status != timeline.status
        return u
    }

    /// `followup extend`: a later deadline, with its reason.
    public static func extend(to day: Day, task id: String, _ c: Common, units: UnitRegistry,
                              in snapshot: RecordStore.Snapshot) throws(FollowupError) -> Update {
        let task = try find(id, in: snapshot)
        var (u, timeline) = try base(task, snapshot.meeting, c, units: units)
        guard let current = timeline.deadline.day else { throw FollowupError(.extensionOngoing) }
        guard day > current else { throw FollowupError(.extensionMustBeLater(to: day, current: timeline.deadline)) }
        if timeline.status.isClosed { throw FollowupError(.extendClosed(timeline.status)) }
        u.due = day
        return u
    }

    /// `followup remind --record`: a reminder entry, or nil when the task was already
    /// reminded that day.
    public static func reminder(task id: String, _ c: Common, units: UnitRegistry,
                                in snapshot: RecordStore.Snapshot) throws(FollowupError) -> Update? {
        let task = try find(id, in: snapshot)
        if task.history.contains(where: { $0.reminder && $0.date == c.date }) { return nil }
        var (u, _) = try base(task, snapshot.meeting, c, units: units)
        u.reminder = true
        return u
    }
}
