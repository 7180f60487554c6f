import FollowupLoading
import FollowupModel
import FollowupRendering
import FollowupReports
import FollowupSupport

/// Writes official documents as a Word file (Office Open XML, WordprocessingML): A4,
/// NĐ 30/2020 margins (top and bottom 20 mm, left 30 mm, right 15 mm), Times New Roman
/// 14 pt (tables 12 pt), the page number at the top centre from the second page. Several
/// documents (one letter per unit) go into one file, each its own section starting on a
/// new page with its own page numbers.
public struct DocxWriter {
    public var lang: Language

    public init(lang: Language) { self.lang = lang }

    /// Twips (1/1440 inch) of the text width: 210 − 30 − 15 mm.
    package static let textWidth = 9355

    public func bytes(_ documents: [OfficialDocument]) throws(FollowupError) -> [UInt8] {
        let w =
            "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
        // The body is written once, into one buffer, and deflated from it.
        let body = ByteBuffer(capacity: 1 << 16)
        body.append(OfficePackage.xmlHead + "<w:document \(w)><w:body>")
        for (i, d) in documents.enumerated() {
            document(d, into: body)
            // Each document but the last ends its own section; the last section's
            // properties close the body.
            if i < documents.count - 1 { body.append("<w:p><w:pPr>\(DocxWriter.section)</w:pPr></w:p>") }
        }
        body.append("\(DocxWriter.section)</w:body></w:document>")
        let pkg = try OfficePackage()
        try pkg.add(
            "[Content_Types].xml",
            OfficePackage.xmlHead + """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/word/document.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                <Override PartName="/word/styles.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
                <Override PartName="/word/header1.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
                </Types>
                """)
        try pkg.add(
            "_rels/.rels",
            OfficePackage.xmlHead + """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                Target="word/document.xml"/></Relationships>
                """)
        try pkg.add(
            "word/_rels/document.xml.rels",
            OfficePackage.xmlHead + """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/\
                relationships/styles" \
                Target="styles.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/\
                relationships/header" \
                Target="header1.xml"/></Relationships>
                """)
        try pkg.add(
            "word/styles.xml",
            OfficePackage.xmlHead + """
                <w:styles \(w)><w:docDefaults><w:rPrDefault><w:rPr>\
                <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" \
                w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr>\
                </w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" \
                w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
                <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
                <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
                <w:tblPr><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>\
                </w:tblCellMar></w:tblPr></w:style></w:styles>
                """)
        try pkg.add(
            "word/header1.xml",
            OfficePackage.xmlHead + """
                <w:hdr \(w)><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r>\
                <w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
                <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>\
                <w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>
                """)
        try pkg.add("word/document.xml", body)
        return try pkg.bytes()
    }

    /// A4 portrait, NĐ 30 margins, header from page 2, numbers from 1.
    package static let section =
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId2\"/>"
        + "<w:type w:val=\"nextPage\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        + "<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" "
        + "w:footer=\"567\" w:gutter=\"0\"/><w:pgNumType w:start=\"1\"/><w:titlePg/></w:sectPr>"

    // MARK: pieces

    package struct Style {
        package var bold = false
        package var italic = false
        /// Half-points.
        package var size = 28
    }

    /// `text` escaped, with no line break inside: no-break spaces, Word's no-break hyphens,
    /// a word joiner after each slash. For `run(_:_:raw:)`.
    package func whole(_ text: String) -> String {
        OfficePackage.escape(text).replacingOccurrences(of: " ", with: "\u{A0}")
            .replacingOccurrences(of: "/", with: "/\u{2060}")
            .replacingOccurrences(of: "-", with: "</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\">")
    }

    package func run(_ text: String, _ s: Style = Style(), raw: Bool = false) -> String {
        var pr = ""
        if s.bold { pr += "<w:b/><w:bCs/>" }
        if s.italic { pr += "<w:i/><w:iCs/>" }
        if s.size != 28 { pr += "<w:sz w:val=\"\(s.size)\"/><w:szCs w:val=\"\(s.size)\"/>" }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let t = lines.map { "<w:t xml:space=\"preserve\">\(raw ? String($0) : OfficePackage.escape(String($0)))</w:t>" }
            .joined(separator: "<w:br/>")
        return "<w:r>" + (pr.isEmpty ? "" : "<w:rPr>\(pr)</w:rPr>") + t + "</w:r>"
    }

    package enum Align: String { case left, center, right, both }

    package func para(
        _ runs: String, align: Align = .left, firstLine: Int = 0, before: Int = 0, after: Int = 0,
        keepNext: Bool = false, extra: String = ""
    ) -> String {
        var pr = keepNext ? "<w:keepNext/>" : ""
        pr += extra
        if before != 0 || after != 0 { pr += "<w:spacing w:before=\"\(before)\" w:after=\"\(after)\"/>" }
        if firstLine != 0 { pr += "<w:ind w:firstLine=\"\(firstLine)\"/>" }
        if align != .left { pr += "<w:jc w:val=\"\(align.rawValue)\"/>" }
        return "<w:p>" + (pr.isEmpty ? "" : "<w:pPr>\(pr)</w:pPr>") + runs + "</w:p>"
    }

    /// The short rule under the issuing body and under the motto: a bottom border across
    /// the middle of the cell.
    package func rule(indent: Int) -> String {
        "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
            + "<w:spacing w:before=\"60\" w:after=\"80\"/><w:ind w:left=\"\(indent)\" w:right=\"\(indent)\"/>"
            + "<w:rPr><w:sz w:val=\"4\"/></w:rPr></w:pPr></w:p>"
    }

    /// Header and signature cells: 4050 twips (71 mm) for the issuing body, the rest for the
    /// motto; 4300 for "Nơi nhận", the rest for the signature.
    package static let headerLeft = 4050
    package static let signLeft = 4300

    /// The rule under the motto is as long as "Độc lập - Tự do - Hạnh phúc" (14 pt bold,
    /// 60 mm, 3400 twips); the one under the issuing body about 2/5 of the body's longest
    /// line (NĐ 30: 1/3 to 1/2), its width guessed from the letters (12 pt bold capitals
    /// average 165 twips).
    package static let mottoRuleIndent = (textWidth - headerLeft - 3400) / 2
    package static func organizationRuleIndent(_ organization: String) -> Int {
        let longest = organization.split(separator: "\n").map(\.count).max() ?? 0
        let line = min(headerLeft, longest * 165)
        return (headerLeft - line * 2 / 5) / 2
    }

    package func cell(_ width: Int, _ content: String, shade: Bool = false, noWrap: Bool = false) -> String {
        "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
            + (shade ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>" : "")
            + (noWrap ? "<w:noWrap/>" : "")
            + "</w:tcPr>" + (content.isEmpty ? "<w:p/>" : content) + "</w:tc>"
    }

    /// A table without borders that lays out two columns (the header, the signature).
    package func layout(_ widths: [Int], _ cells: [String], keepTogether: Bool = false) -> String {
        "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
            + "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/>"
            + "<w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
            + "<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/>"
            + "</w:tblCellMar></w:tblPr>"
            + "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid><w:tr>"
            + (keepTogether ? "<w:trPr><w:cantSplit/></w:trPr>" : "")
            + zip(widths, cells).map { cell($0, $1) }.joined() + "</w:tr></w:tbl>"
    }

    package func table(_ t: OfficeTable, into out: ByteBuffer) {
        let total = max(1, t.columns.map(\.weight).reduce(0, +))
        var widths = t.columns.map { $0.weight * DocxWriter.textWidth / total }
        if let last = widths.indices.last { widths[last] += DocxWriter.textWidth - widths.reduce(0, +) }
        let small = Style(size: 24)
        out.append(
            "<w:tbl><w:tblPr><w:tblW w:w=\"\(DocxWriter.textWidth)\" w:type=\"dxa\"/>"
                + "<w:tblLayout w:type=\"fixed\"/><w:tblBorders>"
                + ["top", "left", "bottom", "right", "insideH", "insideV"]
                .map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>" }.joined()
                + "</w:tblBorders></w:tblPr><w:tblGrid>"
                + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>")
        // The header row repeats on every page; no row is split across pages.
        out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        for (c, w) in zip(t.columns, widths) {
            out.append(cell(w, para(run(c.title, Style(bold: true, size: 22)), align: .center), shade: true))
        }
        out.append("</w:tr>")
        for (r, row) in t.rows.enumerated() {
            let style = t.totalRow && r == t.rows.count - 1 ? Style(bold: true, size: 24) : small
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for (i, w) in widths.enumerated() {
                let value = i < row.count ? row[i] : .empty
                let c = t.columns[i]
                let text = c.whole ? run(whole(value.display(lang)), style, raw: true) : run(value.display(lang), style)
                out.append(cell(w, para(text, align: c.numeric ? .right : .left), noWrap: c.numeric))
            }
            out.append("</w:tr>")
        }
        out.append("</w:tbl>")
    }

    package func document(_ d: OfficialDocument, into out: ByteBuffer) {
        let bold = Style(bold: true, size: 24)
        // Header: issuing body under its parent (left), the motto (right); 35% and 65%.
        var left = ""
        if let sup = d.superior { left += para(run(sup, Style(size: 24)), align: .center) }
        left += para(run(d.organization, bold), align: .center)
        left += rule(indent: DocxWriter.organizationRuleIndent(d.organization))
        left += para(run(d.number, Style(size: 26)), align: .center)
        if let ex = d.excerpt { left += para(run(ex, Style(size: 24)), align: .center, before: 60) }
        var right = para(
            run(lang.pick("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"), bold),
            align: .center)
        right += para(
            run(
                lang.pick("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
                Style(bold: true)), align: .center)
        right += rule(indent: DocxWriter.mottoRuleIndent)
        right += para(run(d.placeDate, Style(italic: true)), align: .center, before: 120)
        out.append(layout([DocxWriter.headerLeft, DocxWriter.textWidth - DocxWriter.headerLeft], [left, right]))
        if let title = d.title {
            out.append(para(run(title, Style(bold: true)), align: .center, before: 360, keepNext: true))
            if let s = d.summary { out.append(para(run(s, Style(bold: true)), align: .center, keepNext: true)) }
            out.append(rule(indent: 3600))
        }
        if !d.addressees.isEmpty {
            let to = lang.pick("Kính gửi: ", "To: ")
            let lines =
                d.addressees.count == 1
                ? [to + d.addressees[0]]
                : [to] + d.addressees.map { "- " + $0 + ";" }
            for l in lines { out.append(para(run(l), align: .center, before: 240, after: 120)) }
        }
        blocks(d.body, into: out, closing: true)
        // Recipients (left, 12 and 11 pt) and the signature block (right, 14 pt bold), in one
        // row that is never split across pages.
        var recv = para(
            run(lang.pick("Nơi nhận:", "Recipients:"), Style(bold: true, italic: true, size: 24)), keepNext: true)
        for r in d.recipients { recv += para(run(r, Style(size: 22)), keepNext: true) }
        var sign = ""
        for s in d.signer { sign += para(run(s, Style(bold: true)), align: .center, keepNext: true) }
        sign +=
            para("", after: 1200, keepNext: true)
            + para(run(d.signerName, Style(bold: true)), align: .center)
        out.append(
            para("", before: 120, keepNext: true)
                + layout(
                    [DocxWriter.signLeft, DocxWriter.textWidth - DocxWriter.signLeft], [recv, sign],
                    keepTogether: true))
        // The appendix on a page of its own.
        if let title = d.appendixTitle, !d.appendix.isEmpty {
            out.append("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>")
            out.append(para(run(title, Style(bold: true)), align: .center, keepNext: true))
            if let note = d.appendixNote {
                out.append(para(run(note, Style(italic: true)), align: .center, after: 240, keepNext: true))
            }
            blocks(d.appendix, into: out, closing: false)
        }
    }

    /// Headings, paragraphs, notes and tables. With `closing`, the paragraphs after the last
    /// table (at most the last two blocks) stay on the page of the signature that follows
    /// (keep with next, lines kept), so a name never stands alone on a page.
    func blocks(_ body: [OfficeBlock], into out: ByteBuffer, closing: Bool) {
        let lastTable = body.lastIndex { if case .table = $0 { return true } else { return false } } ?? -1
        let closingFrom = closing ? max(lastTable + 1, body.count - 2) : body.count
        for (n, block) in body.enumerated() {
            let keep = n >= closingFrom
            let keepLines = keep ? "<w:keepLines/>" : ""
            switch block {
            case .heading(let h):
                out.append(
                    para(
                        run(h, Style(bold: true)), align: .both, firstLine: 567, before: 120, after: 60,
                        keepNext: true))
            case .paragraph(let p):
                // A conclusion stays on the page of the note (its units) that follows it.
                let noteNext =
                    n + 1 < body.count && { if case .note = body[n + 1] { return true } else { return false } }()
                out.append(
                    para(
                        run(p), align: .both, firstLine: 567, before: n == 0 ? 240 : 60, after: 60,
                        keepNext: keep || noteNext, extra: keepLines))
            case .note(let p):
                out.append(
                    para(
                        run(p, Style(italic: true)), align: .both, firstLine: 567, after: 60, keepNext: keep,
                        extra: keepLines))
            case .table(let t):
                table(t, into: out)
                out.append(para("", after: 60, keepNext: closing && n + 1 == body.count))
            }
        }
    }
}
