import FollowupModel
import FollowupSupport
import FollowupYAML
import Foundation

/// The history entries the update commands make, built against the record as it is under
/// the lock. Whether an entry may be written is `UpdateRules`' decision, the same one `check`
/// applies: an entry with any finding is refused, in words for the command line.
public enum TaskUpdates {
    public struct Common: Sendable {
        public var date: Day
        public var note: String?
        public var by: String?
        /// Who enters it (an account, or the OS user): written as `entered_by`.
        public var enteredBy: String?
        public var document: String?
        /// Evidence files already stored in the root (`Evidence.store`), relative paths.
        public var files: [String] = []

        /// `note` trimmed; an empty one counts as none (the command line refuses `--note ""`).
        public init(
            date: Day, note: String? = nil, by: String? = nil, enteredBy: String? = nil, document: String? = nil
        ) {
            self.date = date
            let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines)
            self.note = trimmed.flatMap { $0.isEmpty ? nil : NFC.normalize($0) }
            self.by = by
            self.enteredBy = enteredBy.map(NFC.normalize).flatMap { $0.isEmpty ? nil : $0 }
            self.document = document.map(NFC.normalize)
        }

        /// Given, but saying nothing once trimmed.
        public static func isEmptyNote(_ note: String?) -> Bool {
            guard let note else { return false }
            return note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }

    /// The longest `--note` or `--document` a command writes: a note is a sentence or two,
    /// and thousands of long ones must not push a record past `SourceFile.sizeLimit`.
    public static let maxTextBytes = 4096

    /// The limits on text given on the command line: length, and the reader's rule on
    /// control characters (what `check` would refuse is not written).
    package static func vet(_ c: Common) throws(FollowupError) {
        for (option, value) in [("--note", c.note), ("--document", c.document), ("entered_by", c.enteredBy)] {
            guard let value else { continue }
            if value.utf8.count > maxTextBytes {
                let bytes = value.utf8.count
                throw FollowupError(.valueTooLong(option: option, bytes: bytes, limit: maxTextBytes), kind: .badInput)
            }
            if let ch = ControlCharacters.first(in: value) {
                throw FollowupError(.controlCharacterInArgument(option: option, ch), kind: .badInput)
            }
        }
    }

    /// Progress is not recorded in advance: an entry dated after `today` is refused, by the
    /// command line and the portal alike.
    public static func refuseFuture(_ day: Day, today: Day) throws(FollowupError) {
        if day > today { throw FollowupError(.dateInFuture(day, today: today)) }
    }

    package static func find(_ id: String, in snapshot: MeetingTasks) throws(FollowupError) -> TaskItem {
        guard let t = snapshot.tasks.first(where: { $0.id == id }) else {
            throw FollowupError(.taskNameNotFound(id, suggestions: []))
        }
        return t
    }

    /// The entry's common fields; `by` resolved to a unit code, which must be one of the
    /// task's units (its lead or a supporting unit): an entry speaks for a unit that has a
    /// part in the task. A supporting unit speaks only of its part (`part`): a status, an
    /// extension or a reminder by it is refused (Docs/History.md, "Supporting units").
    package static func entry(
        _ task: TaskItem, _ meeting: Meeting, _ c: Common, units: UnitRegistry, part: Bool = false
    ) throws(FollowupError) -> Update {
        try vet(c)
        var by: String?
        if let name = c.by {
            guard let u = units.resolve(name) else {
                throw FollowupError(.unknownUnit(name, suggestions: units.suggestions(for: name)))
            }
            let parties = [task.unit] + task.support
            guard parties.contains(u.code) else {
                throw FollowupError(.notTaskUnit(u.code, task: task.id, units: parties), kind: .badInput)
            }
            if part, !task.support.contains(u.code) {
                throw FollowupError(.partNeedsSupportingUnit(task: task.id, support: task.support), kind: .badInput)
            }
            if !part, u.code != task.unit {
                throw FollowupError(
                    .supportingUnitReportsItsPart(u.code, task: task.id, lead: task.unit), kind: .badInput)
            }
            by = u.code
        } else if part {
            throw FollowupError(.partNeedsSupportingUnit(task: task.id, support: task.support), kind: .badInput)
        }
        var u = Update(
            task: task.id, date: c.date, note: c.note, by: by, document: c.document,
            location: SourceLocation(path: meeting.path, line: 0, column: 0))
        u.enteredBy = c.enteredBy
        u.files = c.files
        return u
    }

    /// Refuses `entry` when `UpdateRules` has any finding about it where it goes (in date
    /// order: an entry dated before the task's latest is back-dated, and must contradict
    /// nothing after it).
    package static func admit(_ entry: Update, _ task: TaskItem, _ meeting: Meeting, units: UnitRegistry)
        throws(FollowupError) -> Update
    {
        let timeline = TaskTimeline.replay(task, asOf: entry.date)
        guard
            let finding = UpdateRules.findings(inserting: entry, into: task, meetingDate: meeting.date, units: units)
                .first
        else { return entry }
        throw refusal(finding, entry: entry, timeline: timeline)
    }

    /// A finding as a refusal to write the entry.
    package static func refusal(_ finding: UpdateRules.Finding, entry: Update, timeline: TaskTimeline) -> FollowupError
    {
        switch finding.rule {
        case .changeAfterClosed(let status, _):
            return FollowupError(entry.due != nil ? .extendClosed(status) : .reopenRequired(status))
        case .outOfOrder(let date, let previous, _):
            return FollowupError(.dateBeforeLastUpdate(date: date, last: previous))
        case .extensionNotLater(let due, let current):
            return FollowupError(.extensionMustBeLater(to: due, current: current))
        case .noteRequired, .extensionWithoutReason:
            return FollowupError(finding.message, kind: .badInput)
        default:
            return FollowupError(finding.message)
        }
    }

    /// `followup status`: a new status (with an optional note). `unitReport`: the unit itself
    /// reports (the portal's unit accounts); where `settings.yaml` has `review: true`, its
    /// `done` is written `review: pending` and waits for the office (`review`). The office's
    /// own done (the command line, the portal's office) counts at once.
    public static func status(
        _ status: Status, task id: String, reopen: Bool, _ c: Common, units: UnitRegistry,
        in snapshot: MeetingTasks, unitReport: Bool = false, settings: Settings = Settings()
    ) throws(FollowupError) -> Update {
        let task = try find(id, in: snapshot)
        var u = try entry(task, snapshot.meeting, c, units: units)
        // The status in force on the entry's date (an entry may be back-dated).
        let current = TaskTimeline.replay(task, asOf: c.date).status
        if status == current, c.note == nil { throw FollowupError(.sameStatus(status)) }
        u.status = status
        if status == .done, unitReport, settings.review { u.review = .pending }
        u.reopen = reopen && current.isClosed && status != current
        return try admit(u, task, snapshot.meeting, units: units)
    }

    /// `followup extend`: a later deadline, with its reason.
    public static func extend(
        to day: Day, task id: String, _ c: Common, units: UnitRegistry, in snapshot: MeetingTasks
    ) throws(FollowupError) -> Update {
        let task = try find(id, in: snapshot)
        var u = try entry(task, snapshot.meeting, c, units: units)
        u.due = day
        return try admit(u, task, snapshot.meeting, units: units)
    }

    /// `followup review`: the office accepts a unit's done awaiting review (done as of the
    /// unit's date) or returns it (back to in progress), with the reason in the note.
    public static func review(
        _ decision: Review, task id: String, _ c: Common, units: UnitRegistry, in snapshot: MeetingTasks
    ) throws(FollowupError) -> Update {
        let task = try find(id, in: snapshot)
        if decision == .returned, c.note == nil { throw FollowupError(.returnNeedsNote, kind: .badInput) }
        var u = try entry(task, snapshot.meeting, c, units: units)
        u.review = decision
        return try admit(u, task, snapshot.meeting, units: units)
    }

    /// `followup part`: a supporting unit's report of its part — a note (with its date, a
    /// document) `by` that unit, with no status: it never changes the task's state, nor counts
    /// as the lead unit's report (`TaskTimeline.isPart`).
    public static func part(
        task id: String, _ c: Common, units: UnitRegistry, in snapshot: MeetingTasks
    ) throws(FollowupError) -> Update {
        let task = try find(id, in: snapshot)
        let u = try entry(task, snapshot.meeting, c, units: units, part: true)
        if c.note == nil { throw FollowupError(.partNeedsNote, kind: .badInput) }
        return try admit(u, task, snapshot.meeting, units: units)
    }

    /// `followup remind --record`: a reminder entry, or nil when the task was already
    /// reminded that day.
    public static func reminder(
        task id: String, _ c: Common, units: UnitRegistry, in snapshot: MeetingTasks
    ) throws(FollowupError) -> Update? {
        let task = try find(id, in: snapshot)
        if task.history.contains(where: { $0.reminder && $0.date == c.date }) { return nil }
        var u = try entry(task, snapshot.meeting, c, units: units)
        u.reminder = true
        return try admit(u, task, snapshot.meeting, units: units)
    }
}

/// A meeting and its tasks, as one record holds them (what the update functions read, under
/// the record's lock, before they decide on an entry).
public struct MeetingTasks: Sendable {
    public var meeting: Meeting
    public var tasks: [TaskItem]

    public init(meeting: Meeting, tasks: [TaskItem]) {
        self.meeting = meeting
        self.tasks = tasks
    }
}
