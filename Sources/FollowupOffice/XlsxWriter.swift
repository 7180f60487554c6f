import FollowupLoading
import FollowupModel
import FollowupRendering
import FollowupReports
import FollowupSupport

/// One sheet of a workbook: title lines (the organisation, what the sheet holds, the
/// cut-off date), a header row (frozen, filtered, repeated on every printed page) and typed rows.
public struct OfficeSheet: Sendable {
    public var name: String
    public var title: [String]
    public var table: OfficeTable

    public init(name: String, title: [String] = [], table: OfficeTable) {
        self.name = name
        self.title = title
        self.table = table
    }
}

/// Writes sheets as an Excel workbook (Office Open XML, SpreadsheetML): numbers as numbers,
/// dates as dates (dd/mm/yyyy), fractions as percentages (0.0%), the title lines above the
/// header row, the header bold, frozen and filtered (autofilter), column widths from the
/// display width of what they hold, row heights that show wrapped text whole, and a print
/// setup (A4 landscape, fit to the page's width, the header row repeated, the sheet's name
/// and page number in the page header).
public enum XlsxWriter {
    /// Cell formats in styles.xml, by index.
    package enum Format: Int {
        case plain = 0
        case header
        case date
        case percent
        case text
        case number
        case title
    }

    public static func bytes(_ sheets: [OfficeSheet]) throws(FollowupError) -> [UInt8] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let pkg = try OfficePackage()
        let sheetName = sheetNames(sheets.map(\.name))
        var types =
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        var book = "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><bookViews><workbookView/></bookViews><sheets>"
        // Each sheet's filter range and the header row printed on every page.
        var names = ""
        var rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in sheets.indices {
            types +=
                "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            book += "<sheet name=\"\(OfficePackage.escape(sheetName[i]))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
            let quoted = "'" + OfficePackage.escape(sheetName[i]).replacingOccurrences(of: "'", with: "''") + "'"
            let header = headerRow(sheets[i])
            let lastColumn = column(max(0, sheets[i].table.columns.count - 1))
            names +=
                "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">"
                + "\(quoted)!$A$\(header):$\(lastColumn)$\(header + sheets[i].table.rows.count)</definedName>"
                + "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">"
                + "\(quoted)!$\(header):$\(header)</definedName>"
            rels +=
                "<Relationship Id=\"rId\(i + 1)\" Type=\"\(rel)/worksheet\" "
                + "Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        rels += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
        try pkg.add("[Content_Types].xml", OfficePackage.xmlHead + types + "</Types>")
        try pkg.add(
            "_rels/.rels",
            OfficePackage.xmlHead
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" "
                + "Target=\"xl/workbook.xml\"/></Relationships>"
        )
        try pkg.add(
            "xl/workbook.xml",
            OfficePackage.xmlHead + book + "</sheets><definedNames>\(names)</definedNames></workbook>")
        try pkg.add("xl/_rels/workbook.xml.rels", OfficePackage.xmlHead + rels + "</Relationships>")
        try pkg.add("xl/styles.xml", OfficePackage.xmlHead + styles(main))
        // Each sheet written into a buffer of its own and deflated before the next is made.
        for (i, s) in sheets.enumerated() {
            let xml = ByteBuffer(capacity: 1 << 16)
            xml.append(OfficePackage.xmlHead)
            sheet(s, main: main, into: xml)
            try pkg.add("xl/worksheets/sheet\(i + 1).xml", xml)
        }
        return try pkg.bytes()
    }

    package static func styles(_ main: String) -> String {
        let font = "<name val=\"Times New Roman\"/><family val=\"1\"/>"
        let thin =
            "<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/>"
            + "<bottom style=\"thin\"/><diagonal/></border>"
        func xf(
            _ numFmt: Int, font: Int = 0, fill: Int = 0, border: Int = 1, wrap: Bool = false,
            center: Bool = false
        ) -> String {
            "<xf numFmtId=\"\(numFmt)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"\(border)\" xfId=\"0\""
                + (numFmt != 0 ? " applyNumberFormat=\"1\"" : "") + " applyBorder=\"1\" applyAlignment=\"1\">"
                + "<alignment vertical=\"top\"\(wrap ? " wrapText=\"1\"" : "")"
                + "\(center ? " horizontal=\"center\"" : "")/></xf>"
        }
        return "<styleSheet xmlns=\"\(main)\"><numFmts count=\"2\">"
            + "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/><numFmt numFmtId=\"165\" formatCode=\"0.0%\"/>"
            + "</numFmts><fonts count=\"3\"><font><sz val=\"12\"/>\(font)</font>"
            + "<font><b/><sz val=\"12\"/>\(font)</font>"
            + "<font><b/><sz val=\"13\"/>\(font)</font>"
            + "</fonts><fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill><fill><patternFill patternType=\"solid\">"
            + "<fgColor rgb=\"FFE7E6E6\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
            + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>\(thin)</borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"7\">"
            + xf(0, border: 0) + xf(0, font: 1, fill: 2, wrap: true, center: true) + xf(164) + xf(165)
            + xf(0, wrap: true) + xf(1) + xf(0, font: 2, border: 0)
            + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"
    }

    /// The column letters of a 0-based index: A ... Z, AA ...
    package static func column(_ i: Int) -> String {
        var n = i + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// Excel's serial day: days since 30 December 1899.
    package static func serial(_ d: Day) -> Int { d.daysSinceEpoch + 25_569 }

    /// The row of the header (1-based): after the title lines and a blank row.
    package static func headerRow(_ s: OfficeSheet) -> Int { s.title.isEmpty ? 1 : s.title.count + 2 }

    package static func sheet(_ s: OfficeSheet, main: String, into out: ByteBuffer) {
        let t = s.table
        let header = headerRow(s)
        let widths = widths(t)
        out.append(
            "<worksheet xmlns=\"\(main)\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
                + "<sheetViews><sheetView workbookViewId=\"0\">"
                + "<pane ySplit=\"\(header)\" topLeftCell=\"A\(header + 1)\" "
                + "activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A\(header + 1)\" sqref=\"A\(header + 1)\"/>"
                + "</sheetView></sheetViews><cols>")
        for (i, w) in widths.enumerated() {
            out.append("<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>")
        }
        out.append("</cols><sheetData>")
        for (i, line) in s.title.enumerated() {
            out.append("<row r=\"\(i + 1)\">" + cell(.text(line), at: "A\(i + 1)", .title) + "</row>")
        }
        let headerLines = t.columns.indices.map { lines(TextWidth.width(t.columns[$0].title), widths[$0]) }.max() ?? 1
        out.append("<row r=\"\(header)\" ht=\"\(height(headerLines))\" customHeight=\"1\">")
        for (i, c) in t.columns.enumerated() {
            out.append(cell(.text(c.title), at: "\(column(i))\(header)", .header))
        }
        out.append("</row>")
        for (r, row) in t.rows.enumerated() {
            let n = header + 1 + r
            // Wrapped text shows whole only in a row tall enough: Excel and LibreOffice keep
            // a file's row one line high.
            var most = 1
            for (i, value) in row.enumerated() where i < widths.count {
                if case .text(let text) = value { most = max(most, lines(TextWidth.width(text), widths[i])) }
            }
            out.append("<row r=\"\(n)\" ht=\"\(height(most))\" customHeight=\"1\">")
            for (i, value) in row.enumerated() { out.append(cell(value, at: "\(column(i))\(n)", nil)) }
            out.append("</row>")
        }
        let last = header + t.rows.count
        out.append(
            "</sheetData><autoFilter ref=\"A\(header):\(column(max(0, t.columns.count - 1)))\(last)\"/>"
                + "<pageMargins left=\"0.5\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
                + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
                + "<headerFooter><oddHeader>&amp;L&amp;A&amp;R&amp;P/&amp;N</oddHeader></headerFooter></worksheet>")
    }

    /// Lines a text of display width `width` takes in a column `column` characters wide
    /// (less a character for the cell's margins).
    package static func lines(_ width: Int, _ column: Int) -> Int {
        let room = max(1, column - 1)
        return max(1, (width + room - 1) / room)
    }

    /// Points for `lines` lines of 12 pt text, with room above and below (a row of the
    /// default height crowded its borders).
    package static func height(_ lines: Int) -> String { "\(lines * 15 + 3)" }

    package static func cell(_ v: OfficeCell, at ref: String, _ format: Format?) -> String {
        switch v {
        case .text(let s):
            return "<c r=\"\(ref)\" s=\"\((format ?? .text).rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                + OfficePackage.escape(s) + "</t></is></c>"
        case .number(let n): return "<c r=\"\(ref)\" s=\"\(Format.number.rawValue)\"><v>\(n)</v></c>"
        case .percent(let p):
            guard let p else { return "<c r=\"\(ref)\" s=\"\(Format.percent.rawValue)\"/>" }
            return "<c r=\"\(ref)\" s=\"\(Format.percent.rawValue)\"><v>\(p)</v></c>"
        case .date(let d): return "<c r=\"\(ref)\" s=\"\(Format.date.rawValue)\"><v>\(serial(d))</v></c>"
        case .empty: return "<c r=\"\(ref)\" s=\"\(Format.text.rawValue)\"/>"
        }
    }

    /// Widths in characters: the widest value (its display width: Excel's unit is a digit's
    /// width, about the average width of lower-case Vietnamese in Times New Roman), headers
    /// counted up to 18 (they wrap), between 6 and 45 (longer text wraps, in a taller row).
    package static func widths(_ t: OfficeTable) -> [Int] {
        t.columns.indices.map { i in
            var w = min(18, TextWidth.width(t.columns[i].title))
            for row in t.rows where i < row.count {
                switch row[i] {
                case .text(let s): w = max(w, TextWidth.width(s))
                case .number(let n): w = max(w, "\(n)".count)
                case .percent: w = max(w, 6)
                case .date: w = max(w, 10)
                case .empty: break
                }
                if w >= 45 { break }
            }
            return min(45, max(6, w)) + 2
        }
    }

    /// Sheet names as Excel takes them: at most 31 characters, none of `[]:*?/\`, unique.
    package static func sheetNames(_ wanted: [String]) -> [String] {
        var seen = Set<String>()
        return wanted.map { name in
            var base = String(
                name.unicodeScalars.filter { !"[]:*?/\\".unicodeScalars.contains($0) }
                    .map(Character.init).prefix(31))
            if base.isEmpty { base = "Sheet" }
            var candidate = base
            var n = 2
            while seen.contains(candidate.lowercased()) {
                candidate = String(base.prefix(28)) + " \(n)"
                n += 1
            }
            seen.insert(candidate.lowercased())
            return candidate
        }
    }
}
