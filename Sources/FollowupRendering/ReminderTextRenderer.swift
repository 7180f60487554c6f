import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

/// The reminder letters as text, ready to paste into an official letter.
public enum ReminderTextRenderer {
    /// The office a letter asks units to report to: `reports_to` in settings.yaml, else the
    /// organisation's office; no level of government is assumed.
    public static func office(_ settings: Settings, lang: Language) -> String {
        if let o = settings.reportsTo, !o.isEmpty { return o }
        if let org = settings.organization, !org.isEmpty {
            return lang.pick("Văn phòng \(org)", "the office of \(org)")
        }
        return lang.pick("cơ quan theo dõi", "the office following up")
    }

    /// One letter; control characters in any value (a unit's name, a notice number) are
    /// made visible.
    public static func text(_ l: ReminderLetter, asOf: Day, lang: Language, settings: Settings = Settings()) -> String {
        let office = TextWidth.sanitize(office(settings, lang: lang))
        let unitName = TextWidth.sanitize(l.unitName)
        var out = lang.pick("Kính gửi: \(unitName)\n\n", "To: \(unitName)\n\n")
        // Only the parts there are: "1 nhiệm vụ quá hạn", not "... và 0 nhiệm vụ sắp đến hạn".
        var parts: [String] = []
        if !l.overdue.isEmpty {
            parts.append(lang.pick("\(l.overdue.count) nhiệm vụ quá hạn", "\(l.overdue.count) overdue"))
        }
        if !l.dueSoon.isEmpty {
            parts.append(lang.pick("\(l.dueSoon.count) nhiệm vụ sắp đến hạn", "\(l.dueSoon.count) soon-due"))
        }
        let what = parts.joined(separator: lang.pick(" và ", " and "))
        out += lang.pick(
            "Tính đến ngày \(asOf.vietnamese), đơn vị còn \(what) theo kết luận của các cuộc họp dưới đây. Đề "
                + "nghị đơn vị khẩn trương triển khai thực hiện và báo cáo kết quả về \(office).\n",
            "As of \(asOf.iso), your unit has \(what) \(l.items.count == 1 ? "task" : "tasks") from the meeting "
                + "conclusions below. Please complete them promptly and report the results to \(office).\n"
        )
        func line(_ n: Int, _ item: ReminderLetter.Item) -> String {
            let a = item.assessment
            let notice = item.notice.map { lang.pick(" (Thông báo số \($0))", " (notice \($0))") } ?? ""
            var s = "\(n). \(TextWidth.sanitize(item.text))\n"
            s +=
                "   "
                + lang.pick(
                    "Theo kết luận cuộc họp ngày \(item.meetingDate.vietnamese)\(notice); mã \(a.task.id).",
                    "From the meeting of \(item.meetingDate.iso)\(notice); task \(a.task.id).") + "\n"
            s += "   " + lang.pick("Thời hạn: ", "Deadline: ") + a.timeline.deadline.label(lang)
            if a.timeline.deadline != a.task.due {
                s +=
                    lang.pick(" (đã gia hạn; hạn gốc ", " (extended; originally ") + a.task.due.label(lang)
                    + ")"
            }
            if a.state == .overdue {
                s += lang.pick(" — quá hạn \(a.daysLate ?? 0) ngày", " — \(a.daysLate ?? 0) days overdue")
            } else if a.daysLeft == 0 {
                s += lang.pick(" — đến hạn hôm nay", " — due today")
            } else if let left = a.daysLeft {
                s += lang.pick(" — còn \(left) ngày", " — \(left) \(left == 1 ? "day" : "days") left")
            }
            if a.reminders > 0 {
                s += lang.pick("; đã đôn đốc \(a.reminders) lần", "; reminded \(a.reminders) times")
            }
            return s + "\n"
        }
        var n = 0
        if !l.overdue.isEmpty {
            out += "\n" + lang.pick("I. Nhiệm vụ quá hạn:", "I. Overdue tasks:") + "\n"
            for a in l.overdue {
                n += 1
                out += line(n, a)
            }
        }
        if !l.dueSoon.isEmpty {
            out +=
                "\n"
                + lang.pick(
                    "\(l.overdue.isEmpty ? "I" : "II"). Nhiệm vụ sắp đến hạn:",
                    "\(l.overdue.isEmpty ? "I" : "II"). Tasks due soon:") + "\n"
            for a in l.dueSoon {
                n += 1
                out += line(n, a)
            }
        }
        return TextWidth.sanitize(out, keepingLineBreaks: true)
    }
}
