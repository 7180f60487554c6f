import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

/// `followup show`: one task and its whole history.
public enum TaskView {
    public static func render(_ task: TaskItem, ledger: Ledger, asOf: Day, lang: Language) -> String {
        let m = ledger.meeting(of: task)
        let c = ledger.conclusion(of: task)
        let s: (String) -> String = { TextWidth.sanitize($0) }
        let unitName = { (code: String) in ledger.units.resolve(code).map { "\($0.code) — \(s($0.name))" } ?? code }
        // As known on the as-of day; later entries are listed but marked.
        let full = TaskTimeline.replay(task, asOf: asOf)
        var out = "\(task.id)\n"
        func field(_ vi: String, _ en: String, _ value: String) {
            out += TextWidth.padRight(lang.pick(vi, en) + ":", to: 28) + value + "\n"
        }
        field(
            "Cuộc họp", "Meeting", "\(s(m.title)) (\(lang.format(m.date))\(m.document.map { ", " + s($0) } ?? ""))")
        field("Chủ trì cuộc họp", "Chaired by", s(m.chair))
        field("Tệp", "File", s("\(task.location.path):\(task.location.line)"))
        field("Kết luận", "Conclusion", "\(c.id). " + s(c.text))
        field("Đơn vị chủ trì", "Lead unit", unitName(task.unit))
        field(
            "Đơn vị phối hợp", "Supporting units",
            task.support.isEmpty ? "—" : task.support.map(unitName).joined(separator: "; "))
        field("Thời hạn gốc", "Original deadline", task.due.label(lang))
        field(
            "Thời hạn hiện hành", "Deadline in force",
            full.deadline.label(lang)
                + (full.extensions > 0
                    ? lang.pick(" (gia hạn \(full.extensions) lần)", " (extended \(full.extensions)×)") : ""))
        field("Trạng thái", "Status", full.status.label(lang))
        if let a = Assessment.assess(task, meetingDate: m.date, options: AssessmentOptions(asOf: asOf)) {
            var st = a.state.label(lang)
            if let d = a.daysLate { st += lang.pick(" (\(d) ngày)", " (\(d) days)") }
            if let d = a.daysLeft { st += lang.pick(" (còn \(d) ngày)", " (\(d) days left)") }
            field("Tình trạng ngày \(asOf.vietnamese)", "State on \(asOf.iso)", st)
        }
        // The unit's last report, apart from the office's reminders (which are not reports).
        field("Báo cáo cuối", "Last report", full.lastReportLabel(lang))
        out += "\n" + lang.pick("Lịch sử (\(task.history.count)):", "History (\(task.history.count)):") + "\n"
        if task.history.isEmpty { out += "  " + lang.pick("chưa có cập nhật", "no updates yet") + "\n" }
        for u in task.history.sorted(by: { $0.date < $1.date }) {
            var parts: [String] = []
            if let st = u.status {
                parts.append(st.label(lang) + (u.reopen ? lang.pick(" (mở lại)", " (reopened)") : ""))
            }
            if let d = u.due { parts.append(lang.pick("gia hạn đến ", "extended to ") + lang.format(d)) }
            if u.reminder { parts.append(lang.pick("đôn đốc", "reminder")) }
            if let r = u.review { parts.append(r.label(lang)) }
            if full.isPart(u) { parts.append(lang.pick("phần phối hợp", "supporting part")) }
            if let who = u.authorship(lang) { parts.append(lang.pick("báo cáo: ", "by ") + s(who)) }
            if let doc = u.document { parts.append(lang.pick("văn bản ", "document ") + s(doc)) }
            if u.date > asOf { parts.append(lang.pick("(sau ngày \(asOf.vietnamese))", "(after \(asOf.iso))")) }
            out += "  \(lang.format(u.date))  " + parts.joined(separator: "; ") + "\n"
            if let n = u.note { out += "              " + s(n) + "\n" }
        }
        return out
    }
}
