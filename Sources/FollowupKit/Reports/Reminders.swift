import Foundation

/// The reminder letters (đôn đốc): per unit, its overdue and soon-due tasks.
public struct ReminderLetter: Sendable {
    public var unit: String
    public var unitName: String
    public var overdue: [Assessment]
    public var dueSoon: [Assessment]

    public var tasks: [Assessment] { overdue + dueSoon }
}

public enum Reminders {
    /// Units with something to chase, in Vietnamese name order; tasks most overdue first.
    public static func letters(_ ledger: Ledger, options: AssessmentOptions, units: Set<String> = []) -> [ReminderLetter] {
        var byUnit: [String: ReminderLetter] = [:]
        for task in ledger.tasks {
            if !units.isEmpty, !units.contains(task.unit) { continue }
            let meeting = ledger.meeting(of: task)
            guard let a = Assessment.assess(task, meetingDate: meeting.date, options: options) else { continue }
            guard a.state == .overdue || a.dueSoon else { continue }
            if byUnit[task.unit] == nil {
                byUnit[task.unit] = ReminderLetter(unit: task.unit, unitName: ledger.units.resolve(task.unit)?.name ?? task.unit,
                                                   overdue: [], dueSoon: [])
            }
            // In place: a letter copied out and stored back copied its whole list on every
            // task, which made 10,000 meetings take 17 seconds.
            if a.state == .overdue { byUnit[task.unit]!.overdue.append(a) } else { byUnit[task.unit]!.dueSoon.append(a) }
        }
        return byUnit.values.map { l in
            var l = l
            l.overdue.sort { ($0.daysLate ?? 0, $1.task.id) > ($1.daysLate ?? 0, $0.task.id) }
            l.dueSoon.sort { ($0.daysLeft ?? 0, $0.task.id) < ($1.daysLeft ?? 0, $1.task.id) }
            return l
        }.sorted { VietnameseOrder.less($0.unitName, $1.unitName) }
    }

    /// Appends a reminder entry dated `day` to every task of `letters`, one write per record.
    /// A task already reminded that day is skipped (a repeated run adds nothing), judged on
    /// the record as it is under its lock. A record that cannot be written does not stop
    /// the others: each record's outcome is returned, in record order.
    public static func record(_ letters: [ReminderLetter], on day: Day, document: String?, ledger: Ledger,
                              store: RecordStore) -> [(meeting: Meeting, result: Result<Int, FollowupError>)] {
        var byMeeting: [Int: [String]] = [:]
        for l in letters { for a in l.tasks { byMeeting[a.task.meetingIndex, default: []].append(a.task.id) } }
        return byMeeting.keys.sorted().map { mi in
            let meeting = ledger.meetings[mi]
            do throws(FollowupError) {
                let written = try store.append(to: meeting) { (snapshot) throws(FollowupError) in
                    var entries: [Update] = []
                    for id in byMeeting[mi] ?? [] {
                        if let e = try TaskUpdates.reminder(task: id, TaskUpdates.Common(date: day, document: document),
                                                            units: ledger.units, in: snapshot) { entries.append(e) }
                    }
                    return entries
                }
                return (meeting, .success(written.count))
            } catch {
                return (meeting, .failure(error))
            }
        }
    }

    /// The letter's text, ready to paste into an official letter; control characters in
    /// any value (a unit's name, a notice number) are made visible.
    public static func text(_ l: ReminderLetter, ledger: Ledger, asOf: Day, lang: Language) -> String {
        let unitName = TextWidth.sanitize(l.unitName)
        var out = lang.pick("Kính gửi: \(unitName)\n\n", "To: \(unitName)\n\n")
        // Only the parts there are: "1 nhiệm vụ quá hạn", not "... và 0 nhiệm vụ sắp đến hạn".
        var parts: [String] = []
        if !l.overdue.isEmpty { parts.append(lang.pick("\(l.overdue.count) nhiệm vụ quá hạn", "\(l.overdue.count) overdue")) }
        if !l.dueSoon.isEmpty { parts.append(lang.pick("\(l.dueSoon.count) nhiệm vụ sắp đến hạn", "\(l.dueSoon.count) soon-due")) }
        let what = parts.joined(separator: lang.pick(" và ", " and "))
        out += lang.pick(
            "Tính đến ngày \(asOf.vietnamese), đơn vị còn \(what) theo kết luận của các cuộc họp dưới đây. Đề nghị đơn vị khẩn trương triển khai thực hiện và báo cáo kết quả về Văn phòng HĐND và UBND huyện.\n",
            "As of \(asOf.iso), your unit has \(what) \(l.tasks.count == 1 ? "task" : "tasks") from the meeting conclusions below. Please complete them promptly and report the results to the District Office.\n")
        func line(_ n: Int, _ a: Assessment) -> String {
            let m = ledger.meeting(of: a.task)
            let c = ledger.conclusion(of: a.task)
            let notice = m.document.map { lang.pick(" (Thông báo số \($0))", " (notice \($0))") } ?? ""
            var s = "\(n). \(TextWidth.sanitize(c.text))\n"
            s += "   " + lang.pick("Theo kết luận cuộc họp ngày \(m.date.vietnamese)\(notice); mã \(a.task.id).",
                                   "From the meeting of \(m.date.iso)\(notice); task \(a.task.id).") + "\n"
            s += "   " + lang.pick("Thời hạn: ", "Deadline: ") + a.timeline.deadline.label(lang)
            if a.timeline.deadline != a.task.due { s += lang.pick(" (đã gia hạn; hạn gốc ", " (extended; originally ") + a.task.due.label(lang) + ")" }
            if a.state == .overdue { s += lang.pick(" — quá hạn \(a.daysLate ?? 0) ngày", " — \(a.daysLate ?? 0) days overdue") }
            else if let left = a.daysLeft { s += lang.pick(" — còn \(left) ngày", " — \(left) days left") }
            if a.reminders > 0 { s += lang.pick("; đã đôn đốc \(a.reminders) lần", "; reminded \(a.reminders) times") }
            return s + "\n"
        }
        var n = 0
        if !l.overdue.isEmpty {
            out += "\n" + lang.pick("I. Nhiệm vụ quá hạn:", "I. Overdue tasks:") + "\n"
            for a in l.overdue { n += 1; out += line(n, a) }
        }
        if !l.dueSoon.isEmpty {
            out += "\n" + lang.pick("\(l.overdue.isEmpty ? "I" : "II"). Nhiệm vụ sắp đến hạn:", "\(l.overdue.isEmpty ? "I" : "II"). Tasks due soon:") + "\n"
            for a in l.dueSoon { n += 1; out += line(n, a) }
        }
        return TextWidth.sanitize(out, keepingLineBreaks: true)
    }
}

/// Vietnamese alphabetical order (Ă after A, Đ after D, ...), through Foundation's collation.
enum VietnameseOrder {
    static let locale = Locale(identifier: "vi_VN")
    static func less(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [], range: nil, locale: locale) == .orderedAscending
    }
}
