import FollowupLoading
import FollowupModel
import FollowupRendering
import FollowupReports
import FollowupSupport

/// The conclusion notice (thông báo kết luận) made from a meeting's record, so that a record
/// becomes its notice with no retyping.
public enum NoticeDocument {
    public static func document(
        _ m: Meeting, units: UnitRegistry, settings: Settings, stamp: DocumentStamp,
        lang: Language
    ) -> (OfficialDocument, DocumentFrame) {
        var frame = DocumentFrame(settings: settings, kind: .notice, stamp: stamp, lang: lang)
        frame.signedByDeputy(chair: m.chair)
        let chair = m.chair
        let chairName = chair.split(separator: ",").first.map(String.init) ?? chair
        var intro = lang.pick("Ngày \(m.date.vietnamese)", "On \(m.date.iso)")
        if let place = m.place { intro += lang.pick(", tại \(place)", ", at \(place)") }
        intro += lang.pick(", đồng chí \(chair) chủ trì \(m.title).", ", \(chair) chaired the \(m.title).")
        if !m.attendees.isEmpty {
            intro += lang.pick(" Tham dự có: ", " Attending: ") + m.attendees.joined(separator: "; ") + "."
        }
        var body: [OfficeBlock] = [.paragraph(intro)]
        if let summary = m.summary {
            // The record wraps its summary at will: lines join into one paragraph, blank lines part them.
            for p in summary.components(separatedBy: "\n\n") {
                let text = p.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    .joined(separator: " ")
                if !text.isEmpty { body.append(.paragraph(text)) }
            }
        }
        body.append(
            .paragraph(
                lang.pick(
                    "Sau khi nghe ý kiến của các đại biểu dự họp, đồng chí \(chairName) kết luận như sau:",
                    "Having heard the participants, \(chairName) concluded as follows:")))
        var concerned: [String] = []
        for (n, c) in m.conclusions.enumerated() {
            body.append(.paragraph("\(n + 1). \(c.text)"))
            let leads = names(c.owners.map(\.value), units: units)
            let support = names(c.support.map(\.value), units: units)
            for u in leads + support where !concerned.contains(u) { concerned.append(u) }
            var note = lang.pick("Đơn vị chủ trì: ", "Lead: ") + leads.joined(separator: ", ")
            if !support.isEmpty {
                note += lang.pick("; phối hợp: ", "; supporting: ") + support.joined(separator: ", ")
            }
            if let due = c.due ?? m.defaultDue {
                note += lang.pick(". Thời hạn: ", ". Deadline: ") + due.label(lang)
            }
            body.append(.note(note + "."))
        }
        body.append(
            .paragraph(
                lang.pick(
                    "\(settings.organization ?? DocumentFrame.blank) thông báo để các cơ quan, đơn vị "
                        + "biết, thực hiện và báo cáo kết quả theo thời hạn được giao.",
                    "Issued for the units concerned to carry out and report on by the deadlines set.")))
        let doc = frame.document(
            title: lang.pick("THÔNG BÁO", "NOTICE"),
            summary: lang.pick(
                "Kết luận của đồng chí \(chair) tại \(m.title)",
                "Conclusions of \(chair) at the \(m.title)"),
            body: body, recipients: frame.recipientLines(units: concerned, lang: lang))
        return (doc, frame)
    }

    /// The units as the notice names them: a group by its name ("Các xã, thị trấn") where
    /// the list holds the group or exactly all of its units, not each unit spelled out.
    package static func names(_ written: [String], units: UnitRegistry) -> [String] {
        var codes: [String] = []
        for w in written {
            let add = units.resolve(w).map { [$0.code] } ?? units.group(w).map { units.expand($0) } ?? [w]
            for c in add where !codes.contains(c) { codes.append(c) }
        }
        // The largest groups first, each taking its units out of the list.
        var out: [String] = []
        var left = codes
        let groups = units.groups.map { ($0, units.expand($0)) }.filter { $0.1.count >= 2 }
            .sorted { $0.1.count > $1.1.count }
        for (g, members) in groups where Set(members).isSubset(of: Set(left)) {
            out.append(g.name)
            left.removeAll { members.contains($0) }
        }
        return out + left.map { units.resolve($0)?.name ?? $0 }
    }
}

/// An official document as a printable HTML page (A4, the same header and signature as
/// the Word file).
public enum OfficialHTMLWriter {
    public static func render(_ d: OfficialDocument, lang: Language) -> String {
        let e = DigestHTMLRenderer.escape
        var h = "<!DOCTYPE html>\n<html lang=\"\(lang.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        h +=
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n"
        h += "<title>\(e(d.title ?? d.excerpt ?? ""))</title>\n<style>\n\(DigestHTMLRenderer.style)\n"
        h += "p { text-align: justify; text-indent: 10mm; margin: 2mm 0; } p.note { font-style: italic; }\n"
        h += "h1 + .summary { text-align: center; font-weight: bold; } .to { text-align: center; margin: 5mm 0; }\n"
        h += "h3 { font-size: 13pt; margin: 4mm 0 2mm; text-indent: 10mm; }\n</style>\n</head>\n<body>\n"
        h += "<div class=\"header\">\n<div>"
        if let sup = d.superior { h += "<div>\(e(sup))</div>" }
        h += "<div class=\"org\">\(e(d.organization))</div><div class=\"rule\"></div>"
        h += "<div class=\"number\">\(e(d.number))</div>"
        if let ex = d.excerpt { h += "<div class=\"excerpt\">\(e(ex))</div>" }
        let motto = lang.pick("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM")
        let words = lang.pick("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness")
        h += "</div>\n<div><div class=\"org nowrap\">\(e(motto))</div>"
        h += "<div class=\"nowrap\"><b>\(e(words))</b></div>"
        h += "<div class=\"rule\"></div><div class=\"date\">\(e(d.placeDate))</div></div>\n</div>\n"
        if let title = d.title {
            h += "<h1>\(e(title))</h1>\n"
            if let s = d.summary { h += "<div class=\"summary\">\(e(s))</div>\n" }
        }
        if !d.addressees.isEmpty {
            let to = e(lang.pick("Kính gửi: ", "To: "))
            h += "<div class=\"to\">\(to)\(d.addressees.map(e).joined(separator: "; "))</div>\n"
        }
        for block in d.body {
            switch block {
            case .heading(let s): h += "<h3>\(e(s))</h3>\n"
            case .paragraph(let s): h += "<p>\(e(s))</p>\n"
            case .note(let s): h += "<p class=\"note\">\(e(s))</p>\n"
            case .table(let t):
                let total = max(1, t.columns.map(\.weight).reduce(0, +))
                h += "<table>\n<colgroup>"
                h += t.columns.map { "<col style=\"width:\($0.weight * 100 / total)%\"/>" }.joined()
                h += "</colgroup>\n<thead><tr>" + t.columns.map { "<th>\(e($0.title))</th>" }.joined()
                h += "</tr></thead>\n<tbody>\n"
                for row in t.rows {
                    h +=
                        "<tr>"
                        + zip(t.columns, row).map { c, v in
                            "<td\(c.numeric ? " class=\"n\"" : "")>\(e(v.display(lang)))</td>"
                        }.joined() + "</tr>\n"
                }
                h += "</tbody>\n</table>\n"
            }
        }
        h += "<div class=\"sign\"><div class=\"recv\"><b>\(e(lang.pick("Nơi nhận:", "Recipients:")))</b>"
        h += d.recipients.map { "<br/>\(e($0))" }.joined() + "</div>\n<div class=\"who\">"
        h += d.signer.map { "<div>\(e($0))</div>" }.joined()
        h += "<div class=\"name\">\(e(d.signerName))</div></div></div>\n"
        return h + "</body>\n</html>\n"
    }
}

/// An official document as plain text (to read on a terminal or paste).
public enum OfficialTextWriter {
    public static func render(_ d: OfficialDocument, lang: Language, width: Int) -> String {
        let w = max(40, width)
        func center(_ s: String) -> String {
            let pad = max(0, (w - TextWidth.width(s)) / 2)
            return String(repeating: " ", count: pad) + s
        }
        func wrap(_ s: String, indent: String = "") -> String {
            TextWidth.wrap(TextWidth.sanitize(s), width: w - indent.count).map { indent + $0 }.joined(separator: "\n")
        }
        var lines: [String] = []
        if let sup = d.superior { lines.append(sup) }
        lines += [d.organization, d.number]
        if let ex = d.excerpt { lines.append(ex) }
        lines.append("")
        lines.append(
            center(
                lang.pick(
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM")))
        lines.append(center(lang.pick("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness")))
        lines.append(center(d.placeDate))
        lines.append("")
        if let title = d.title {
            lines.append(center(title))
            if let s = d.summary { lines.append(wrap(s)) }
            lines.append("")
        }
        if !d.addressees.isEmpty {
            lines.append(lang.pick("Kính gửi: ", "To: ") + d.addressees.joined(separator: "; "))
            lines.append("")
        }
        for block in d.body {
            switch block {
            case .heading(let s): lines.append(wrap(s))
            case .paragraph(let s): lines.append(wrap(s))
            case .note(let s): lines.append(wrap(s, indent: "   "))
            case .table(let t):
                for row in t.rows {
                    let text = zip(t.columns, row).map { "\($0.title): \($1.display(lang))" }.joined(separator: "; ")
                    lines.append(wrap(text, indent: "  - "))
                }
            }
        }
        lines.append("")
        lines.append(lang.pick("Nơi nhận:", "Recipients:"))
        lines += d.recipients
        lines.append("")
        lines += d.signer.map(center)
        lines.append("")
        lines.append(center(d.signerName))
        return lines.joined(separator: "\n") + "\n"
    }
}
