/// `followup tasks` output in text, JSON and CSV.
public enum TaskListRenderer {
    public static func json(_ rows: [TaskRow]) -> String { String(decoding: jsonBytes(rows), as: UTF8.self) }

    public static func jsonBytes(_ rows: [TaskRow]) -> [UInt8] {
        var w = JSONWriter()
        w.open(array: true)
        for r in rows {
            w.open()
            w.string("id", r.id)
            w.string("meeting", r.meeting)
            w.string("meeting_date", r.meetingDate.iso)
            w.string("conclusion", r.conclusion)
            w.string("unit", r.unit)
            w.strings("support", r.support)
            w.string("text", r.text)
            w.string("due", r.due.iso ?? "ongoing")
            w.string("original_due", r.originalDue.iso ?? "ongoing")
            w.string("status", r.status.rawValue)
            w.string("updated", r.updated?.iso)
            w.close()
        }
        w.close(array: true)
        return w.bytes
    }

    public static func csv(_ rows: [TaskRow]) -> String {
        var w = CSVWriter()
        w.row(["id", "meeting", "meeting_date", "conclusion", "unit", "support", "due", "original_due", "status", "updated", "text"])
        for r in rows {
            w.row([r.id, r.meeting, r.meetingDate.iso, r.conclusion, r.unit, r.support.joined(separator: " "),
                   r.due.iso ?? "ongoing", r.originalDue.iso ?? "ongoing", r.status.rawValue, r.updated?.iso ?? "", r.text])
        }
        return w.output
    }

    public static func text(_ rows: [TaskRow], lang: Language, width: Int) -> String {
        let header = [lang.pick("Nhiệm vụ", "Task"), lang.pick("Đơn vị", "Unit"), lang.pick("Thời hạn", "Due"),
                      lang.pick("Trạng thái", "Status"), lang.pick("Ngày họp", "Meeting"), lang.pick("Nội dung", "Text")]
        let cells = rows.map { r in
            [r.id, r.unit, r.due.label(lang), r.status.label(lang), lang.format(r.meetingDate), TextWidth.sanitize(r.text)]
        }
        if rows.isEmpty { return lang.pick("Không có nhiệm vụ nào.\n", "No tasks.\n") }
        return Table(header: header, rows: cells, flexibleColumn: 5).render(width: width)
    }
}

/// A plain-text table whose columns are measured in display columns; one column may be
/// cut to fit the width.
public struct Table {
    public var header: [String]
    public var rows: [[String]]
    public var flexibleColumn: Int?
    public var rightAligned: Set<Int> = []

    public init(header: [String], rows: [[String]], flexibleColumn: Int? = nil, rightAligned: Set<Int> = []) {
        self.header = header
        self.rows = rows
        self.flexibleColumn = flexibleColumn
        self.rightAligned = rightAligned
    }

    public func render(width: Int) -> String {
        var widths = header.map(TextWidth.width)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], TextWidth.width(c)) } }
        if let f = flexibleColumn {
            let fixed = widths.enumerated().filter { $0.offset != f }.map(\.element).reduce(0, +) + 2 * (widths.count - 1)
            widths[f] = max(12, min(widths[f], width - fixed))
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, c) in cells.enumerated() {
                let cut = i == flexibleColumn ? TextWidth.truncate(c, to: widths[i]) : c
                let last = i == cells.count - 1
                parts.append(rightAligned.contains(i) ? TextWidth.padLeft(cut, to: widths[i])
                             : (last ? cut : TextWidth.padRight(cut, to: widths[i])))
            }
            return parts.joined(separator: "  ")
        }
        var out = line(header) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for r in rows { out += line(r) + "\n" }
        return out
    }
}
