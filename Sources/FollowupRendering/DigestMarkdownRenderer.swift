import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

/// The digest as Markdown tables, to paste into a report or a chat.
public struct DigestMarkdownRenderer {
    public var lang: Language

    public init(lang: Language) { self.lang = lang }

    /// Text safe inside a table cell: no pipes, line breaks or raw HTML.
    package static func cell(_ s: String) -> String {
        let clean = TextWidth.sanitize(s)
        // Most cells hold none of these: looked for byte by byte, not character by character.
        guard
            clean.utf8.contains(where: { b in
                switch b {
                case UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "*"),
                    UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\\"):
                    return true
                default: return false
                }
            })
        else { return clean }
        var out = ""
        for ch in clean {
            switch ch {
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "*", "_", "`", "[", "]", "\\": out += "\\" + String(ch)
            default: out.append(ch)
            }
        }
        return out
    }

    package static func table(_ header: [String], _ rows: [[String]], right: Set<Int> = []) -> String {
        var out = "| " + header.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { right.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for r in rows { out += "| " + r.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }

    public func render(_ r: DigestReport) -> String {
        let labels = DigestLabels(lang: lang)
        let c = r.totals
        var out = "# \(labels.title)\n\n"
        if let org = r.settings.organization { out += "**\(DigestMarkdownRenderer.cell(org))** — " }
        out += labels.asOf(r.asOf) + "\n\n"
        if !r.unitFilter.isEmpty { out += labels.unitScope(r.unitFilter) + "\n\n" }
        out += DigestMarkdownRenderer.table(
            ["", labels.tasks, "%"],
            [
                [
                    labels.doneOnTime + " (" + labels.done.lowercased() + ")", "\(c.doneOnTime)",
                    labels.percent(c.doneOnTime, of: c.tasks),
                ],
                [
                    labels.doneLate + " (" + labels.done.lowercased() + ")", "\(c.doneLate)",
                    labels.percent(c.doneLate, of: c.tasks),
                ],
                [
                    labels.withinDeadline + " (" + labels.notDone.lowercased() + ")", "\(c.withinDeadline)",
                    labels.percent(c.withinDeadline, of: c.tasks),
                ],
                [
                    labels.overdue + " (" + labels.notDone.lowercased() + ")", "\(c.overdue)",
                    labels.percent(c.overdue, of: c.tasks),
                ],
                [labels.ongoing, "\(c.ongoing)", labels.percent(c.ongoing, of: c.tasks)],
                [labels.total, "\(c.tasks)", c.tasks > 0 ? labels.percent(1) : "—"],
                [labels.cancelled, "\(c.cancelled)", ""],
                [labels.onTimeRate, "", labels.percent(c.onTimeRate)],
                [labels.notStarted, "\(c.notStarted)", ""], [labels.blocked, "\(c.blocked)", ""],
                [labels.dueSoon(r.dueSoonDays), "\(c.dueSoon)", ""], [labels.stale(r.staleDays), "\(c.stale)", ""],
                [labels.escalated, "\(c.escalated)", ""],
            ] + (c.awaitingReview > 0 ? [[labels.awaitingReview, "\(c.awaitingReview)", ""]] : []),
            right: [1, 2])
        if !r.units.isEmpty {
            out += "\n## \(labels.unitsHeading)\n\n"
            out += DigestMarkdownRenderer.table(
                labels.unitHeader, r.units.map(labels.unitCells),
                right: DigestLabels.unitNumberColumns)
        }
        for section in labels.sections(r) {
            out += "\n## \(section.heading)\n\n"
            guard !section.items.isEmpty else {
                out += labels.none + "\n"
                continue
            }
            out += DigestMarkdownRenderer.table(
                [labels.task, labels.unit] + section.columns.map(\.title) + [labels.text],
                section.items.map { i in [i.id, i.unit] + section.columns.map { $0.value(i) } + [i.text] })
        }
        return out
    }
}
