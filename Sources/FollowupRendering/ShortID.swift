import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

/// The short form of a task's ID for tables people read: its meeting's notice number, or
/// the meeting's date, then `#` and the task within the meeting (`45/TB-UBND#2`,
/// `05/10/2026#3`). A full ID (`2026-10-05-giao-ban-tuan-41#3`) took most of a printed
/// page's width or a terminal's; `TaskLocator` takes either short form back as a task's name.
public enum ShortID {
    /// The meeting's part: its notice number, else its date as `lang` writes dates.
    package static func meeting(notice: String?, date: Day, lang: Language) -> String {
        if let notice, !notice.isEmpty { return notice }
        return lang.format(date)
    }

    public static func of(_ item: DigestItem, _ lang: Language) -> String {
        meeting(notice: item.notice, date: item.meetingDate, lang: lang) + "#" + item.local
    }

    /// The short form of `task`, a task of `meeting`.
    public static func of(_ task: TaskItem, in meeting: Meeting, _ lang: Language) -> String {
        let local = String(Substring(task.id.utf8.dropFirst(meeting.id.utf8.count + 1)))
        return ShortID.meeting(notice: meeting.document, date: meeting.date, lang: lang) + "#" + local
    }

    /// A column of short IDs for a table with no tooltip to show the full one: where two
    /// meetings among the rows share a short form, their rows keep the full ID, so that every
    /// ID printed names one task.
    package static func column(_ rows: [(meeting: String, short: String, local: String)]) -> [String] {
        var owners: [String: String] = [:]
        var shared: Set<String> = []
        for r in rows {
            if let other = owners[r.short], other != r.meeting {
                shared.insert(r.short)
            } else {
                owners[r.short] = r.meeting
            }
        }
        return rows.map { shared.contains($0.short) ? $0.meeting + "#" + $0.local : $0.short + "#" + $0.local }
    }
}
