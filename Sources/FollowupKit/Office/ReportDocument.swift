/// The progress report (báo cáo tình hình thực hiện) built from a digest: the summary grid,
/// the table per unit, the overdue and blocked lists.
public enum ReportDocument {
    /// The short form of a task's ID for printed tables: its meeting's notice number, or
    /// the meeting's date, then `#N`. The full ID goes beside it where the format allows.
    public static func shortID(_ item: DigestItem, _ lang: Language) -> String {
        (item.notice ?? lang.format(item.meetingDate)) + "#" + item.local
    }

    /// The summary grid's rows: label, count, share of the tasks counted.
    static func grid(_ r: DigestReport, _ L: DigestLabels) -> [[OfficeCell]] {
        let c = r.totals
        func share(_ n: Int) -> OfficeCell { .percent(c.tasks == 0 ? nil : Double(n) / Double(c.tasks)) }
        return [
            [.text(L.done + ": " + L.doneOnTime.lowercased()), .number(c.doneOnTime), share(c.doneOnTime)],
            [.text(L.done + ": " + L.doneLate.lowercased()), .number(c.doneLate), share(c.doneLate)],
            [.text(L.notDone + ": " + L.withinDeadline.lowercased()), .number(c.withinDeadline),
             share(c.withinDeadline)],
            [.text(L.notDone + ": " + L.overdue.lowercased()), .number(c.overdue), share(c.overdue)],
            [.text(L.ongoing), .number(c.ongoing), share(c.ongoing)],
            [.text(L.total), .number(c.tasks), share(c.tasks)],
            [.text(L.onTimeRate), .empty, .percent(c.onTimeRate)],
            [.text(L.cancelled), .number(c.cancelled), .empty],
            [.text(L.notStarted), .number(c.notStarted), .empty],
            [.text(L.blocked), .number(c.blocked), .empty],
            [.text(L.dueSoon(r.dueSoonDays)), .number(c.dueSoon), .empty],
            [.text(L.stale(r.staleDays)), .number(c.stale), .empty],
            [.text(L.escalated), .number(c.escalated), .empty],
        ]
    }

    static func gridTable(_ r: DigestReport, _ L: DigestLabels) -> OfficeTable {
        OfficeTable(columns: [.init(L.pick("Nội dung", "Item"), weight: 60), .init(L.tasks, weight: 20, numeric: true),
                              .init(L.pick("Tỷ lệ", "Share"), weight: 20, numeric: true)],
                    rows: grid(r, L))
    }

    static func unitTable(_ r: DigestReport, _ L: DigestLabels, codes: Bool) -> OfficeTable {
        var columns: [OfficeTable.Column] = codes ? [.init(L.code, weight: 8)] : []
        columns += [.init(L.unit, weight: 20), .init(L.total, weight: 9, numeric: true),
                    .init(L.doneOnTimeShort, weight: 10, numeric: true),
                    .init(L.doneLateShort, weight: 10, numeric: true),
                    .init(L.withinDeadline, weight: 10, numeric: true), .init(L.overdue, weight: 9, numeric: true),
                    .init(L.ongoing, weight: 12, numeric: true), .init(L.cancelled, weight: 8, numeric: true),
                    .init(L.onTimeRate, weight: 12, numeric: true)]
        if codes { columns.append(.init(L.reminders, weight: 8, numeric: true)) }
        let rows: [[OfficeCell]] = r.units.map { u in
            let c = u.counts
            var row: [OfficeCell] = codes ? [.text(u.code)] : []
            row += [.text(u.name), .number(c.tasks), .number(c.doneOnTime), .number(c.doneLate),
                    .number(c.withinDeadline), .number(c.overdue), .number(c.ongoing), .number(c.cancelled),
                    .percent(c.onTimeRate)]
            if codes { row.append(.number(c.reminders)) }
            return row
        }
        return OfficeTable(columns: columns, rows: rows)
    }

    static func unitNames(_ r: DigestReport) -> [String: String] {
        Dictionary(r.units.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The Word document.
    public static func document(_ r: DigestReport, stamp: DocumentStamp,
                                lang: Language) -> (OfficialDocument, DocumentFrame) {
        let L = DigestLabels(lang: lang)
        let frame = DocumentFrame(settings: r.settings, kind: .report, stamp: stamp, lang: lang)
        let names = unitNames(r)
        var body: [OfficeBlock] = [
            .paragraph(L.pick("Văn phòng tổng hợp tình hình thực hiện các kết luận, nhiệm vụ được giao tại các "
                + "cuộc họp, số liệu tính đến ngày \(r.asOf.vietnamese), như sau:",
                "The progress of the tasks assigned by meeting conclusions, as of \(r.asOf.iso), is as follows:")),
        ]
        if !r.unitFilter.isEmpty { body.append(.note(L.unitScope(r.unitFilter))) }
        body.append(.heading(L.pick("I. TỔNG HỢP CHUNG", "I. SUMMARY")))
        body.append(.table(gridTable(r, L)))
        body.append(.heading(L.pick("II. KẾT QUẢ THEO ĐƠN VỊ", "II. BY UNIT")))
        body.append(r.units.isEmpty ? .paragraph(L.none) : .table(unitTable(r, L, codes: false)))
        body.append(.heading(L.pick("III. ", "III. ") + L.overdueHeading(r.overdue.count).uppercased()))
        if r.overdue.isEmpty { body.append(.paragraph(L.none)) } else {
            body.append(.table(OfficeTable(
                columns: [.init(L.pick("TT", "No."), weight: 6, numeric: true), .init(L.task, weight: 14),
                          .init(L.unit, weight: 16), .init(L.text, weight: 35), .init(L.deadline, weight: 16),
                          .init(L.daysOverdue, weight: 13, numeric: true)],
                rows: r.overdue.enumerated().map { n, i in
                    [.number(n + 1), .text(shortID(i, lang)), .text(names[i.unit] ?? i.unit), .text(i.text),
                     .text(L.deadline(i.due, original: i.originalDue)), .number(i.daysOverdue ?? 0)]
                })))
        }
        body.append(.heading(L.pick("IV. ", "IV. ") + L.blockedHeading(r.blocked.count).uppercased()))
        if r.blocked.isEmpty { body.append(.paragraph(L.none)) } else {
            body.append(.table(OfficeTable(
                columns: [.init(L.pick("TT", "No."), weight: 6, numeric: true), .init(L.task, weight: 13),
                          .init(L.unit, weight: 13), .init(L.text, weight: 27), .init(L.deadline, weight: 16),
                          .init(L.daysOverdue, weight: 9, numeric: true), .init(L.note, weight: 19)],
                rows: r.blocked.enumerated().map { n, i in
                    [.number(n + 1), .text(shortID(i, lang)), .text(names[i.unit] ?? i.unit), .text(i.text),
                     .text(L.deadline(i.due, original: i.originalDue)),
                     i.daysOverdue.map(OfficeCell.number) ?? .empty, .text(i.note ?? "")]
                })))
        }
        let doc = frame.document(title: L.pick("BÁO CÁO", "REPORT"),
                                 summary: L.pick("Tình hình thực hiện kết luận, nhiệm vụ được giao",
                                                 "Progress of the tasks assigned by meeting conclusions"),
                                 body: body, recipients: frame.recipientLines(first: [], lang: lang))
        return (doc, frame)
    }

    /// The workbook: the grid, the units, then one sheet per list.
    public static func sheets(_ r: DigestReport, lang: Language) -> [OfficeSheet] {
        let L = DigestLabels(lang: lang)
        let names = unitNames(r)
        var out = [OfficeSheet(name: L.pick("Tổng hợp", "Summary"), table: gridTable(r, L)),
                   OfficeSheet(name: L.pick("Theo đơn vị", "By unit"), table: unitTable(r, L, codes: true))]
        let lists: [(String, DigestList)] = [
            (L.pick("Quá hạn", "Overdue"), r.overdue), (L.pick("Vướng mắc", "Blocked"), r.blocked),
            (L.pick("Sắp đến hạn", "Due soon"), r.dueSoon), (L.pick("Chưa cập nhật", "Not updated"), r.stale),
            (L.pick("Đôn đốc từ 3 lần", "Reminded 3+"), r.escalated),
            (L.pick("Hoàn thành", "Completed"), r.completedSince), (L.pick("Giao mới", "Assigned"), r.assignedSince),
        ]
        let columns: [OfficeTable.Column] = [
            .init(L.pick("Mã nhiệm vụ", "Task ID"), weight: 1), .init(L.pick("Số thông báo", "Notice"), weight: 1),
            .init(L.meetingDate, weight: 1), .init(L.pick("Mã đơn vị", "Unit code"), weight: 1),
            .init(L.unit, weight: 1), .init(L.text, weight: 1), .init(L.deadline, weight: 1),
            .init(L.pick("Hạn gốc", "Original due"), weight: 1), .init(L.status, weight: 1),
            .init(L.daysOverdue, weight: 1, numeric: true), .init(L.daysLeft, weight: 1, numeric: true),
            .init(L.lastUpdate, weight: 1), .init(L.pick("Số ngày chưa cập nhật", "Days since update"), weight: 1),
            .init(L.reminders, weight: 1, numeric: true), .init(L.doneOn, weight: 1), .init(L.note, weight: 1),
        ]
        for (name, list) in lists {
            let rows: [[OfficeCell]] = list.map { i in
                [.text(i.id), i.notice.map(OfficeCell.text) ?? .empty, .date(i.meetingDate), .text(i.unit),
                 .text(names[i.unit] ?? i.unit), .text(i.text), .deadline(i.due, lang), .deadline(i.originalDue, lang),
                 .text(i.state.label(lang)), i.daysOverdue.map(OfficeCell.number) ?? .empty,
                 i.daysLeft.map(OfficeCell.number) ?? .empty, i.lastUpdate.map(OfficeCell.date) ?? .empty,
                 i.daysSinceUpdate.map(OfficeCell.number) ?? .empty, .number(i.reminders),
                 i.doneDate.map(OfficeCell.date) ?? .empty, i.note.map(OfficeCell.text) ?? .empty]
            }
            out.append(OfficeSheet(name: name, table: OfficeTable(columns: columns, rows: rows)))
        }
        return out
    }
}

/// `digest --format docx`.
public struct DigestDocxRenderer: DigestRenderer {
    public var lang: Language
    public var stamp: DocumentStamp?

    public func bytes(_ report: DigestReport) throws(FollowupError) -> [UInt8] {
        let (doc, _) = ReportDocument.document(report, stamp: stamp ?? DocumentStamp(date: report.asOf), lang: lang)
        return try DocxWriter(lang: lang).bytes([doc])
    }
}

/// `digest --format xlsx`.
public struct DigestXlsxRenderer: DigestRenderer {
    public var lang: Language

    public func bytes(_ report: DigestReport) throws(FollowupError) -> [UInt8] {
        try XlsxWriter.bytes(ReportDocument.sheets(report, lang: lang))
    }
}

/// `tasks --format xlsx`: one sheet, one row per task.
public enum TaskWorkbook {
    public static func bytes(_ rows: [TaskRow], units: UnitRegistry, lang: Language) throws(FollowupError) -> [UInt8] {
        let L = DigestLabels(lang: lang)
        let columns: [OfficeTable.Column] = [
            .init(L.pick("Mã nhiệm vụ", "Task ID"), weight: 1), .init(L.meetingDate, weight: 1),
            .init(L.pick("Mã đơn vị", "Unit code"), weight: 1), .init(L.unit, weight: 1),
            .init(L.pick("Đơn vị phối hợp", "Supporting units"), weight: 1), .init(L.text, weight: 1),
            .init(L.deadline, weight: 1), .init(L.pick("Hạn gốc", "Original due"), weight: 1),
            .init(L.status, weight: 1), .init(L.lastUpdate, weight: 1),
        ]
        let table = OfficeTable(columns: columns, rows: rows.map { t in
            [.text(t.id), .date(t.meetingDate), .text(t.unit), .text(units.resolve(t.unit)?.name ?? t.unit),
             .text(t.support.joined(separator: ", ")), .text(t.text), .deadline(t.due, lang),
             .deadline(t.originalDue, lang), .text(t.status.label(lang)), t.updated.map(OfficeCell.date) ?? .empty]
        })
        return try XlsxWriter.bytes([OfficeSheet(name: L.pick("Nhiệm vụ", "Tasks"), table: table)])
    }
}
