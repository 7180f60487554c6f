import Dispatch
import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

/// `followup tasks` output in text, JSON and CSV.
public enum TaskListRenderer {
    public static func json(_ rows: [TaskRow]) -> String { String(decoding: jsonBytes(rows), as: UTF8.self) }

    public static func jsonBytes(_ rows: [TaskRow]) -> [UInt8] {
        var w = JSONWriter()
        write(rows, to: &w)
        return w.bytes
    }

    /// The JSON handed to `sink` in chunks, the rows written on all cores.
    public static func stream(_ rows: [TaskRow], to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        var w = JSONWriter(sink: sink)
        write(rows, to: &w)
        w.finish()
    }

    /// The rows as `tasks --format json` prints them, each with `extra` fields appended
    /// (the portal's API adds each task's `api_url`).
    public static func jsonBytes(_ rows: [TaskRow], extra: @escaping @Sendable (inout JSONWriter, TaskRow) -> Void)
        -> [UInt8]
    {
        var w = JSONWriter()
        write(rows, to: &w, extra: extra)
        return w.bytes
    }

    package static func write(
        _ rows: [TaskRow], to w: inout JSONWriter,
        extra: (@Sendable (inout JSONWriter, TaskRow) -> Void)? = nil
    ) {
        w.array(nil, rows) { w, r in
            w.open()
            w.string("id", r.id)
            w.string("meeting", r.meeting)
            w.day("meeting_date", r.meetingDate)
            w.string("conclusion", r.conclusion)
            w.string("unit", r.unit)
            w.strings("support", r.support)
            w.string("text", r.text)
            DigestJSONRenderer.deadline(&w, "due", r.due)
            DigestJSONRenderer.deadline(&w, "original_due", r.originalDue)
            w.string("status", r.status.rawValue)
            w.day("updated", r.updated)
            extra?(&w, r)
            w.close()
        }
    }

    public static func csv(_ rows: [TaskRow]) -> String {
        var w = CSVWriter()
        w.row([
            "id", "meeting", "meeting_date", "conclusion", "unit", "support", "due", "original_due", "status",
            "updated", "text",
        ])
        for r in rows {
            w.row([
                r.id, r.meeting, r.meetingDate.iso, r.conclusion, r.unit, r.support.joined(separator: " "),
                r.due.iso ?? "ongoing", r.originalDue.iso ?? "ongoing", r.status.rawValue, r.updated?.iso ?? "", r.text,
            ])
        }
        return w.output
    }

    public static func text(_ rows: [TaskRow], lang: Language, width: Int) -> String {
        let header = [
            lang.pick("Nhiệm vụ", "Task"), lang.pick("Đơn vị", "Unit"), lang.pick("Thời hạn", "Due"),
            lang.pick("Trạng thái", "Status"), lang.pick("Ngày họp", "Meeting"), lang.pick("Nội dung", "Text"),
        ]
        let ids = ShortID.column(
            rows.map { r in
                let local = String(Substring(r.id.utf8.dropFirst(r.meeting.utf8.count + 1)))
                return (r.meeting, ShortID.meeting(notice: r.notice, date: r.meetingDate, lang: lang), local)
            })
        let cells = rows.indices.map { n in
            let r = rows[n]
            return [
                ids[n], r.unit, r.due.label(lang), r.status.label(lang), lang.format(r.meetingDate),
                TextWidth.sanitize(r.text),
            ]
        }
        if rows.isEmpty { return lang.pick("Không có nhiệm vụ nào.\n", "No tasks.\n") }
        // The meeting's date can go in a narrow terminal: the short ID names the meeting.
        return Table(header: header, rows: cells, flexibleColumn: 5, optionalColumn: 4).render(width: width)
    }
}

/// A plain-text table whose columns are measured in display columns; one column takes the
/// width that is left, and its text is cut (one line per row, for grep) or wrapped onto
/// continuation lines (for a report people read).
public struct Table: Sendable {
    public var header: [String]
    public var rows: [[String]]
    public var flexibleColumn: Int?
    public var rightAligned: Set<Int> = []
    public var wrap: Bool
    /// Text printed under each row, indented and wrapped to the width (a conclusion's text).
    public var details: [String]?
    /// A column left out when the table would not fit the width otherwise (a unit's code
    /// beside its name).
    public var optionalColumn: Int?

    public init(
        header: [String], rows: [[String]], flexibleColumn: Int? = nil, rightAligned: Set<Int> = [],
        wrap: Bool = false, details: [String]? = nil, optionalColumn: Int? = nil
    ) {
        self.header = header
        self.rows = rows
        self.flexibleColumn = flexibleColumn
        self.rightAligned = rightAligned
        self.wrap = wrap
        self.details = details
        self.optionalColumn = optionalColumn
    }

    /// The table without column `c`.
    package func dropping(_ c: Int) -> Table {
        var t = self
        t.header.remove(at: c)
        t.rows = rows.map {
            var r = $0
            r.remove(at: c)
            return r
        }
        t.flexibleColumn = flexibleColumn.map { $0 > c ? $0 - 1 : $0 }
        t.rightAligned = Set(rightAligned.map { $0 > c ? $0 - 1 : $0 })
        t.optionalColumn = nil
        return t
    }

    public func render(width: Int) -> String {
        // Control characters are made visible before anything is measured (the one rule for all output).
        if rows.contains(where: { $0.contains { TextWidth.needsSanitizing($0) } })
            || details?.contains(where: { TextWidth.needsSanitizing($0) }) == true
        {
            var clean = self
            clean.rows = rows.map { $0.map { TextWidth.sanitize($0) } }
            clean.details = details?.map { TextWidth.sanitize($0) }
            return clean.render(width: width)
        }
        var data = Array(repeating: 0, count: header.count)
        for r in rows { for (i, c) in r.enumerated() { data[i] = max(data[i], TextWidth.width(c)) } }
        let minimumFlexible = wrap ? 16 : 12
        /// Column widths and header lines with each header wrapped onto at most `lines`
        /// lines where it is much wider than its data ("HT đúng" / "hạn").
        func layout(headerLines most: Int) -> (widths: [Int], headerLines: [[String]], total: Int) {
            var widths = zip(header, data).map { max(TextWidth.width($0), $1) }
            var headerLines = header.map { [$0] }
            if wrap {
                for i in header.indices where i != flexibleColumn {
                    let full = TextWidth.width(header[i])
                    let longestWord = header[i].split(separator: " ").map { TextWidth.width(String($0)) }.max() ?? full
                    let target = max(data[i], longestWord, most > 2 ? 0 : (full + 1) / 2 + 1)
                    guard target < full, full - data[i] > (most > 2 ? 0 : 3) else { continue }
                    headerLines[i] = TextWidth.wrap(header[i], width: target)
                    widths[i] = max(data[i], headerLines[i].map(TextWidth.width).max() ?? target)
                }
            }
            let total =
                widths.enumerated().map { $0.offset == flexibleColumn ? minimumFlexible : $0.element }.reduce(0, +)
                + 2 * (widths.count - 1)
            return (widths, headerLines, total)
        }
        var (widths, headerLines, total) = layout(headerLines: 2)
        // Too wide for the terminal: headers on as many lines as they need, then without
        // the column that can go.
        if total > width, wrap { (widths, headerLines, total) = layout(headerLines: 3) }
        if total > width, let c = optionalColumn, c < header.count { return dropping(c).render(width: width) }
        if let f = flexibleColumn {
            let fixed =
                widths.enumerated().filter { $0.offset != f }.map(\.element).reduce(0, +) + 2 * (widths.count - 1)
            widths[f] = max(minimumFlexible, min(widths[f], width - fixed))
        }
        let table = Laid(table: self, widths: widths, width: width)
        var out = ""
        for n in 0..<(headerLines.map(\.count).max() ?? 1) {
            var text = table.line(headerLines.map { n < $0.count ? $0[n] : "" })
            while text.hasSuffix(" ") { text.removeLast() }
            out += text + "\n"
        }
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for index in rows.indices { table.row(index, into: &out) }
        return out
    }

    /// A table with its column widths fixed: lays out any row by itself.
    private struct Laid: Sendable {
        package let table: Table
        package let widths: [Int]
        package let width: Int

        package func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, c) in cells.enumerated() {
                let cut = i == table.flexibleColumn ? TextWidth.truncate(c, to: widths[i]) : c
                let last = i == cells.count - 1
                parts.append(
                    table.rightAligned.contains(i)
                        ? TextWidth.padLeft(cut, to: widths[i])
                        : (last ? cut : TextWidth.padRight(cut, to: widths[i])))
            }
            return parts.joined(separator: "  ")
        }

        /// Row `index`, wrapped as the table says, and its detail text under it.
        package func row(_ index: Int, into out: inout String) {
            let r = table.rows[index]
            if table.wrap, let f = table.flexibleColumn, f < r.count, TextWidth.width(r[f]) > widths[f] {
                for (n, piece) in TextWidth.wrap(r[f], width: widths[f]).enumerated() {
                    var cells = n == 0 ? r : Array(repeating: "", count: r.count)
                    cells[f] = piece
                    // Trailing blanks of a continuation line are dropped.
                    var text = line(cells)
                    while text.hasSuffix(" ") { text.removeLast() }
                    out += text + "\n"
                }
            } else {
                var text = line(r)
                while text.hasSuffix(" ") { text.removeLast() }
                out += text + "\n"
            }
            if let details = table.details, index < details.count, !details[index].isEmpty {
                for piece in TextWidth.wrap(details[index], width: max(20, width - 4)) { out += "    " + piece + "\n" }
            }
        }
    }
}
