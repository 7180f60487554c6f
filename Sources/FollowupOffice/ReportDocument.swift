import FollowupLoading
import FollowupModel
import FollowupRendering
import FollowupReports
import FollowupSupport

/// The progress report (báo cáo tình hình thực hiện) built from a digest: the summary grid,
/// the table per unit, the overdue and blocked lists.
public enum ReportDocument {
    /// The summary grid's rows: label, count, share of the tasks counted.
    package static func grid(_ r: DigestReport, _ labels: DigestLabels) -> [[OfficeCell]] {
        let c = r.totals
        func share(_ n: Int) -> OfficeCell { .percent(c.tasks == 0 ? nil : Double(n) / Double(c.tasks)) }
        return [
            [.text(labels.done + ": " + labels.doneOnTime.lowercased()), .number(c.doneOnTime), share(c.doneOnTime)],
            [.text(labels.done + ": " + labels.doneLate.lowercased()), .number(c.doneLate), share(c.doneLate)],
            [
                .text(labels.notDone + ": " + labels.withinDeadline.lowercased()), .number(c.withinDeadline),
                share(c.withinDeadline),
            ],
            [.text(labels.notDone + ": " + labels.overdue.lowercased()), .number(c.overdue), share(c.overdue)],
            [.text(labels.ongoing), .number(c.ongoing), share(c.ongoing)],
            [.text(labels.total), .number(c.tasks), share(c.tasks)],
            [.text(labels.onTimeRate), .empty, .percent(c.onTimeRate)],
            [.text(labels.cancelled), .number(c.cancelled), .empty],
            [.text(labels.notStarted), .number(c.notStarted), .empty],
            [.text(labels.blocked), .number(c.blocked), .empty],
            [.text(labels.dueSoon(r.dueSoonDays)), .number(c.dueSoon), .empty],
            [.text(labels.stale(r.staleDays)), .number(c.stale), .empty],
            [.text(labels.escalated), .number(c.escalated), .empty],
        ]
    }

    package static func gridTable(_ r: DigestReport, _ labels: DigestLabels) -> OfficeTable {
        OfficeTable(
            columns: [
                .init(labels.pick("Nội dung", "Item"), weight: 60), .init(labels.tasks, weight: 20, numeric: true),
                .init(labels.pick("Tỷ lệ", "Share"), weight: 20, numeric: true),
            ],
            rows: grid(r, labels))
    }

    package static func unitTable(_ r: DigestReport, _ labels: DigestLabels, codes: Bool) -> OfficeTable {
        var columns: [OfficeTable.Column] = codes ? [.init(labels.code, weight: 8)] : []
        columns += [
            .init(labels.unit, weight: 20), .init(labels.total, weight: 9, numeric: true),
            .init(labels.doneOnTimeShort, weight: 10, numeric: true),
            .init(labels.doneLateShort, weight: 10, numeric: true),
            .init(labels.withinDeadline, weight: 10, numeric: true), .init(labels.overdue, weight: 9, numeric: true),
            .init(labels.ongoing, weight: 12, numeric: true), .init(labels.cancelled, weight: 8, numeric: true),
            .init(labels.onTimeRate, weight: 12, numeric: true),
        ]
        if codes { columns.append(.init(labels.reminders, weight: 8, numeric: true)) }
        let rows: [[OfficeCell]] = r.units.map { u in
            let c = u.counts
            var row: [OfficeCell] = codes ? [.text(u.code)] : []
            row += [
                .text(u.name), .number(c.tasks), .number(c.doneOnTime), .number(c.doneLate),
                .number(c.withinDeadline), .number(c.overdue), .number(c.ongoing), .number(c.cancelled),
                .percent(c.onTimeRate),
            ]
            if codes { row.append(.number(c.reminders)) }
            return row
        }
        return OfficeTable(columns: columns, rows: rows)
    }

    package static func unitNames(_ r: DigestReport) -> [String: String] {
        Dictionary(r.units.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The Word document.
    public static func document(
        _ r: DigestReport, stamp: DocumentStamp,
        lang: Language
    ) -> (OfficialDocument, DocumentFrame) {
        let labels = DigestLabels(lang: lang)
        let frame = DocumentFrame(settings: r.settings, kind: .report, stamp: stamp, lang: lang)
        let names = unitNames(r)
        var body: [OfficeBlock] = [
            .paragraph(
                labels.pick(
                    "Văn phòng tổng hợp tình hình thực hiện các kết luận, nhiệm vụ được giao tại các "
                        + "cuộc họp, số liệu tính đến ngày \(r.asOf.vietnamese), như sau:",
                    "The progress of the tasks assigned by meeting conclusions, as of \(r.asOf.iso), is as follows:"))
        ]
        if !r.unitFilter.isEmpty { body.append(.note(labels.unitScope(r.unitFilter))) }
        body.append(.heading(labels.pick("I. TỔNG HỢP CHUNG", "I. SUMMARY")))
        body.append(.table(gridTable(r, labels)))
        body.append(.heading(labels.pick("II. KẾT QUẢ THEO ĐƠN VỊ", "II. BY UNIT")))
        body.append(r.units.isEmpty ? .paragraph(labels.none) : .table(unitTable(r, labels, codes: false)))
        body.append(.heading(labels.pick("III. ", "III. ") + labels.overdueHeading(r.overdue.count).uppercased()))
        if r.overdue.isEmpty {
            body.append(.paragraph(labels.none))
        } else {
            body.append(
                .table(
                    OfficeTable(
                        columns: [
                            .init(labels.pick("TT", "No."), weight: 6, numeric: true), .init(labels.task, weight: 14),
                            .init(labels.unit, weight: 16), .init(labels.text, weight: 35),
                            .init(labels.deadline, weight: 16),
                            .init(labels.daysOverdue, weight: 13, numeric: true),
                        ],
                        rows: r.overdue.enumerated().map { n, i in
                            [
                                .number(n + 1), .text(ShortID.of(i, lang)), .text(names[i.unit] ?? i.unit),
                                .text(i.text),
                                .text(labels.deadline(i.due, original: i.originalDue)), .number(i.daysOverdue ?? 0),
                            ]
                        })))
        }
        body.append(.heading(labels.pick("IV. ", "IV. ") + labels.blockedHeading(r.blocked.count).uppercased()))
        if r.blocked.isEmpty {
            body.append(.paragraph(labels.none))
        } else {
            body.append(
                .table(
                    OfficeTable(
                        columns: [
                            .init(labels.pick("TT", "No."), weight: 6, numeric: true), .init(labels.task, weight: 13),
                            .init(labels.unit, weight: 13), .init(labels.text, weight: 27),
                            .init(labels.deadline, weight: 16),
                            .init(labels.daysOverdue, weight: 9, numeric: true), .init(labels.note, weight: 19),
                        ],
                        rows: r.blocked.enumerated().map { n, i in
                            [
                                .number(n + 1), .text(ShortID.of(i, lang)), .text(names[i.unit] ?? i.unit),
                                .text(i.text),
                                .text(labels.deadline(i.due, original: i.originalDue)),
                                i.daysOverdue.map(OfficeCell.number) ?? .empty, .text(i.note ?? ""),
                            ]
                        })))
        }
        let doc = frame.document(
            title: labels.pick("BÁO CÁO", "REPORT"),
            summary: labels.pick(
                "Tình hình thực hiện kết luận, nhiệm vụ được giao",
                "Progress of the tasks assigned by meeting conclusions"),
            body: body, recipients: frame.recipientLines(first: [], lang: lang))
        return (doc, frame)
    }

    /// The workbook: the grid, the units, then one sheet per list.
    public static func sheets(_ r: DigestReport, lang: Language) -> [OfficeSheet] {
        let labels = DigestLabels(lang: lang)
        let names = unitNames(r)
        var out = [
            OfficeSheet(name: labels.pick("Tổng hợp", "Summary"), table: gridTable(r, labels)),
            OfficeSheet(name: labels.pick("Theo đơn vị", "By unit"), table: unitTable(r, labels, codes: true)),
        ]
        let lists: [(String, DigestList)] = [
            (labels.pick("Quá hạn", "Overdue"), r.overdue), (labels.pick("Vướng mắc", "Blocked"), r.blocked),
            (labels.pick("Sắp đến hạn", "Due soon"), r.dueSoon),
            (labels.pick("Chưa cập nhật", "Not updated"), r.stale),
            (labels.pick("Đôn đốc từ 3 lần", "Reminded 3+"), r.escalated),
            (labels.pick("Hoàn thành", "Completed"), r.completedSince),
            (labels.pick("Giao mới", "Assigned"), r.assignedSince),
        ]
        let columns: [OfficeTable.Column] = [
            .init(labels.pick("Mã nhiệm vụ", "Task ID"), weight: 1),
            .init(labels.pick("Số thông báo", "Notice"), weight: 1),
            .init(labels.meetingDate, weight: 1), .init(labels.pick("Mã đơn vị", "Unit code"), weight: 1),
            .init(labels.unit, weight: 1), .init(labels.text, weight: 1), .init(labels.deadline, weight: 1),
            .init(labels.pick("Hạn gốc", "Original due"), weight: 1), .init(labels.status, weight: 1),
            .init(labels.daysOverdue, weight: 1, numeric: true), .init(labels.daysLeft, weight: 1, numeric: true),
            .init(labels.lastUpdate, weight: 1),
            .init(labels.pick("Số ngày chưa cập nhật", "Days since update"), weight: 1),
            .init(labels.reminders, weight: 1, numeric: true), .init(labels.doneOn, weight: 1),
            .init(labels.note, weight: 1),
        ]
        for (name, list) in lists {
            let rows: [[OfficeCell]] = list.map { i in
                [
                    .text(i.id), i.notice.map(OfficeCell.text) ?? .empty, .date(i.meetingDate), .text(i.unit),
                    .text(names[i.unit] ?? i.unit), .text(i.text), .deadline(i.due, lang),
                    .deadline(i.originalDue, lang),
                    .text(i.state.label(lang)), i.daysOverdue.map(OfficeCell.number) ?? .empty,
                    i.daysLeft.map(OfficeCell.number) ?? .empty, i.lastUpdate.map(OfficeCell.date) ?? .empty,
                    i.daysSinceUpdate.map(OfficeCell.number) ?? .empty, .number(i.reminders),
                    i.doneDate.map(OfficeCell.date) ?? .empty, i.note.map(OfficeCell.text) ?? .empty,
                ]
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
        let labels = DigestLabels(lang: lang)
        let columns: [OfficeTable.Column] = [
            .init(labels.pick("Mã nhiệm vụ", "Task ID"), weight: 1), .init(labels.meetingDate, weight: 1),
            .init(labels.pick("Mã đơn vị", "Unit code"), weight: 1), .init(labels.unit, weight: 1),
            .init(labels.pick("Đơn vị phối hợp", "Supporting units"), weight: 1), .init(labels.text, weight: 1),
            .init(labels.deadline, weight: 1), .init(labels.pick("Hạn gốc", "Original due"), weight: 1),
            .init(labels.status, weight: 1), .init(labels.lastUpdate, weight: 1),
        ]
        let table = OfficeTable(
            columns: columns,
            rows: rows.map { t in
                [
                    .text(t.id), .date(t.meetingDate), .text(t.unit), .text(units.resolve(t.unit)?.name ?? t.unit),
                    .text(t.support.joined(separator: ", ")), .text(t.text), .deadline(t.due, lang),
                    .deadline(t.originalDue, lang), .text(t.status.label(lang)),
                    t.updated.map(OfficeCell.date) ?? .empty,
                ]
            })
        return try XlsxWriter.bytes([OfficeSheet(name: labels.pick("Nhiệm vụ", "Tasks"), table: table)])
    }
}
