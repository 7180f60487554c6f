import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

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

    package func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    /// A line of the summary, wrapped at spaces when wider than the terminal, its
    /// continuation lines indented two more than it. (Colour codes count as a few columns.)
    package func fit(_ line: String) -> String {
        guard TextWidth.width(line) > width else { return line + "\n" }
        let indent = line.prefix(while: { $0 == " " }).count
        let pieces = TextWidth.wrap(String(line.dropFirst(indent)), width: max(20, width - indent - 2))
        return pieces.enumerated().map { n, piece in
            String(repeating: " ", count: n == 0 ? indent : indent + 2) + piece + "\n"
        }.joined()
    }

    public func render(_ r: DigestReport) -> String {
        let labels = DigestLabels(lang: lang)
        let c = r.totals
        var out = ""
        if let org = r.settings.organization { out += TextWidth.sanitize(org).uppercased() + "\n" }
        out += paint(labels.title, "1") + "\n"
        out += labels.asOf(r.asOf) + "\n"
        if !r.unitFilter.isEmpty { out += labels.unitScope(r.unitFilter) + "\n" }
        out += "\n"
        var summary = ""
        summary +=
            "\(labels.tasks): \(c.tasks)"
            + (c.cancelled > 0
                ? lang.pick(
                    " (không kể \(c.cancelled) nhiệm vụ hủy)", " (not counting \(c.cancelled) cancelled)")
                : "")
            + "\n"
        summary +=
            "  \(labels.done): \(c.done) (\(labels.percent(c.done, of: c.tasks)))"
            + " — \(labels.doneOnTime.lowercased()) " + paint("\(c.doneOnTime)", "32")
            + " (\(labels.percent(c.doneOnTime, of: c.tasks)))"
            + ", \(labels.doneLate.lowercased()) \(c.doneLate) (\(labels.percent(c.doneLate, of: c.tasks)))\n"
        summary +=
            "  \(labels.notDone): \(c.notDone) (\(labels.percent(c.notDone, of: c.tasks)))"
            + " — \(labels.withinDeadline.lowercased()) \(c.withinDeadline), \(labels.overdue.lowercased()) "
            + paint("\(c.overdue)", c.overdue > 0 ? "31" : "0")
            + ", \(labels.ongoing.lowercased()) \(c.ongoing)\n"
        summary += "  \(labels.onTimeRate): \(labels.percent(c.onTimeRate))\n"
        summary +=
            "  \(labels.notStarted): \(c.notStarted); \(labels.blocked.lowercased()): \(c.blocked); "
            + paint("\(labels.dueSoon(r.dueSoonDays).lowercased()): \(c.dueSoon)", c.dueSoon > 0 ? "33" : "0")
            + "; \(labels.stale(r.staleDays).lowercased()): \(c.stale); \(labels.escalated.lowercased()): "
            + "\(c.escalated)\n"
        if c.awaitingReview > 0 { summary += "  \(labels.awaitingReview): \(c.awaitingReview)\n" }

        out += summary.split(separator: "\n").map { fit(String($0)) }.joined()

        if !r.units.isEmpty {
            out += "\n" + paint(labels.unitsHeading, "1") + "\n"
            let rows = r.units.map(labels.unitCells)
            out += Table(
                header: labels.unitHeader, rows: rows, flexibleColumn: 1, rightAligned: DigestLabels.unitNumberColumns,
                wrap: true, optionalColumn: 0
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
            let ids = ShortID.column(
                section.items.map { i in
                    (i.meeting, ShortID.meeting(notice: i.notice, date: i.meetingDate, lang: lang), i.local)
                })
            let rows = section.items.indices.map { n in
                [ids[n], section.items[n].unit] + section.columns.map { TextWidth.sanitize($0.value(section.items[n])) }
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
