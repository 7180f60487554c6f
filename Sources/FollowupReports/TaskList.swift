import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking

/// One line of `followup tasks`.
public struct TaskRow: Sendable {
    public var id: String
    public var meeting: String
    public var meetingDate: Day
    /// The meeting's notice number (its `document`), if any.
    public var notice: String? = nil
    public var conclusion: String
    public var unit: String
    public var support: [String]
    public var text: String
    public var due: Deadline
    public var originalDue: Deadline
    public var status: Status
    public var updated: Day?
}

public enum TaskList {
    /// Every task of one meeting as a row (its tasks as the loader made them, in order).
    /// Needs one meeting only, so `tasks` builds rows in the loader's workers, a file each.
    public static func rows(of meeting: Meeting, tasks: [TaskItem]) -> [TaskRow] {
        tasks.map { task in
            let timeline = TaskTimeline.replay(task)
            let conclusion = meeting.conclusions[task.conclusionIndex]
            return TaskRow(
                id: task.id, meeting: meeting.id, meetingDate: meeting.date, notice: meeting.document,
                conclusion: conclusion.id,
                unit: task.unit, support: task.support, text: conclusion.text, due: timeline.deadline,
                originalDue: task.due, status: timeline.status, updated: timeline.lastReport?.date)
        }
    }

    /// The rows `filter` admits, in record order.
    public static func rows(_ perMeeting: [[TaskRow]], filter: TaskFilter = TaskFilter()) -> [TaskRow] {
        perMeeting.flatMap { $0.filter(filter.admits) }
    }
}
