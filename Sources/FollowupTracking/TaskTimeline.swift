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

    public init(original: Deadline) {
        self.original = original
        self.deadline = original
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
        if u.reminder { reminders += 1 }
        if let n = u.note { lastNote = n }
        lastDate = u.date
        lastEntry = u
    }

    /// The timeline as known on `asOf` (nil: everything recorded).
    public static func replay(_ task: TaskItem, asOf: Day? = nil) -> TaskTimeline {
        var t = TaskTimeline(original: task.due)
        for u in task.history where asOf.map({ u.date <= $0 }) ?? true { t.apply(u) }
        return t
    }

    /// No status beyond `open` was ever reported.
    public var notStarted: Bool { status == .open }
}
