import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking

/// A state `tasks --state` selects, with the digest's definitions (Assessment): the digest's
/// lists (overdue, due soon, blocked, stale, escalated) and its columns (done on time, ...).
public enum TaskStateFilter: String, CaseIterable, Sendable {
    case open, overdue
    case dueSoon = "due_soon"
    case blocked, stale, escalated
    case notStarted = "not_started"
    case withinDeadline = "within_deadline"
    case ongoing, done
    case doneOnTime = "done_on_time"
    case doneLate = "done_late"
    case cancelled

    /// Whether the task judged as `a` is in this state: the same test as the digest's list or column.
    public func admits(_ a: Assessment) -> Bool {
        switch self {
        case .open: return a.isOpen
        case .overdue: return a.state == .overdue
        case .dueSoon: return a.isOpen && a.dueSoon
        case .blocked: return a.isOpen && a.blocked
        case .stale: return a.isOpen && a.stale
        case .escalated: return a.escalate
        case .notStarted: return a.isOpen && a.notStarted
        case .withinDeadline: return a.state == .withinDeadline
        case .ongoing: return a.state == .ongoing
        case .done: return a.state.isDone
        case .doneOnTime: return a.state == .doneOnTime
        case .doneLate: return a.state == .doneLate
        case .cancelled: return a.state == .cancelled
        }
    }
}

extension TaskList {
    /// The rows of one meeting's tasks that are in any of `states` on `options.asOf` (all
    /// rows when `states` is empty) and that `filter` admits. A meeting after that day has no
    /// task in any state.
    public static func rows(
        of meeting: Meeting, tasks: [TaskItem], states: Set<TaskStateFilter>,
        options: AssessmentOptions, filter: TaskFilter = TaskFilter()
    ) -> [TaskRow] {
        guard !states.isEmpty || filter.asksOfTask else { return rows(of: meeting, tasks: tasks) }
        let chosen = tasks.filter { task in
            if filter.asksOfTask {
                let text = meeting.conclusions[task.conclusionIndex].text
                guard filter.admits(task, of: meeting, timeline: TaskTimeline.replay(task), conclusion: text)
                else { return false }
            }
            guard !states.isEmpty else { return true }
            guard let a = Assessment.assess(task, meetingDate: meeting.date, options: options) else { return false }
            return states.contains { $0.admits(a) }
        }
        return rows(of: meeting, tasks: chosen)
    }
}
