import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

/// The words of a digest, in one place for every format.
package struct DigestLabels {
    package let lang: Language

    package init(lang: Language) { self.lang = lang }

    package func pick(_ vi: String, _ en: String) -> String { lang.pick(vi, en) }

    package var title: String {
        pick(
            "TỔNG HỢP TÌNH HÌNH THỰC HIỆN KẾT LUẬN, NHIỆM VỤ", "FOLLOW-UP DIGEST OF MEETING CONCLUSIONS")
    }
    package func asOf(_ d: Day) -> String { pick("Số liệu tính đến ngày \(d.vietnamese)", "As of \(d.iso)") }
    package func unitScope(_ names: [String]) -> String { pick("Đơn vị: ", "Unit: ") + names.joined(separator: ", ") }

    package var tasks: String { pick("Tổng số nhiệm vụ", "Tasks") }
    package var done: String { pick("Đã hoàn thành", "Completed") }
    package var notDone: String { pick("Chưa hoàn thành", "Not completed") }
    package var doneOnTime: String { pick("Đúng hạn", "On time") }
    package var doneLate: String { pick("Quá hạn", "Late") }
    package var withinDeadline: String { pick("Trong hạn", "Within deadline") }
    package var overdue: String { pick("Quá hạn", "Overdue") }
    package var ongoing: String { pick("Thường xuyên", "Ongoing") }
    package var cancelled: String { pick("Hủy", "Cancelled") }
    package var onTimeRate: String { pick("Tỷ lệ đúng hạn", "On-time rate") }
    package var notStarted: String { pick("Chưa thực hiện", "Not started") }
    package var blocked: String { pick("Vướng mắc", "Blocked") }
    package func dueSoon(_ n: Int) -> String { pick("Sắp đến hạn (\(n) ngày)", "Due soon (\(n) days)") }
    package func stale(_ n: Int) -> String { pick("Chưa cập nhật tiến độ (\(n) ngày)", "Not updated (\(n) days)") }
    package var reminders: String { pick("Đôn đốc", "Reminders") }
    package var escalated: String { pick("Đã đôn đốc từ 3 lần", "Reminded 3+ times") }
    /// Shown only when some task waits (a root without `review:` entries prints as before).
    package var awaitingReview: String { pick("Báo hoàn thành, chờ xác nhận", "Reported done, awaiting review") }

    package var unitsHeading: String { pick("Kết quả theo đơn vị", "By unit") }
    package var code: String { pick("Mã", "Code") }
    package var unit: String { pick("Đơn vị", "Unit") }
    package var total: String { pick("Tổng", "Total") }
    package var doneOnTimeShort: String { pick("HT đúng hạn", "Done on time") }
    package var doneLateShort: String { pick("HT quá hạn", "Done late") }

    /// The per-unit table, the same in every format: its header, and a unit's cells.
    package var unitHeader: [String] {
        [
            code, unit, total, doneOnTimeShort, doneLateShort, withinDeadline, overdue, ongoing, cancelled, onTimeRate,
            reminders,
        ]
    }

    package func unitCells(_ u: DigestUnitRow) -> [String] {
        let c = u.counts
        return [
            u.code, u.name, "\(c.tasks)", "\(c.doneOnTime)", "\(c.doneLate)", "\(c.withinDeadline)", "\(c.overdue)",
            "\(c.ongoing)", "\(c.cancelled)", percent(c.onTimeRate), "\(c.reminders)",
        ]
    }

    /// The unit table's columns that hold numbers, and the one that holds the overdue count.
    package static let unitNumberColumns = Set(2...10)
    package static let unitOverdueColumn = 6

    package func overdueHeading(_ n: Int) -> String { pick("Nhiệm vụ quá hạn (\(n))", "Overdue tasks (\(n))") }
    package func blockedHeading(_ n: Int) -> String {
        pick("Nhiệm vụ vướng mắc, cần chỉ đạo (\(n))", "Blocked tasks needing direction (\(n))")
    }
    package func dueSoonHeading(_ days: Int, _ n: Int) -> String {
        pick("Sắp đến hạn trong \(days) ngày (\(n))", "Due within \(days) days (\(n))")
    }
    package func staleHeading(_ days: Int, _ n: Int) -> String {
        pick(
            "Chưa cập nhật tiến độ từ \(days) ngày trở lên (\(n))", "Not updated for \(days) days or more (\(n))")
    }
    package func escalatedHeading(_ n: Int) -> String {
        pick(
            "Đã đôn đốc từ 3 lần, báo cáo lãnh đạo (\(n))",
            "Reminded 3 times or more: raise with the leadership (\(n))"
        )
    }
    package func completedHeading(_ since: Day, _ n: Int) -> String {
        pick("Hoàn thành từ ngày \(since.vietnamese) (\(n))", "Completed since \(since.iso) (\(n))")
    }
    package func assignedHeading(_ since: Day, _ n: Int) -> String {
        pick("Giao mới từ ngày \(since.vietnamese) (\(n))", "Assigned since \(since.iso) (\(n))")
    }
    package var none: String { pick("Không có.", "None.") }

    package var task: String { pick("Nhiệm vụ", "Task") }
    package var deadline: String { pick("Hạn", "Due") }
    package var daysOverdue: String { pick("Số ngày quá hạn", "Days overdue") }
    package var daysLeft: String { pick("Còn (ngày)", "Days left") }
    package var lastUpdate: String { pick("Báo cáo cuối", "Last report") }
    package var daysIdle: String { pick("Số ngày", "Days") }
    package var note: String { pick("Lý do", "Reason") }
    package var text: String { pick("Nội dung", "Conclusion") }
    package var doneOn: String { pick("Ngày HT", "Done on") }
    package var meetingDate: String { pick("Ngày họp", "Meeting") }
    package var status: String { pick("Trạng thái", "Status") }
    package var never: String { pick("chưa có", "never") }

    package func percent(_ part: Int, of whole: Int) -> String { Rate.percent(part, of: whole, lang) }

    package func percent(_ rate: Double?) -> String { Rate.percent(rate, lang) }

    package func deadline(_ d: Deadline, original: Deadline) -> String {
        d == original ? d.label(lang) : "\(d.label(lang)) (\(pick("gốc", "orig.")) \(original.label(lang)))"
    }

    /// The lists every format prints, in order, with their columns: one place decides what
    /// a digest contains, the renderers only decide how it looks.
    package func sections(_ r: DigestReport) -> [DigestSection] {
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
                    // Reminders are not reports: shown apart, so a reminded task is seen idle.
                    .init(reminders, { "\($0.reminders)" }),
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
package struct DigestSection {
    package enum Tone { case plain, alarm, warning, good }

    package struct Column {
        package var title: String
        package var value: (DigestItem) -> String
        /// Free text that a terminal table cuts short.
        package var long: Bool

        package init(_ title: String, _ value: @escaping (DigestItem) -> String, long: Bool = false) {
            self.title = title
            self.value = value
            self.long = long
        }
    }

    package var heading: String
    package var items: DigestList
    package var tone: Tone
    package var columns: [Column]
}
