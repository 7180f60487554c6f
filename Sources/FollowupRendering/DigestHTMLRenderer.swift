import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

/// The digest as one self-contained, printable HTML page (A4): the Vietnamese
/// administrative header, the grid, a stacked bar chart per unit in inline SVG, and the
/// lists. No scripts, no external files; every value from the records is escaped.
public struct DigestHTMLRenderer {
    public var lang: Language
    /// The document's number and date (default: no number, dated the as-of day).
    public var stamp: DocumentStamp?

    public init(lang: Language, stamp: DocumentStamp? = nil) {
        self.lang = lang
        self.stamp = stamp
    }

    public static func escape(_ s: String) -> String {
        // Control characters, C1 and bidi controls made visible first (the one rule for all output).
        let s = TextWidth.sanitize(s, keepingLineBreaks: true)
        // Most text has nothing to escape: a look at each byte, and the text as it is.
        guard
            s.utf8.contains(where: { b in
                b < 0x20 && b != 0x0A && b != 0x09 || b == 0x7F || b == UInt8(ascii: "&") || b == UInt8(ascii: "<")
                    || b == UInt8(ascii: ">") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
            })
        else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if u.value < 0x20 && u != "\n" && u != "\t" || u.value == 0x7F {
                    out += "&#xFFFD;"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    package static let style = """
        @page { size: A4; margin: 20mm 15mm 20mm 30mm;
                @top-center { content: counter(page); font-family: "Times New Roman", "Liberation Serif", serif; \
        font-size: 11pt; } }
        @page :first { @top-center { content: none; } }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 13pt; color: \
        #000; max-width: 165mm; margin: 0 auto; }
        @media print { body { max-width: none; margin: 0; } }
        .header { display: flex; justify-content: space-between; text-align: center; margin-bottom: 8mm; }
        .header > div:first-child { width: 40%; }
        .header > div:last-child { width: 58%; }
        .header .org { font-weight: bold; text-transform: uppercase; font-size: 12pt; }
        .header .nowrap { white-space: nowrap; }
        .header .rule { width: 35%; margin: 5px auto 0; border-top: 1px solid #000; }
        .header .date { font-style: italic; margin-top: 6px; }
        h1 { font-size: 14pt; text-align: center; margin: 4mm 0 1mm; }
        .subject { text-align: center; font-weight: bold; }
        .asof { text-align: center; font-style: italic; margin-bottom: 6mm; }
        h2 { font-size: 13pt; margin: 7mm 0 2mm; page-break-after: avoid; }
        table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 10.5pt; page-break-inside: \
        auto; }
        thead { display: table-header-group; }
        tr { page-break-inside: avoid; break-inside: avoid; }
        th, td { border: 1px solid #444; padding: 2px 3px; vertical-align: top; overflow-wrap: anywhere; word-break: \
        break-word; }
        th { background: #eee; font-size: 9.5pt; }
        td.n { text-align: right; }
        td.id, td.code { font-size: 9pt; }
        td.short { overflow-wrap: normal; word-break: normal; }
        .number { margin-top: 3px; }
        .sign { display: flex; justify-content: space-between; margin-top: 8mm; break-inside: avoid; \
        page-break-inside: avoid; }
        .sign .recv { width: 45%; font-size: 11pt; }
        .sign .recv b { font-size: 12pt; font-style: italic; }
        .sign .who { width: 50%; text-align: center; font-weight: bold; }
        .sign .who .name { margin-top: 24mm; }
        .chart { break-inside: avoid; page-break-inside: avoid; }
        .chart svg { display: block; width: 100%; height: auto; }
        .overdue { color: #b00; font-weight: bold; }
        .legend span { display: inline-block; margin-right: 12px; font-size: 10pt; }
        .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
        .none { font-style: italic; }
        svg text { font-family: "DejaVu Sans", sans-serif; font-size: 10px; }
        """

    package static let colors: [(TaskState, String)] = [
        (.doneOnTime, "#2e7d32"), (.doneLate, "#9ccc65"), (.withinDeadline, "#1e88e5"),
        (.ongoing, "#90a4ae"), (.overdue, "#c62828"),
    ]

    package func count(_ c: DigestCounts, _ s: TaskState) -> Int {
        switch s {
        case .doneOnTime: return c.doneOnTime
        case .doneLate: return c.doneLate
        case .withinDeadline: return c.withinDeadline
        case .ongoing: return c.ongoing
        case .overdue: return c.overdue
        case .cancelled: return c.cancelled
        }
    }

    package func chart(_ units: [DigestUnitRow]) -> String {
        let e = DigestHTMLRenderer.escape
        let rowH = 18
        let labelW = 90
        let barW = 520
        let top = 4
        let maxTotal = max(1, units.map(\.counts.tasks).max() ?? 1)
        let w = labelW + barW + 40
        let h = top + rowH * units.count + 4
        var svg =
            "<div class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(w)\" "
            + "height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\">"
        for (i, u) in units.enumerated() {
            let y = top + i * rowH
            svg += "<text x=\"\(labelW - 4)\" y=\"\(y + 12)\" text-anchor=\"end\">\(e(u.code))</text>"
            var x = labelW
            for (state, color) in DigestHTMLRenderer.colors {
                let n = count(u.counts, state)
                guard n > 0 else { continue }
                let w = max(1, n * barW / maxTotal)
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"\(rowH - 5)\" "
                    + "fill=\"\(color)\"><title>\(e(u.name)): \(e(state.label(lang))) \(n)</title></rect>"
                x += w
            }
            svg += "<text x=\"\(x + 4)\" y=\"\(y + 12)\">\(u.counts.tasks)</text>"
        }
        return svg + "</svg></div>"
    }

    public func render(_ r: DigestReport) -> String {
        let labels = DigestLabels(lang: lang)
        let e = DigestHTMLRenderer.escape
        let c = r.totals
        var h = "<!DOCTYPE html>\n<html lang=\"\(lang.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        h +=
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
            + "'unsafe-inline'; img-src data:\"/>\n"
        h +=
            "<title>\(e(labels.title)) — "
            + "\(e(labels.asOf(r.asOf)))</title>\n<style>\n\(DigestHTMLRenderer.style)\n</style>\n</head>\n<body>\n"
        let frame = DocumentFrame(
            settings: r.settings, kind: .report, stamp: stamp ?? DocumentStamp(date: r.asOf), lang: lang)
        h += "<div class=\"header\">\n<div>"
        if let sup = frame.superior { h += "<div>\(e(sup))</div>" }
        h += "<div class=\"org\">\(e(frame.organization))</div><div class=\"rule\"></div>"
        h += "<div class=\"number\">\(e(frame.number))</div></div>\n"
        let motto = labels.pick("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM")
        let words = labels.pick("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness")
        h += "<div><div class=\"org nowrap\">\(e(motto))</div>"
        h += "<div class=\"nowrap\"><b>\(e(words))</b></div><div class=\"rule\"></div>"
        h += "<div class=\"date\">\(e(frame.placeDate))</div></div>\n</div>\n"
        // The kind and the subject, as the Word report has them.
        h += "<h1>\(e(labels.pick("BÁO CÁO", "REPORT")))</h1>\n<div class=\"subject\">"
        h += e(
            labels.pick(
                "Tình hình thực hiện kết luận, nhiệm vụ được giao",
                "Progress of the tasks assigned by meeting conclusions"))
        h += "</div>\n<div class=\"asof\">\(e(labels.asOf(r.asOf)))"
        if !r.unitFilter.isEmpty { h += "<br/>\(e(labels.unitScope(r.unitFilter)))" }
        h += "</div>\n"

        // Cells: text, class, and a title (the full task ID behind its short form).
        func table(_ header: [String], _ widths: [Int], _ rows: [[(String, String)]], titles: [String]? = nil) -> String
        {
            var t = "<table>\n<colgroup>" + widths.map { "<col style=\"width:\($0)%\"/>" }.joined() + "</colgroup>\n"
            t += "<thead><tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for (n, row) in rows.enumerated() {
                t +=
                    "<tr>"
                    + row.enumerated().map { i, cell in
                        let title = i == 0 ? titles.map { " title=\"\(e($0[n]))\"" } ?? "" : ""
                        return "<td\(cell.1.isEmpty ? "" : " class=\"\(cell.1)\"")\(title)>\(e(cell.0))</td>"
                    }.joined() + "</tr>\n"
            }
            return t + "</tbody>\n</table>\n"
        }
        h += "<h2>\(e(labels.pick("I. Tổng hợp chung", "I. Summary")))</h2>\n"
        h += table(
            ["", labels.tasks, "%"], [60, 20, 20],
            [
                [
                    (labels.done + ": " + labels.doneOnTime.lowercased(), ""), ("\(c.doneOnTime)", "n"),
                    (labels.percent(c.doneOnTime, of: c.tasks), "n"),
                ],
                [
                    (labels.done + ": " + labels.doneLate.lowercased(), ""), ("\(c.doneLate)", "n"),
                    (labels.percent(c.doneLate, of: c.tasks), "n"),
                ],
                [
                    (labels.notDone + ": " + labels.withinDeadline.lowercased(), ""), ("\(c.withinDeadline)", "n"),
                    (labels.percent(c.withinDeadline, of: c.tasks), "n"),
                ],
                [
                    (labels.notDone + ": " + labels.overdue.lowercased(), ""),
                    ("\(c.overdue)", c.overdue > 0 ? "n overdue" : "n"), (labels.percent(c.overdue, of: c.tasks), "n"),
                ],
                [(labels.ongoing, ""), ("\(c.ongoing)", "n"), (labels.percent(c.ongoing, of: c.tasks), "n")],
                [(labels.total, ""), ("\(c.tasks)", "n"), (c.tasks > 0 ? labels.percent(1) : "—", "n")],
                [(labels.onTimeRate, ""), ("", "n"), (labels.percent(c.onTimeRate), "n")],
                [(labels.cancelled, ""), ("\(c.cancelled)", "n"), ("", "n")],
                [(labels.notStarted, ""), ("\(c.notStarted)", "n"), ("", "n")],
                [(labels.blocked, ""), ("\(c.blocked)", "n"), ("", "n")],
                [(labels.dueSoon(r.dueSoonDays), ""), ("\(c.dueSoon)", "n"), ("", "n")],
                [(labels.stale(r.staleDays), ""), ("\(c.stale)", "n"), ("", "n")],
                [(labels.escalated, ""), ("\(c.escalated)", "n"), ("", "n")],
            ] + (c.awaitingReview > 0 ? [[(labels.awaitingReview, ""), ("\(c.awaitingReview)", "n"), ("", "n")]] : []))
        if !r.units.isEmpty {
            h += "<h2>\(e(labels.pick("II. ", "II. ") + labels.unitsHeading))</h2>\n"
            // The legend inside the chart's block, so that print keeps them on one page.
            let legend =
                "<div class=\"legend\">"
                + DigestHTMLRenderer.colors.map {
                    "<span><i style=\"background:\($0.1)\"></i>\(e($0.0.label(lang)))</span>"
                }.joined() + "</div>\n"
            // The table first: its rows fill the first page, and the chart, kept whole, follows
            // (before it, the chart moved to page 2 and left half of page 1 empty).
            h += table(
                labels.unitHeader, [12, 19, 6, 8, 8, 8, 7, 9, 6, 9, 8],
                r.units.map { u in
                    labels.unitCells(u).enumerated().map { i, cell in
                        if i == 0 { return (cell, "code") }
                        if i == DigestLabels.unitOverdueColumn, u.counts.overdue > 0 { return (cell, "n overdue") }
                        return (cell, DigestLabels.unitNumberColumns.contains(i) ? "n" : "")
                    }
                })
            h +=
                chart(r.units).replacingOccurrences(of: "<div class=\"chart\">", with: "<div class=\"chart\">" + legend)
                + "\n"
        }
        let roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        for (n, section) in labels.sections(r).enumerated() {
            h += "<h2>\(roman[min(n + 2, roman.count - 1)]). \(e(section.heading))</h2>\n"
            guard !section.items.isEmpty else {
                h += "<p class=\"none\">\(e(labels.none))</p>\n"
                continue
            }
            let widths = section.columns.map { $0.long ? 22 : 12 }
            h += table(
                [labels.task, labels.unit] + section.columns.map(\.title) + [labels.text],
                [15, 12] + widths + [73 - widths.reduce(0, +)],
                section.items.map { i in
                    [(ShortID.of(i, lang), "id"), (i.unit, "code")]
                        + section.columns.map { ($0.value(i), $0.long ? "" : "short") }
                        + [(i.text, "")]
                }, titles: section.items.map(\.id))
        }
        h += "<div class=\"sign\"><div class=\"recv\"><b>\(e(lang.pick("Nơi nhận:", "Recipients:")))</b>"
        h += frame.recipientLines(first: [], lang: lang).map { "<br/>\(e($0))" }.joined() + "</div>\n"
        h += "<div class=\"who\">" + frame.signer.map { "<div>\(e($0))</div>" }.joined()
        h += "<div class=\"name\">\(e(frame.signerName))</div></div></div>\n"
        h += "</body>\n</html>\n"
        return h
    }
}
