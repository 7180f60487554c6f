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
            let rows = r.units.map(L.unitCells)
            out += Table(header: L.unitHeader, rows: rows, flexibleColumn: 1, rightAligned: DigestLabels.unitNumberColumns,
                         wrap: true).render(width: width)
        }

        for section in L.sections(r) {
            let code: String
            switch section.tone {
            case .plain: code = "1"
            case .alarm: code = "1;31"
            case .warning: code = "1;33"
            case .good: code = "1;32"
            }
            out += "\n" + paint(section.heading, code) + "\n"
            guard !section.items.isEmpty else { out += "  " + L.none + "\n"; continue }
            // The conclusion's text goes under each row, wrapped; a free-text column (the reason
            // a task is blocked) takes the rest of the line.
            let header = [L.task, L.unit] + section.columns.map(\.title)
            let rows = section.items.map { i in [i.id, i.unit] + section.columns.map { TextWidth.sanitize($0.value(i)) } }
            let flexible = section.columns.firstIndex(where: \.long).map { $0 + 2 }
            out += Table(header: header, rows: rows, flexibleColumn: flexible, wrap: true,
                         details: section.items.map { TextWidth.sanitize($0.text) }).render(width: width)
        }
        return out
    }
}
