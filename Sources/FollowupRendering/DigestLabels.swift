/// The words of a digest, in one place for every format.
struct DigestLabels {
    let lang: Language

    func pick(_ vi: String, _ en: String) -> String { lang.pick(vi, en) }

    var title: String {
        pick(
            "TỔNG HỢP TÌNH HÌNH THỰC HIỆN KẾT "
                + "LUẬN, NHIỆM VỤ", "FOLLOW-UP DIGEST OF MEETING CONCLUSIONS")
    }
    func asOf(_ d: Day) -> String { pick("Số liệu tính đến ngày \(d.vietnamese)", "As of \(d.iso)") }
    func unitScope(_ names: [String]) -> String { pick("Đơn vị: ", "Unit: ") + names.joined(separator: ", ") }

    var tasks: String { pick("Tổng số nhiệm vụ", "Tasks") }
    var done: String { pick("Đã hoàn thành", "Completed") }
    var notDone: String { pick("Chưa hoàn thành", "Not completed") }
    var doneOnTime: String { pick("Đúng hạn", "On time") }
    var doneLate: String { pick("Quá hạn", "Late") }
    var withinDeadline: String { pick("Trong hạn", "Within deadline") }
    var overdue: String { pick("Quá hạn", "Overdue") }
    var ongoing: String { pick("Thường xuyên", "Ongoing") }
    var cancelled: String { pick("Hủy", "Cancelled") }
    var onTimeRate: String { pick("Tỷ lệ đúng hạn", "On-time rate") }
    var notStarted: String { pick("Chưa thực hiện", "Not started") }
    var blocked: String { pick("Vướng mắc", "Blocked") }
    func dueSoon(_ n: Int) -> String { pick("Sắp đến hạn (\(n) ngày)", "Due soon (\(n) days)") }
    func stale(_ n: Int) -> String { pick("Chưa cập nhật tiến độ (\(n) ngày)", "Not updated (\(n) days)") }
    var reminders: String { pick("Đôn đốc", "Reminders") }
    var escalated: String { pick("Đã đôn đốc từ 3 lần", "Reminded 3+ times") }

    var unitsHeading: String { pick("Kết quả theo đơn vị", "By unit") }
    var code: String { pick("Mã", "Code") }
    var unit: String { pick("Đơn vị", "Unit") }
    var total: String { pick("Tổng", "Total") }
    var doneOnTimeShort: String { pick("HT đúng hạn", "Done on time") }
    var doneLateShort: String { pick("HT quá hạn", "Done late") }

    /// The per-unit table, the same in every format: its header, and a unit's cells.
    var unitHeader: [String] {
        [
            code, unit, total, doneOnTimeShort, doneLateShort, withinDeadline, overdue, ongoing, cancelled, onTimeRate,
            reminders,
        ]
    }

    func unitCells(_ u: DigestUnitRow) -> [String] {
        let c = u.counts
        return [
            u.code, u.name, "\(c.tasks)", "\(c.doneOnTime)", "\(c.doneLate)", "\(c.withinDeadline)", "\(c.overdue)",
            "\(c.ongoing)", "\(c.cancelled)", percent(c.onTimeRate), "\(c.reminders)",
        ]
    }

    /// The unit table's columns that hold numbers, and the one that holds the overdue count.
    static let unitNumberColumns = Set(2...10)
    static let unitOverdueColumn = 6

    func overdueHeading(_ n: Int) -> String { pick("Nhiệm vụ quá hạn (\(n))", "Overdue tasks (\(n))") }
    func blockedHeading(_ n: Int) -> String {
        pick("Nhiệm vụ vướng mắc, cần chỉ đạo (\(n))", "Blocked tasks needing direction (\(n))")
    }
    func dueSoonHeading(_ days: Int, _ n: Int) -> String {
        pick("Sắp đến hạn trong \(days) ngày (\(n))", "Due within \(days) days (\(n))")
    }
    func staleHeading(_ days: Int, _ n: Int) -> String {
        pick(
            "Chưa cập nhật tiến độ từ \(days) "
                + "ngày trở lên (\(n))", "Not updated for \(days) days or more (\(n))")
    }
    func escalatedHeading(_ n: Int) -> String {
        pick(
            "Đã đôn đốc từ 3 lần, báo cáo lãnh đạo (\(n))",
            "Reminded 3 times or more: raise with the leadership (\(n))"
        )
    }
    func completedHeading(_ since: Day, _ n: Int) -> String {
        pick("Hoàn thành từ ngày \(since.vietnamese) (\(n))", "Completed since \(since.iso) (\(n))")
    }
    func assignedHeading(_ since: Day, _ n: Int) -> String {
        pick("Giao mới từ ngày \(since.vietnamese) (\(n))", "Assigned since \(since.iso) (\(n))")
    }
    var none: String { pick("Không có.", "None.") }

    var task: String { pick("Nhiệm vụ", "Task") }
    var deadline: String { pick("Hạn", "Due") }
    var daysOverdue: String { pick("Số ngày quá hạn", "Days overdue") }
    var daysLeft: String { pick("Còn (ngày)", "Days left") }
    var lastUpdate: String { pick("Cập nhật cuối", "Last update") }
    var daysIdle: String { pick("Số ngày", "Days") }
    var note: String { pick("Lý do", "Reason") }
    var text: String { pick("Nội dung", "Conclusion") }
    var doneOn: String { pick("Ngày HT", "Done on") }
    var meetingDate: String { pick("Ngày họp", "Meeting") }
    var status: String { pick("Trạng thái", "Status") }
    var never: String { pick("chưa có", "never") }

    func percent(_ part: Int, of whole: Int) -> String { percent(whole == 0 ? nil : Double(part) / Double(whole)) }

    /// One decimal, a decimal comma in Vietnamese, "—" when undefined.
    func percent(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        let tenths = Int((rate * 1000).rounded())
        let s = "\(tenths / 10)\(lang == .vi ? "," : ".")\(tenths % 10)%"
        return s
    }

    func deadline(_ d: Deadline, original: Deadline) -> String {
        d == original ? d.label(lang) : "\(d.label(lang)) (\(pick("gốc", "orig.")) \(original.label(lang)))"
    }

    /// The lists every format prints, in order, with their columns: one place decides what
    /// a digest contains, the renderers only decide how it looks.
    func sections(_ r: DigestReport) -> [DigestSection] {
        let due = DigestSection.Column(deadline, { self.deadline($0.due, original: $0.originalDue) })
        var out = [
            DigestSection(
                heading: overdueHeading(r.overdue.count), items: r.overdue, tone: .alarm,
                columns: [
                    due, .init(daysOverdue, { "\($0.daysOverdue ?? 0)" }), .init(reminders, { "\($0.reminders)" }),
                ]),
            DigestSection(
                heading: blockedHeading(r.blocked.count), items: r.blocked, tone: .plain,
                columns: [due, .init(note, { $0.note ?? "" }, long: true)]),
            DigestSection(
                heading: dueSoonHeading(r.dueSoonDays, r.dueSoon.count), items: r.dueSoon, tone: .warning,
                columns: [due, .init(daysLeft, { "\($0.daysLeft ?? 0)" })]),
            DigestSection(
                heading: staleHeading(r.staleDays, r.stale.count), items: r.stale, tone: .plain,
                columns: [
                    due, .init(lastUpdate, { $0.lastUpdate.map(self.lang.format) ?? self.never }),
                    .init(daysIdle, { "\($0.daysSinceUpdate ?? 0)" }),
                ]),
        ]
        if !r.escalated.isEmpty {
            out.append(
                DigestSection(
                    heading: escalatedHeading(r.escalated.count), items: r.escalated, tone: .alarm,
                    columns: [due, .init(reminders, { "\($0.reminders)" })]))
        }
        out.append(
            DigestSection(
                heading: completedHeading(r.since, r.completedSince.count), items: r.completedSince, tone: .good,
                columns: [due, .init(doneOn, { $0.doneDate.map(self.lang.format) ?? "" })]))
        out.append(
            DigestSection(
                heading: assignedHeading(r.since, r.assignedSince.count), items: r.assignedSince, tone: .plain,
                columns: [due, .init(meetingDate, { self.lang.format($0.meetingDate) })]))
        return out
    }
}

/// One list of a digest: a heading, its tasks, and the columns between the task's ID and
/// unit (first) and its conclusion text (last).
struct DigestSection {
    enum Tone { case plain, alarm, warning, good }

    struct Column {
        var title: String
        var value: (DigestItem) -> String
        /// Free text that a terminal table cuts short.
        var long: Bool

        init(_ title: String, _ value: @escaping (DigestItem) -> String, long: Bool = false) {
            self.title = title
            self.value = value
            self.long = long
        }
    }

    var heading: String
    var items: DigestList
    var tone: Tone
    var columns: [Column]
}
