/// The digest for a terminal: aligned by display width, coloured only when asked.
public struct DigestTextRenderer {
    public var lang: Language
    public var width: Int
    public var color: Bool

    public init(lang: Language, width: Int, color: Bool) {
        self.lang = lang
        self.width = width
        self.color = color
    }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func render(_ r: DigestReport) -> String {
        let L = DigestLabels(lang: lang)
        let c = r.totals
        var out = ""
        if let org = r.settings.organization { out += TextWidth.sanitize(org).uppercased() + "\n" }
        out += paint(L.title, "1") + "\n"
        out += L.asOf(r.asOf) + "\n"
        if !r.unitFilter.isEmpty { out += L.unitScope(r.unitFilter) + "\n" }
        out += "\n"
        out += "\(L.tasks): \(c.tasks)" + (c.cancelled > 0 ? lang.pick(" (không kể \(c.cancelled) nhiệm vụ hủy)", " (not counting \(c.cancelled) cancelled)") : "") + "\n"
        out += "  \(L.done): \(c.done) (\(L.percent(c.done, of: c.tasks)))"
            + " — \(L.doneOnTime.lowercased()) " + paint("\(c.doneOnTime)", "32") + " (\(L.percent(c.doneOnTime, of: c.tasks)))"
            + ", \(L.doneLate.lowercased()) \(c.doneLate) (\(L.percent(c.doneLate, of: c.tasks)))\n"
        out += "  \(L.notDone): \(c.notDone) (\(L.percent(c.notDone, of: c.tasks)))"
            + " — \(L.withinDeadline.lowercased()) \(c.withinDeadline), \(L.overdue.lowercased()) " + paint("\(c.overdue)", c.overdue > 0 ? "31" : "0")
            + ", \(L.ongoing.lowercased()) \(c.ongoing)\n"
        out += "  \(L.onTimeRate): \(L.percent(c.onTimeRate))\n"
        out += "  \(L.notStarted): \(c.notStarted); \(L.blocked.lowercased()): \(c.blocked); "
            + paint("\(L.dueSoon(r.dueSoonDays).lowercased()): \(c.dueSoon)", c.dueSoon > 0 ? "33" : "0")
            + "; \(L.stale(r.staleDays).lowercased()): \(c.stale); \(L.escalated.lowercased()): \(c.escalated)\n"

        if !r.units.isEmpty {
            out += "\n" + paint(L.unitsHeading, "1") + "\n"
            let header = [L.code, L.unit, L.total, L.doneOnTimeShort, L.doneLateShort, L.withinDeadline, L.overdue,
                          L.ongoing, L.cancelled, L.onTimeRate, L.reminders]
            let rows = r.units.map { u in
                [u.code, TextWidth.sanitize(u.name), "\(u.counts.tasks)", "\(u.counts.doneOnTime)", "\(u.counts.doneLate)",
                 "\(u.counts.withinDeadline)", "\(u.counts.overdue)", "\(u.counts.ongoing)", "\(u.counts.cancelled)",
                 L.percent(u.counts.onTimeRate), "\(u.counts.reminders)"]
            }
            out += Table(header: header, rows: rows, flexibleColumn: 1, rightAligned: Set(2...10)).render(width: width)
        }

        func list(_ heading: String, _ items: [DigestItem], _ columns: [(String, (DigestItem) -> String)], code: String = "1") {
            out += "\n" + paint(heading, code) + "\n"
            guard !items.isEmpty else { out += "  " + L.none + "\n"; return }
            let header = [L.task, L.unit] + columns.map(\.0) + [L.text]
            let rows = items.map { i in [i.id, i.unit] + columns.map { $0.1(i) } + [TextWidth.sanitize(i.text)] }
            out += Table(header: header, rows: rows, flexibleColumn: header.count - 1).render(width: width)
        }
        let due: (String, (DigestItem) -> String) = (L.deadline, { L.deadline($0.due, original: $0.originalDue) })
        list(L.overdueHeading(r.overdue.count), r.overdue, [due, (L.daysOverdue, { "\($0.daysOverdue ?? 0)" }), (L.reminders, { "\($0.reminders)" })], code: "1;31")
        list(L.blockedHeading(r.blocked.count), r.blocked, [due, (L.note, { TextWidth.truncate(TextWidth.sanitize($0.note ?? ""), to: 40) })])
        list(L.dueSoonHeading(r.dueSoonDays, r.dueSoon.count), r.dueSoon, [due, (L.daysLeft, { "\($0.daysLeft ?? 0)" })], code: "1;33")
        list(L.staleHeading(r.staleDays, r.stale.count), r.stale, [due, (L.lastUpdate, { $0.lastUpdate.map(lang.format) ?? L.never }), (L.daysIdle, { "\($0.daysSinceUpdate ?? 0)" })])
        if !r.escalated.isEmpty {
            list(L.escalatedHeading(r.escalated.count), r.escalated, [due, (L.reminders, { "\($0.reminders)" })], code: "1;31")
        }
        list(L.completedHeading(r.since, r.completedSince.count), r.completedSince, [due, (L.doneOn, { $0.doneDate.map(lang.format) ?? "" })], code: "1;32")
        list(L.assignedHeading(r.since, r.assignedSince.count), r.assignedSince, [due, (L.meetingDate, { lang.format($0.meetingDate) })])
        return out
    }
}
