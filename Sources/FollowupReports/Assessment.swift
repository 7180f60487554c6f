import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking

/// Where a task stands on a day, in the categories offices report.
public enum TaskState: String, CaseIterable, Sendable, Codable {
    case doneOnTime = "done_on_time"
    case doneLate = "done_late"
    case overdue
    case withinDeadline = "within_deadline"
    case ongoing
    case cancelled

    public var isDone: Bool { self == .doneOnTime || self == .doneLate }
}

/// The knobs of an assessment: the day it is made on and the warning windows.
public struct AssessmentOptions: Hashable, Sendable {
    public var asOf: Day
    public var dueSoonDays: Int
    public var staleDays: Int
    /// The reporting period of ongoing (thường xuyên) work, in months: such a task is stale
    /// when nothing was reported in the current month nor the `ongoingPeriodMonths` before it.
    public var ongoingPeriodMonths: Int

    public init(asOf: Day, dueSoonDays: Int = 7, staleDays: Int = 30, ongoingPeriodMonths: Int = 1) {
        self.asOf = asOf
        self.dueSoonDays = dueSoonDays
        self.staleDays = staleDays
        self.ongoingPeriodMonths = ongoingPeriodMonths
    }

    /// The first day an entry keeps ongoing work from being stale: the first of the month
    /// `ongoingPeriodMonths` before `asOf`'s (with 1, on 2026-11-30: 2026-10-01).
    public var ongoingReportedSince: Day {
        let c = asOf.components
        let months = c.year * 12 + (c.month - 1) - ongoingPeriodMonths
        return Day(year: months / 12, month: months % 12 + 1, day: 1) ?? asOf
    }
}

/// One task judged on a day: a pure function of the record and the day.
public struct Assessment: Sendable {
    public var task: TaskItem
    public var timeline: TaskTimeline
    public var state: TaskState
    /// Days past the deadline in force (overdue tasks), or how late it was done.
    public var daysLate: Int?
    /// Days left until the deadline in force (open tasks with a deadline).
    public var daysLeft: Int?
    public var notStarted: Bool
    public var blocked: Bool
    public var dueSoon: Bool
    public var stale: Bool
    /// Days since the unit's last report (or the meeting), for open tasks.
    public var daysSinceUpdate: Int?
    public var reminders: Int { timeline.reminders }
    /// Reminded three times or more and still not done: raise at the next briefing.
    public var escalate: Bool { !state.isDone && state != .cancelled && reminders >= 3 }

    public var isOpen: Bool { !state.isDone && state != .cancelled }
    /// The unit reported it done and the office has not yet accepted or returned it: judged
    /// as an open task (Docs/Digest.md says why), counted apart as waiting.
    public var awaitingReview: Bool { timeline.awaitingReview != nil && isOpen }

    /// Judges `task` as known on `options.asOf`; nil when its meeting had not happened yet.
    public static func assess(_ task: TaskItem, meetingDate: Day, options: AssessmentOptions) -> Assessment? {
        let d = options.asOf
        guard meetingDate <= d else { return nil }
        let t = TaskTimeline.replay(task, asOf: d)
        var a = Assessment(
            task: task, timeline: t, state: .ongoing, daysLate: nil, daysLeft: nil, notStarted: false,
            blocked: false, dueSoon: false, stale: false, daysSinceUpdate: nil)
        let deadline = t.deadline.day
        switch t.status {
        case .cancelled:
            a.state = .cancelled
        case .done:
            let doneOn = t.statusDate ?? meetingDate
            if let deadline, doneOn > deadline {
                a.state = .doneLate
                a.daysLate = doneOn.days(since: deadline)
            } else {
                a.state = .doneOnTime
            }
        case .open, .inProgress, .blocked:
            if let deadline {
                if d > deadline {
                    a.state = .overdue
                    a.daysLate = d.days(since: deadline)
                } else {
                    a.state = .withinDeadline
                    a.daysLeft = deadline.days(since: d)
                    a.dueSoon = a.daysLeft! <= options.dueSoonDays
                }
            } else {
                a.state = .ongoing
            }
            a.notStarted = t.notStarted
            a.blocked = t.status == .blocked
            // From the unit's last report: a reminder or the office's decision is not news.
            let reported = t.lastReport?.date ?? meetingDate
            let since = d.days(since: reported)
            a.daysSinceUpdate = since
            // Dated work is stale after `staleDays` without news; ongoing work, which has no
            // deadline to chase, after a reporting period without a report.
            // A done awaiting the office's review is the office's move, not the unit's.
            a.stale =
                t.awaitingReview != nil
                ? false
                : deadline == nil
                    ? reported < options.ongoingReportedSince
                    : since >= options.staleDays
        }
        return a
    }
}

/// Where a task stands in its unit's own list: a report the office returned first (the unit
/// has something to redo), then overdue, other open work and finished work; within each, the
/// most days late first, then by task id. (A small key: sorting the judged tasks themselves
/// would copy them at every step.)
struct UnitOrder: Comparable {
    var rank: Int
    var daysLate: Int
    var id: String

    init(_ a: Assessment) {
        rank = a.timeline.returned != nil ? -1 : a.state == .overdue ? 0 : a.isOpen ? 1 : 2
        daysLate = a.daysLate ?? 0
        id = a.task.id
    }

    static func < (x: UnitOrder, y: UnitOrder) -> Bool {
        (x.rank, -x.daysLate, x.id) < (y.rank, -y.daysLate, y.id)
    }
}
