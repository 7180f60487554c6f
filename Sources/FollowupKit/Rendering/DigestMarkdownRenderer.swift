/// The digest as Markdown tables, to paste into a report or a chat.
public struct DigestMarkdownRenderer {
    public var lang: Language

    public init(lang: Language) { self.lang = lang }

    /// Text safe inside a table cell: no pipes, line breaks or raw HTML.
    static func cell(_ s: String) -> String {
        let clean = TextWidth.sanitize(s)
        // Most cells hold none of these: looked for byte by byte, not character by character.
        guard clean.utf8.contains(where: { b in
            switch b {
            case UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "*"),
                 UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\\"): return true
            default: return false
            }
        }) else { return clean }
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

    static func table(_ header: [String], _ rows: [[String]], right: Set<Int> = []) -> String {
        var out = "| " + header.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { right.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for r in rows { out += "| " + r.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }

    public func render(_ r: DigestReport) -> String {
        let L = DigestLabels(lang: lang)
        let c = r.totals
        var out = "# \(L.title)\n\n"
        if let org = r.settings.organization { out += "**\(DigestMarkdownRenderer.cell(org))** — " }
        out += L.asOf(r.asOf) + "\n\n"
        if !r.unitFilter.isEmpty { out += L.unitScope(r.unitFilter) + "\n\n" }
        out += DigestMarkdownRenderer.table(
            ["", L.tasks, "%"],
            [[L.doneOnTime + " (" + L.done.lowercased() + ")", "\(c.doneOnTime)", L.percent(c.doneOnTime, of: c.tasks)],
             [L.doneLate + " (" + L.done.lowercased() + ")", "\(c.doneLate)", L.percent(c.doneLate, of: c.tasks)],
             [L.withinDeadline + " (" + L.notDone.lowercased() + ")", "\(c.withinDeadline)", L.percent(c.withinDeadline, of: c.tasks)],
             [L.overdue + " (" + L.notDone.lowercased() + ")", "\(c.overdue)", L.percent(c.overdue, of: c.tasks)],
             [L.ongoing, "\(c.ongoing)", L.percent(c.ongoing, of: c.tasks)],
             [L.total, "\(c.tasks)", c.tasks > 0 ? L.percent(1) : "—"],
             [L.cancelled, "\(c.cancelled)", ""],
             [L.onTimeRate, "", L.percent(c.onTimeRate)],
             [L.notStarted, "\(c.notStarted)", ""], [L.blocked, "\(c.blocked)", ""],
             [L.dueSoon(r.dueSoonDays), "\(c.dueSoon)", ""], [L.stale(r.staleDays), "\(c.stale)", ""],
             [L.escalated, "\(c.escalated)", ""]],
            right: [1, 2])
        if !r.units.isEmpty {
            out += "\n## \(L.unitsHeading)\n\n"
            out += DigestMarkdownRenderer.table(L.unitHeader, r.units.map(L.unitCells),
                                                right: DigestLabels.unitNumberColumns)
        }
        for section in L.sections(r) {
            out += "\n## \(section.heading)\n\n"
            guard !section.items.isEmpty else { out += L.none + "\n"; continue }
            out += DigestMarkdownRenderer.table([L.task, L.unit] + section.columns.map(\.title) + [L.text],
                                                section.items.map { i in [i.id, i.unit] + section.columns.map { $0.value(i) } + [i.text] })
        }
        return out
    }
}
