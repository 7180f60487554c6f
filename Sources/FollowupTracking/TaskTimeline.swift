import FollowupModel
import FollowupSupport
import FollowupYAML

/// A task's situation after replaying its history, entry by entry.
///
/// The one place that decides the current status, the deadline in force and the dates a
/// report needs; `check`, the update commands and the digest all replay through it.
public struct TaskTimeline: Sendable {
    public private(set) var status: Status = .open
    /// When the current status was set (nil: never reported).
    public private(set) var statusDate: Day?
    public let original: Deadline
    /// The original deadline, or the last extension replayed.
    public private(set) var deadline: Deadline
    public private(set) var lastDate: Day?
    public private(set) var lastEntry: Update?
    public private(set) var reminders = 0
    /// The last reminder replayed.
    public private(set) var lastReminder: Update?
    /// The unit's last report: the last entry that is neither the office's (a reminder, an
    /// accept, a return) nor a supporting unit's report of its part. "Last report", "stale" and
    /// the days without news count from it (Docs/History.md, "What counts as a report").
    public private(set) var lastReport: Update?
    /// Supporting units' reports of their part (`isPart`), in order.
    public private(set) var parts: [Update] = []
    /// The task's supporting units' codes: their note-only entries are reports of their part.
    public let support: [String]
    /// The latest note given with a `blocked` status (or any note after it).
    public private(set) var lastNote: String?
    /// The entry that closed the task (done/cancelled), while it stays closed.
    public private(set) var closedBy: Update?
    public private(set) var extensions = 0
    /// A unit's `done` written `review: pending`, while the office has neither accepted nor
    /// returned it: the task is not done yet ("chờ xác nhận").
    public private(set) var awaitingReview: Update?
    /// The office's `review: returned` entry (its note says why), until the unit reports again.
    public private(set) var returned: Update?

    public init(original: Deadline, support: [String] = []) {
        self.original = original
        self.deadline = original
        self.support = support
    }

    /// A supporting unit's report of its part: an entry `by` one of the task's supporting units
    /// with no status, extension, review or reminder. It never changes the task's state.
    public func isPart(_ u: Update) -> Bool {
        guard let by = u.by, support.contains(by) else { return false }
        return u.status == nil && u.due == nil && u.review == nil && !u.reminder
    }

    /// Whether `u` is the unit's own report (what `lastReport` counts): not a reminder, not the
    /// office's accept or return, not a supporting unit's part.
    public func isReport(_ u: Update) -> Bool {
        !u.reminder && u.review != .accepted && u.review != .returned && !isPart(u)
    }

    public mutating func apply(_ u: Update) {
        if u.status != nil { returned = nil }
        switch u.review {
        case .pending where u.status == .done:
            // The unit's done waits: the status stays what it was until the office decides.
            awaitingReview = u
        case .accepted:
            // Done as of the unit's own date, not the day the office read it.
            if let p = awaitingReview {
                status = .done
                statusDate = p.date
                closedBy = p
                awaitingReview = nil
            }
        case .returned:
            if awaitingReview != nil {
                status = .inProgress
                statusDate = u.date
                closedBy = nil
                awaitingReview = nil
                returned = u
            }
        case .pending, nil:
            if u.status != nil { awaitingReview = nil }
        }
        if u.review == nil, let s = u.status, s != status || statusDate == nil {
            // A repeated status (a note on a done task) keeps the date it was first reached.
            status = s
            statusDate = u.date
            closedBy = s.isClosed ? u : nil
        }
        if let d = u.due, original != .ongoing {
            deadline = .day(d)
            extensions += 1
        }
        if u.reminder {
            reminders += 1
            lastReminder = u
        }
        if isPart(u) {
            parts.append(u)
        } else if isReport(u) {
            lastReport = u
        }
        if let n = u.note { lastNote = n }
        lastDate = u.date
        lastEntry = u
    }

    /// The timeline as known on `asOf` (nil: everything recorded).
    public static func replay(_ task: TaskItem, asOf: Day? = nil) -> TaskTimeline {
        var t = TaskTimeline(original: task.due, support: task.support)
        for u in task.history where asOf.map({ u.date <= $0 }) ?? true { t.apply(u) }
        return t
    }

    /// No status beyond `open` was ever reported.
    public var notStarted: Bool { status == .open }
}
