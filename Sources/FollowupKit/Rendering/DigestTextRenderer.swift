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
        let labels = DigestLabels(lang: lang)
        let c = r.totals
        var out = ""
        if let org = r.settings.organization { out += TextWidth.sanitize(org).uppercased() + "\n" }
        out += paint(labels.title, "1") + "\n"
        out += labels.asOf(r.asOf) + "\n"
        if !r.unitFilter.isEmpty { out += labels.unitScope(r.unitFilter) + "\n" }
        out += "\n"
        out +=
            "\(labels.tasks): \(c.tasks)"
            + (c.cancelled > 0
                ? lang.pick(" (không kể \(c.cancelled) nhiệm vụ hủy)", " (not counting \(c.cancelled) cancelled)") : "")
            + "\n"
        out +=
            "  \(labels.done): \(c.done) (\(labels.percent(c.done, of: c.tasks)))"
            + " — \(labels.doneOnTime.lowercased()) " + paint("\(c.doneOnTime)", "32")
            + " (\(labels.percent(c.doneOnTime, of: c.tasks)))"
            + ", \(labels.doneLate.lowercased()) \(c.doneLate) (\(labels.percent(c.doneLate, of: c.tasks)))\n"
        out +=
            "  \(labels.notDone): \(c.notDone) (\(labels.percent(c.notDone, of: c.tasks)))"
            + " — \(labels.withinDeadline.lowercased()) \(c.withinDeadline), \(labels.overdue.lowercased()) "
            + paint("\(c.overdue)", c.overdue > 0 ? "31" : "0")
            + ", \(labels.ongoing.lowercased()) \(c.ongoing)\n"
        out += "  \(labels.onTimeRate): \(labels.percent(c.onTimeRate))\n"
        out +=
            "  \(labels.notStarted): \(c.notStarted); \(labels.blocked.lowercased()): \(c.blocked); "
            + paint("\(labels.dueSoon(r.dueSoonDays).lowercased()): \(c.dueSoon)", c.dueSoon > 0 ? "33" : "0")
            + "; \(labels.stale(r.staleDays).lowercased()): \(c.stale); \(labels.escalated.lowercased()): "
            + "\(c.escalated)\n"

        if !r.units.isEmpty {
            out += "\n" + paint(labels.unitsHeading, "1") + "\n"
            let rows = r.units.map(labels.unitCells)
            out += Table(
                header: labels.unitHeader, rows: rows, flexibleColumn: 1, rightAligned: DigestLabels.unitNumberColumns,
                wrap: true
            ).render(width: width)
        }

        for section in labels.sections(r) {
            let code: String
            switch section.tone {
            case .plain: code = "1"
            case .alarm: code = "1;31"
            case .warning: code = "1;33"
            case .good: code = "1;32"
            }
            out += "\n" + paint(section.heading, code) + "\n"
            guard !section.items.isEmpty else {
                out += "  " + labels.none + "\n"
                continue
            }
            // The conclusion's text goes under each row, wrapped; a free-text column (the reason
            // a task is blocked) takes the rest of the line.
            let header = [labels.task, labels.unit] + section.columns.map(\.title)
            let rows = section.items.map { i in
                [i.id, i.unit] + section.columns.map { TextWidth.sanitize($0.value(i)) }
            }
            let flexible = section.columns.firstIndex(where: \.long).map { $0 + 2 }
            out += Table(
                header: header, rows: rows, flexibleColumn: flexible, wrap: true,
                details: section.items.map { TextWidth.sanitize($0.text) }
            ).render(width: width)
        }
        return out
    }
}
