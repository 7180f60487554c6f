import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import Foundation

/// The reminder letters (đôn đốc): per unit, its overdue and soon-due tasks.
public struct ReminderLetter: Sendable {
    /// One task to chase, with what the letter says of its meeting and conclusion.
    public struct Item: Sendable {
        public var assessment: Assessment
        public var meetingDate: Day
        /// The meeting's conclusion notice (its document number), if any.
        public var notice: String?
        public var text: String
        /// The reminders recorded before the letter's day, oldest first.
        public var earlier: [Earlier] = []
        public var task: TaskItem { assessment.task }
        /// This letter is the third reminder or later: the task goes to the leadership next.
        public var escalates: Bool { earlier.count >= 2 }
    }

    /// A reminder already sent: its day and its letter's number, if recorded.
    public struct Earlier: Sendable, Equatable {
        public var date: Day
        public var document: String?
    }

    public var unit: String
    public var unitName: String
    public var overdue: [Item]
    public var dueSoon: [Item]

    public var items: [Item] { overdue + dueSoon }
}

public enum Reminders {
    /// Units with something to chase, in Vietnamese name order; tasks most overdue first.
    public static func letters(_ ledger: Ledger, options: AssessmentOptions, units: Set<String> = [])
        -> [ReminderLetter]
    {
        var byUnit: [String: ReminderLetter] = [:]
        for task in ledger.tasks {
            if !units.isEmpty, !units.contains(task.unit) { continue }
            let meeting = ledger.meeting(of: task)
            guard let a = Assessment.assess(task, meetingDate: meeting.date, options: options) else { continue }
            guard a.state == .overdue || a.dueSoon else { continue }
            if byUnit[task.unit] == nil {
                byUnit[task.unit] = ReminderLetter(
                    unit: task.unit, unitName: ledger.units.resolve(task.unit)?.name ?? task.unit,
                    overdue: [], dueSoon: [])
            }
            // In place: a letter copied out and stored back copied its whole list on every
            // task, which made 10,000 meetings take 17 seconds.
            let item = ReminderLetter.Item(
                assessment: a, meetingDate: meeting.date, notice: meeting.document,
                text: ledger.conclusion(of: task).text,
                earlier: task.history.filter { $0.reminder && $0.date < options.asOf }.map {
                    ReminderLetter.Earlier(date: $0.date, document: $0.document)
                })
            if a.state == .overdue {
                byUnit[task.unit]!.overdue.append(item)
            } else {
                byUnit[task.unit]!.dueSoon.append(item)
            }
        }
        return byUnit.values.map { l in
            var l = l
            l.overdue.sort {
                ($0.assessment.daysLate ?? 0, $1.task.id) > ($1.assessment.daysLate ?? 0, $0.task.id)
            }
            l.dueSoon.sort {
                ($0.assessment.daysLeft ?? 0, $0.task.id) < ($1.assessment.daysLeft ?? 0, $1.task.id)
            }
            return l
        }.sorted { VietnameseOrder.less($0.unitName, $1.unitName) }
    }
}

/// Vietnamese alphabetical order (Ă after A, Đ after D, ...), through Foundation's collation.
package enum VietnameseOrder {
    package static let locale = Locale(identifier: "vi_VN")
    package static func less(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [], range: nil, locale: locale) == .orderedAscending
    }
}
