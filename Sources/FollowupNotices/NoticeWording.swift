import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

/// The subjects and bodies of the notices, in Vietnamese or English. Plain text: the channel
/// (e-mail, another) carries it as it is.
struct NoticeWording {
    let ledger: Ledger
    let lang: Language

    /// What every notice about a task says of it.
    struct About {
        var taskID: String
        var short: String
        var lines: [String]
        var link: String?
        var daysLate: Int?
        var deadline: String
    }

    func unitName(_ code: String) -> String { ledger.units.unit(code: code)?.name ?? code }

    func about(_ task: TaskItem, meeting: Meeting, assessment a: Assessment) -> About {
        let text = Self.oneLine(meeting.conclusions[task.conclusionIndex].text)
        let deadline = a.timeline.deadline.label(lang)
        var lines = [
            lang.pick("Nhiệm vụ: ", "Task: ") + text,
            lang.pick("Cuộc họp: ", "Meeting: ") + Self.oneLine(meeting.title) + " (\(lang.format(meeting.date)))",
            lang.pick("Đơn vị chủ trì: ", "Lead unit: ") + unitName(task.unit),
        ]
        let support = task.support.filter { $0 != task.unit }
        if !support.isEmpty {
            lines.append(
                lang.pick("Đơn vị phối hợp: ", "Supporting units: ") + support.map(unitName).joined(separator: ", "))
        }
        lines.append(lang.pick("Hạn: ", "Deadline: ") + deadline)
        lines.append(
            lang.pick("Tình trạng: ", "Status: ") + a.timeline.status.label(lang)
                + (a.awaitingReview ? " (\(Review.pending.label(lang)))" : ""))
        lines.append(lang.pick("Mã nhiệm vụ: ", "Task ID: ") + task.id)
        return About(
            taskID: task.id, short: Self.shortened(text, 80), lines: lines, link: NoticeLink.task(task.id, ledger),
            daysLate: a.daysLate, deadline: deadline)
    }

    /// What an entry adds: its date, who, its note and its document.
    func entryLines(_ u: Update) -> [String] {
        var out = [lang.pick("Ngày: ", "Date: ") + lang.format(u.date)]
        if let who = u.authorship(lang) { out.append(lang.pick("Người báo cáo: ", "Reported by: ") + who) }
        if let note = u.note { out.append(lang.pick("Nội dung: ", "Note: ") + Self.oneLine(note)) }
        if let d = u.document { out.append(lang.pick("Văn bản: ", "Document: ") + Self.oneLine(d)) }
        return out
    }

    func notice(_ kind: NoticeKind, key: String, about: About, to unit: String, extra: [String]) -> Notice {
        let (subject, lead): (String, String)
        switch kind {
        case .newTask:
            subject = lang.pick("Nhiệm vụ mới: ", "New task: ") + about.short
            lead = lang.pick(
                "Đơn vị được giao chủ trì thực hiện nhiệm vụ sau.", "Your unit leads the following new task.")
        case .newSupport:
            subject = lang.pick("Nhiệm vụ mới (phối hợp): ", "New task (supporting): ") + about.short
            lead = lang.pick(
                "Đơn vị được giao phối hợp thực hiện nhiệm vụ sau.", "Your unit supports the following new task.")
        case .dueSoon:
            subject = lang.pick("Sắp đến hạn \(about.deadline): ", "Due \(about.deadline): ") + about.short
            lead = lang.pick(
                "Nhiệm vụ sau sắp đến hạn (\(about.deadline)); đề nghị đơn vị báo cáo kết quả.",
                "The following task is due on \(about.deadline); please report its result.")
        case .overdue:
            let n = about.daysLate ?? 0
            subject = lang.pick("Quá hạn \(n) ngày: ", "\(n) days overdue: ") + about.short
            lead = lang.pick(
                "Nhiệm vụ sau đã quá hạn \(n) ngày; đề nghị đơn vị khẩn trương thực hiện và báo cáo.",
                "The following task is \(n) days overdue; please complete it and report.")
        case .reminder:
            subject = lang.pick("Đôn đốc: ", "Reminder: ") + about.short
            lead = lang.pick(
                "Văn phòng đã đôn đốc thực hiện nhiệm vụ sau.",
                "The office has sent a reminder about the following task.")
        case .awaitingReview:
            subject = lang.pick("Chờ xác nhận hoàn thành: ", "Done, awaiting review: ") + about.short
            lead = lang.pick(
                "Đơn vị báo cáo đã hoàn thành nhiệm vụ sau; đề nghị Văn phòng xác nhận hoặc trả lại.",
                "A unit reported the following task done; please accept or return it.")
        case .accepted:
            subject = lang.pick("Đã xác nhận hoàn thành: ", "Done accepted: ") + about.short
            lead = lang.pick(
                "Văn phòng đã xác nhận đơn vị hoàn thành nhiệm vụ sau.", "The office accepted your unit's done.")
        case .returned:
            subject = lang.pick("Báo cáo bị trả lại: ", "Report returned: ") + about.short
            lead = lang.pick(
                "Văn phòng đã trả lại báo cáo hoàn thành nhiệm vụ sau; đề nghị đơn vị xem lý do và báo cáo lại.",
                "The office returned your report of done; please see why and report again.")
        case .digest:
            subject = ""
            lead = ""
        }
        let name = unitName(unit)
        var body = [lang.pick("Kính gửi: ", "To: ") + name + ".", "", lead, ""] + about.lines
        if !extra.isEmpty { body += [""] + extra }
        if let link = about.link { body += ["", lang.pick("Xem và báo cáo: ", "See and report: ") + link] }
        return Notice(
            key: key, kind: kind, audience: .unit(unit), audienceName: name, subject: Self.oneLine(subject),
            body: (body + footer()).joined(separator: "\n") + "\n", taskID: about.taskID)
    }

    /// The leaders' week: the figures of the digest, the units with most overdue, the oldest
    /// overdue tasks, and the portal's link.
    func digest(_ r: DigestReport, key: String) -> Notice {
        let t = r.totals
        let organization = ledger.settings.organization
        let asOf = lang.format(r.asOf)
        let subject = lang.pick(
            "Tình hình thực hiện kết luận đến ngày \(asOf)", "Follow-up of meeting conclusions as of \(asOf)")
        var body = [
            lang.pick("Kính gửi: Lãnh đạo", "To: the leadership") + (organization.map { " — \($0)" } ?? "") + ".", "",
            lang.pick("Tình hình thực hiện kết luận đến ngày \(asOf):", "Follow-up of conclusions as of \(asOf):"),
            lang.pick("- Tổng số nhiệm vụ: \(t.tasks)", "- Tasks: \(t.tasks)"),
            lang.pick("- Hoàn thành đúng hạn: \(t.doneOnTime)", "- Done on time: \(t.doneOnTime)"),
            lang.pick("- Hoàn thành quá hạn: \(t.doneLate)", "- Done late: \(t.doneLate)"),
            lang.pick("- Quá hạn chưa hoàn thành: \(t.overdue)", "- Overdue: \(t.overdue)"),
            lang.pick("- Trong hạn: \(t.withinDeadline)", "- Within deadline: \(t.withinDeadline)"),
            lang.pick("- Thường xuyên: \(t.ongoing)", "- Ongoing: \(t.ongoing)"),
        ]
        if t.awaitingReview > 0 {
            body.append(lang.pick("- Chờ xác nhận: \(t.awaitingReview)", "- Awaiting review: \(t.awaitingReview)"))
        }
        if let rate = t.onTimeRate {
            body.append(lang.pick("- Tỷ lệ đúng hạn: ", "- On-time rate: ") + Self.percent(rate, lang))
        }
        let worst = r.units.filter { $0.counts.overdue > 0 }
            .sorted { ($0.counts.overdue, $1.code) > ($1.counts.overdue, $0.code) }.prefix(5)
        if !worst.isEmpty {
            body += ["", lang.pick("Đơn vị có nhiều nhiệm vụ quá hạn nhất:", "Units with the most overdue tasks:")]
            body += worst.map { "- \($0.name): \($0.counts.overdue)" }
        }
        if !r.overdue.isEmpty {
            body += ["", lang.pick("Nhiệm vụ quá hạn lâu nhất:", "The longest overdue tasks:")]
            body += r.overdue.prefix(5).map { item in
                "- \(item.unit): \(Self.shortened(Self.oneLine(item.text), 100)) "
                    + lang.pick("(quá hạn \(item.daysOverdue ?? 0) ngày)", "(\(item.daysOverdue ?? 0) days overdue)")
            }
        }
        if let link = NoticeLink.home(ledger) { body += ["", lang.pick("Xem chi tiết: ", "Details: ") + link] }
        return Notice(
            key: key, kind: .digest, audience: .leaders, audienceName: lang.pick("Lãnh đạo", "the leadership"),
            subject: subject, body: (body + footer()).joined(separator: "\n") + "\n")
    }

    func footer() -> [String] {
        [
            "", "-- ",
            (ledger.settings.organization.map { $0 + " · " } ?? "")
                + lang.pick(
                    "Thư gửi tự động từ hệ thống theo dõi thực hiện kết luận; xin không trả lời thư này.",
                    "Sent by the conclusions follow-up system; please do not reply to this message."),
        ]
    }

    static func percent(_ rate: Double, _ lang: Language) -> String {
        let tenths = Int((rate * 1000).rounded())
        let text = "\(tenths / 10)\(lang == .vi ? "," : ".")\(tenths % 10)%"
        return text
    }

    /// The text on one line: line breaks and other control characters become spaces.
    static func oneLine(_ s: String) -> String {
        let scalars = s.unicodeScalars.map { c -> Character in
            c.properties.generalCategory == .control || c == "\u{2028}" || c == "\u{2029}" ? " " : Character(c)
        }
        return String(scalars).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    static func shortened(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }
}

/// The portal's links (`notices.portal` in settings.yaml), as the portal spells its paths.
public enum NoticeLink {
    static func base(_ ledger: Ledger) -> String? {
        guard var b = ledger.settings.notices.portal else { return nil }
        while b.hasSuffix("/") { b.removeLast() }
        return b
    }

    public static func home(_ ledger: Ledger) -> String? { base(ledger).map { $0 + "/" } }

    /// `/tasks/ID`, the ID percent-encoded (`#` → `%23`, `/` → `%2F`).
    public static func task(_ id: String, _ ledger: Ledger) -> String? {
        base(ledger).map { $0 + "/tasks/" + percentEncoded(id) }
    }

    static func percentEncoded(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
