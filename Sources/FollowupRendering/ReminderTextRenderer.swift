import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

/// What a reminder letter says, in one place: the text letter (`remind`) and the Word letter
/// (`remind --format docx`) both say it with these sentences.
public struct ReminderWording: Sendable {
    public var lang: Language
    /// Whom units report back to.
    public var reportTo: String
    /// The day units report back by.
    public var replyBy: Day

    public init(settings: Settings, units: UnitRegistry, replyBy: Day, lang: Language) {
        self.lang = lang
        self.reportTo = ReminderWording.reportTo(settings, units: units, lang: lang)
        self.replyBy = replyBy
    }

    /// The office a letter asks units to report to: `reports_to` in settings.yaml, else the
    /// name of the `office` unit, else the organisation's office; no level of government
    /// is assumed.
    public static func reportTo(_ settings: Settings, units: UnitRegistry, lang: Language) -> String {
        if let o = settings.reportsTo, !o.isEmpty { return o }
        if let code = settings.office, let unit = units.resolve(code) { return unit.name }
        if let org = settings.organization, !org.isEmpty {
            return lang.pick("Văn phòng \(org)", "the office of \(org)")
        }
        return lang.pick("cơ quan theo dõi", "the office following up")
    }

    /// "2 nhiệm vụ quá hạn và 1 nhiệm vụ sắp đến hạn": only the parts there are.
    func counts(_ l: ReminderLetter) -> String {
        var parts: [String] = []
        if !l.overdue.isEmpty {
            parts.append(lang.pick("\(l.overdue.count) nhiệm vụ quá hạn", "\(l.overdue.count) overdue"))
        }
        if !l.dueSoon.isEmpty {
            parts.append(lang.pick("\(l.dueSoon.count) nhiệm vụ sắp đến hạn", "\(l.dueSoon.count) due soon"))
        }
        return parts.joined(separator: lang.pick(" và ", " and "))
    }

    /// The first paragraph.
    public func opening(_ l: ReminderLetter, asOf: Day) -> String {
        lang.pick(
            "Theo dõi việc thực hiện kết luận của các cuộc họp, tính đến ngày \(asOf.vietnamese), "
                + "\(l.unitName) còn \(counts(l)) chưa hoàn thành, cụ thể như sau:",
            "As of \(asOf.iso), \(l.unitName) has \(counts(l)) \(l.items.count == 1 ? "task" : "tasks") "
                + "from meeting conclusions not completed:")
    }

    /// Where a task comes from: "Thông báo số 45/TB-UBND, họp ngày 29/04/2022".
    public func source(_ i: ReminderLetter.Item) -> String {
        let notice = i.notice.map { lang.pick("Thông báo số \($0), ", "notice \($0), ") } ?? ""
        return notice + lang.pick("họp ngày ", "meeting of ") + lang.format(i.meetingDate)
    }

    /// "Đã đôn đốc lần 1 ngày 05/11/2026 (số 215/UBND-VP), lần 2 ngày 12/11/2026", or nil.
    public func earlier(_ i: ReminderLetter.Item) -> String? {
        guard !i.earlier.isEmpty else { return nil }
        let times = i.earlier.enumerated().map { n, e in
            let no = e.document.map { lang.pick(" (số \($0))", " (no. \($0))") } ?? ""
            return lang.pick("lần \(n + 1) ngày \(e.date.vietnamese)", "#\(n + 1) on \(e.date.iso)") + no
        }
        return lang.pick("Đã đôn đốc ", "Reminded ") + times.joined(separator: ", ")
    }

    /// The request: carry out, report with reasons by a day; and, when some task is reminded
    /// for the third time or more, that it goes to the leadership.
    public func closing(_ l: ReminderLetter) -> [String] {
        var out = [
            lang.pick(
                "Đề nghị \(l.unitName) khẩn trương triển khai thực hiện các nhiệm vụ trên; báo cáo kết "
                    + "quả, nêu rõ nguyên nhân chưa hoàn thành, khó khăn, vướng mắc và đề xuất hướng giải "
                    + "quyết, gửi về \(reportTo) trước ngày \(replyBy.vietnamese) để tổng hợp, báo cáo lãnh đạo.",
                "\(l.unitName) is asked to carry out the tasks above without delay and to report the results, "
                    + "with the reasons for what is not done, the difficulties and a proposed way forward, "
                    + "to \(reportTo) by \(replyBy.iso).")
        ]
        let third = l.items.filter(\.escalates).count
        if third > 0 {
            out.append(
                lang.pick(
                    "\(third) nhiệm vụ nêu trên đã được đôn đốc từ 3 lần trở lên; quá thời hạn báo cáo "
                        + "mà chưa hoàn thành, \(reportTo) sẽ tổng hợp, báo cáo lãnh đạo xem xét tại cuộc "
                        + "họp giao ban gần nhất.",
                    "\(third) of the tasks above \(third == 1 ? "has" : "have") been reminded three times or "
                        + "more; if not done by the reply date, \(reportTo) will raise \(third == 1 ? "it" : "them") "
                        + "with the leadership at the next weekly briefing."))
        }
        return out
    }
}

/// The reminder letters as text, ready to paste into an official letter.
public enum ReminderTextRenderer {
    /// One letter; control characters in any value (a unit's name, a notice number) are
    /// made visible.
    public static func text(_ l: ReminderLetter, asOf: Day, wording w: ReminderWording) -> String {
        let lang = w.lang
        // Each value's line breaks become spaces; the letter's own stay.
        let clean: (String) -> String = { TextWidth.sanitize($0) }
        var out = lang.pick("Kính gửi: ", "To: ") + clean(l.unitName) + "\n\n"
        out += clean(w.opening(l, asOf: asOf)) + "\n"
        func line(_ n: Int, _ item: ReminderLetter.Item) -> String {
            let a = item.assessment
            var s = "\(n). \(clean(item.text))\n"
            s += "   " + clean(lang.pick("Theo ", "From ") + w.source(item) + lang.pick("; mã ", "; task ") + a.task.id)
            s += ".\n"
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
            if let earlier = w.earlier(item) { s += "\n   " + clean(earlier) + "." }
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
        out += "\n" + w.closing(l).map(clean).joined(separator: "\n") + "\n"
        return TextWidth.sanitize(out, keepingLineBreaks: true)
    }
}
