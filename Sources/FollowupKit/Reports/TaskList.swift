/// One line of `followup tasks`.
public struct TaskRow: Sendable {
    public var id: String
    public var meeting: String
    public var meetingDate: Day
    public var conclusion: String
    public var unit: String
    public var support: [String]
    public var text: String
    public var due: Deadline
    public var originalDue: Deadline
    public var status: Status
    public var updated: Day?
}

/// Which tasks to list.
public struct TaskFilter: Sendable {
    public var units: Set<String> = []
    public var statuses: Set<Status> = []
    public var meetingPrefix: String?

    public init(units: Set<String> = [], statuses: Set<Status> = [], meetingPrefix: String? = nil) {
        self.units = units
        self.statuses = statuses
        self.meetingPrefix = meetingPrefix
    }

    func admits(_ task: TaskItem, meetingID: String) -> Bool {
        if !units.isEmpty, !units.contains(task.unit) { return false }
        if let p = meetingPrefix, !meetingID.hasPrefix(p) { return false }
        return true
    }
}

public enum TaskList {
    public static func rows(_ ledger: Ledger, filter: TaskFilter = TaskFilter()) -> [TaskRow] {
        var rows: [TaskRow] = []
        for task in ledger.tasks {
            let meeting = ledger.meeting(of: task)
            guard filter.admits(task, meetingID: meeting.id) else { continue }
            let timeline = TaskTimeline.replay(task)
            if !filter.statuses.isEmpty, !filter.statuses.contains(timeline.status) { continue }
            let conclusion = ledger.conclusion(of: task)
            rows.append(TaskRow(id: task.id, meeting: meeting.id, meetingDate: meeting.date, conclusion: conclusion.id,
                                unit: task.unit, support: task.support, text: conclusion.text, due: timeline.deadline,
                                originalDue: task.due, status: timeline.status, updated: timeline.lastDate))
        }
        return rows
    }
}
