import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

/// Which notices are due on a day: a pure function of the records, the settings and the day.
/// What was already sent is the sent record's business (`NoticeLog`), not the plan's: each
/// notice has a key that stays the same from run to run, and a run sends the keys not yet sent.
///
/// - A new task: to its lead and to each supporting unit, when its meeting is at most
///   `lookback_days` old (so a first run on an old root does not announce every task).
/// - Due soon: to the lead, once per deadline in force, when it is `due_in_days` away or less.
/// - Overdue: to the lead, once in each seven days overdue (days 1–7, 8–14, …), per deadline.
/// - A reminder recorded, a done accepted or returned: to the lead; a done awaiting review: to
///   the office (`office:` in settings.yaml). Entries at most `lookback_days` old.
/// - The digest: to the leaders, once a week, on the first run on or after `digest_weekday`.
public enum NoticePlanner {
    /// The notices of `ledger` on `today`. `tasks` limits them to those tasks (the portal's
    /// notices after a write); `kinds` to those kinds.
    public static func plan(
        _ ledger: Ledger, today: Day, lang: Language, tasks: Set<String>? = nil,
        kinds: Set<NoticeKind> = Set(NoticeKind.allCases)
    ) -> [Notice] {
        let settings = ledger.settings.notices
        let words = NoticeWording(ledger: ledger, lang: lang)
        let since = today.adding(days: -settings.lookbackDays)
        let options = AssessmentOptions(asOf: today, dueSoonDays: settings.dueInDays)
        var out: [Notice] = []
        for task in ledger.tasks {
            if let tasks, !tasks.contains(task.id) { continue }
            let meeting = ledger.meeting(of: task)
            guard let a = Assessment.assess(task, meetingDate: meeting.date, options: options) else { continue }
            let about = words.about(task, meeting: meeting, assessment: a)
            func add(_ kind: NoticeKind, _ key: String, to unit: String, extra: [String] = []) {
                guard kinds.contains(kind) else { return }
                out.append(words.notice(kind, key: key, about: about, to: unit, extra: extra))
            }
            if meeting.date >= since, a.state != .cancelled {
                add(.newTask, "new-task/\(task.id)/\(task.unit)", to: task.unit)
                for s in task.support where s != task.unit {
                    add(.newSupport, "new-task/\(task.id)/\(s)", to: s)
                }
            }
            if let deadline = a.timeline.deadline.day, !a.awaitingReview {
                if a.state == .withinDeadline, let left = a.daysLeft, left <= settings.dueInDays {
                    add(.dueSoon, "due-soon/\(task.id)/\(deadline.iso)", to: task.unit)
                } else if a.state == .overdue, let late = a.daysLate {
                    add(.overdue, "overdue/\(task.id)/\(deadline.iso)/\((late - 1) / 7 + 1)", to: task.unit)
                }
            }
            // Entries of the window, each counted among the same day's entries of its kind.
            var seen: [String: Int] = [:]
            for u in task.history where u.date >= since && u.date <= today {
                let kind: NoticeKind
                switch (u.reminder, u.review) {
                case (true, _): kind = .reminder
                case (_, .accepted?): kind = .accepted
                case (_, .returned?): kind = .returned
                case (_, .pending?): kind = .awaitingReview
                default: continue
                }
                let base = "\(kind.rawValue)/\(task.id)/\(u.date.iso)"
                seen[base, default: 0] += 1
                let key = base + "/\(seen[base]!)"
                let extra = words.entryLines(u)
                if kind == .awaitingReview {
                    // Only the done that waits now, and only where the office is named.
                    guard a.awaitingReview, a.timeline.awaitingReview == u, let office = ledger.settings.office
                    else { continue }
                    add(kind, key, to: office, extra: extra)
                } else {
                    add(kind, key, to: task.unit, extra: extra)
                }
            }
        }
        if kinds.contains(.digest), tasks == nil {
            let start = weekStart(today, weekday: settings.digestWeekday)
            let report = DigestReport.make(ledger, options: DigestOptions(assessment: options, allItems: false))
            out.append(words.digest(report, key: "digest/\(start.iso)"))
        }
        return out
    }

    /// ISO weekday: 1 Monday … 7 Sunday (1970-01-01 was a Thursday).
    public static func weekday(_ day: Day) -> Int { ((day.daysSinceEpoch % 7 + 7) % 7 + 3) % 7 + 1 }

    /// The last `weekday` on or before `day`: the digest's week starts there.
    public static func weekStart(_ day: Day, weekday w: Int) -> Day {
        day.adding(days: -((weekday(day) - w + 7) % 7))
    }
}
