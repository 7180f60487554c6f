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
        func cells(_ c: DigestCounts) -> [OfficeCell] {
            [
                .number(c.tasks), .number(c.doneOnTime), .number(c.doneLate), .number(c.withinDeadline),
                .number(c.overdue), .number(c.ongoing), .number(c.cancelled), .percent(c.onTimeRate),
            ]
        }
        var rows: [[OfficeCell]] = r.units.map { u in
            (codes ? [.text(u.code)] : []) + [.text(u.name)] + cells(u.counts)
                + (codes ? [.number(u.counts.reminders)] : [])
        }
        // The total row: the digest's totals, the sum of the rows above.
        rows.append(
            (codes ? [.empty] : []) + [.text(labels.pick("Tổng cộng", "Total"))] + cells(r.totals)
                + (codes ? [.number(r.totals.reminders)] : []))
        return OfficeTable(columns: columns, rows: rows, totalRow: true)
    }

    package static func unitNames(_ r: DigestReport) -> [String: String] {
        Dictionary(r.units.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The figures of an earlier cut-off, to compare with (the digest replayed as of that day).
    public struct Previous: Sendable {
        public var asOf: Day
        public var totals: DigestCounts

        public init(asOf: Day, totals: DigestCounts) {
            self.asOf = asOf
            self.totals = totals
        }
    }

    /// "So với kỳ trước (số liệu tính đến ngày 31/10/2026): ..." — the change of each figure.
    static func comparison(_ r: DigestReport, _ p: Previous, _ labels: DigestLabels) -> String {
        func change(_ now: Int, _ then: Int) -> String {
            let d = now - then
            return d == 0 ? labels.pick("không đổi", "unchanged") : (d > 0 ? "+\(d)" : "\(d)")
        }
        let c = r.totals
        let t = p.totals
        let figures = [
            (labels.tasks.lowercased(), c.tasks, t.tasks), (labels.pick("đã hoàn thành", "completed"), c.done, t.done),
            (labels.pick("quá hạn chưa hoàn thành", "overdue"), c.overdue, t.overdue),
            (labels.blocked.lowercased(), c.blocked, t.blocked),
        ].map { "\($0.0) \($0.1) (\(change($0.1, $0.2)))" }
        return labels.pick(
            "So với kỳ trước (số liệu tính đến ngày \(p.asOf.vietnamese)): ",
            "Compared with the previous period (as of \(p.asOf.iso)): ")
            + figures.joined(separator: "; ")
            + labels.pick("; tỷ lệ đúng hạn ", "; on-time rate ") + labels.percent(c.onTimeRate)
            + labels.pick(" (kỳ trước ", " (previously ") + labels.percent(t.onTimeRate) + ")."
    }

    /// The units with the best and the worst on-time rate, among those with a rate.
    static func bestAndWorst(_ r: DigestReport, _ labels: DigestLabels) -> String? {
        let rated = r.units.compactMap { u in u.counts.onTimeRate.map { (u.name, $0) } }
        guard rated.count >= 2 else { return nil }
        let best = rated.max { $0.1 < $1.1 }!
        let worst = rated.min { $0.1 < $1.1 }!
        guard best.1 > worst.1 else { return nil }
        let top = rated.filter { $0.1 == best.1 }.map(\.0)
        let bottom = rated.filter { $0.1 == worst.1 }.map(\.0)
        return labels.pick(
            "Tỷ lệ đúng hạn cao nhất: \(top.joined(separator: ", ")) (\(labels.percent(best.1))); "
                + "thấp nhất: \(bottom.joined(separator: ", ")) (\(labels.percent(worst.1))).",
            "Best on-time rate: \(top.joined(separator: ", ")) (\(labels.percent(best.1))); "
                + "worst: \(bottom.joined(separator: ", ")) (\(labels.percent(worst.1))).")
    }

    /// Section II: overdue and blocked tasks grouped by unit, most first, with the reasons
    /// units gave in their notes.
    static func shortcomings(_ r: DigestReport, _ labels: DigestLabels, names: [String: String]) -> [OfficeBlock] {
        let overdueIDs = Set(r.overdue.map(\.id))
        let open = Array(r.overdue) + r.blocked.filter { !overdueIDs.contains($0.id) }
        guard !open.isEmpty else {
            return [
                .paragraph(labels.pick("Không có nhiệm vụ quá hạn hay vướng mắc.", "No task is overdue or blocked."))
            ]
        }
        var order: [String] = []
        var byUnit: [String: [DigestItem]] = [:]
        for i in open {
            if byUnit[i.unit] == nil { order.append(i.unit) }
            byUnit[i.unit, default: []].append(i)
        }
        order.sort { (byUnit[$0]!.count, names[$1] ?? $1) > (byUnit[$1]!.count, names[$0] ?? $0) }
        var out: [OfficeBlock] = [
            .paragraph(
                labels.pick(
                    "Còn \(r.overdue.count) nhiệm vụ quá hạn chưa hoàn thành và \(r.blocked.count) nhiệm vụ "
                        + "đơn vị báo cáo vướng mắc, tại \(order.count) đơn vị (chi tiết tại Phụ lục):",
                    "\(r.overdue.count) tasks are overdue and \(r.blocked.count) blocked, at \(order.count) "
                        + "units (listed in the appendix):"))
        ]
        for u in order {
            let items = byUnit[u]!
            let overdue = items.filter { $0.daysOverdue != nil }
            let longest = overdue.compactMap(\.daysOverdue).max()
            var line = "- \(names[u] ?? u): "
            var parts: [String] = []
            if !overdue.isEmpty {
                parts.append(
                    labels.pick("\(overdue.count) nhiệm vụ quá hạn", "\(overdue.count) overdue")
                        + (longest.map { labels.pick(" (lâu nhất \($0) ngày)", " (longest \($0) days)") } ?? ""))
            }
            let blocked = items.filter(\.blocked)
            if !blocked.isEmpty { parts.append(labels.pick("\(blocked.count) vướng mắc", "\(blocked.count) blocked")) }
            line += parts.joined(separator: ", ")
            let reasons = Array(Set(items.compactMap(\.note))).sorted()
            line +=
                reasons.isEmpty
                ? labels.pick("; đơn vị chưa báo cáo nguyên nhân.", "; the unit has not reported why.")
                : labels.pick("; nguyên nhân đơn vị nêu: ", "; reasons given: ") + reasons.joined(separator: "; ") + "."
            out.append(.paragraph(line))
        }
        return out
    }

    /// The appendix: the overdue and blocked tasks, one table per unit.
    static func appendix(_ r: DigestReport, _ labels: DigestLabels, names: [String: String]) -> [OfficeBlock] {
        let lang = labels.lang
        var out: [OfficeBlock] = []
        let lists: [(String, DigestList, Bool)] = [
            (labels.overdueHeading(r.overdue.count), r.overdue, false),
            (labels.blockedHeading(r.blocked.count), r.blocked, true),
        ]
        for (n, (heading, list, withNote)) in lists.enumerated() where !list.isEmpty {
            out.append(.heading(["I", "II"][n] + ". " + heading))
            var order: [String] = []
            var byUnit: [String: [DigestItem]] = [:]
            for i in list {
                if byUnit[i.unit] == nil { order.append(i.unit) }
                byUnit[i.unit, default: []].append(i)
            }
            order.sort { VietnameseOrder.less(names[$0] ?? $0, names[$1] ?? $1) }
            for (k, u) in order.enumerated() {
                let items = byUnit[u]!
                out.append(.heading("\(k + 1). \(names[u] ?? u) (\(items.count))"))
                var columns: [OfficeTable.Column] = [
                    .init(labels.pick("TT", "No."), weight: 7, numeric: true),
                    // Wide enough for "108/TB-UBND#13" on one line at 12 pt.
                    .init(labels.task, weight: 25, whole: true),
                    .init(labels.text, weight: withNote ? 26 : 39), .init(labels.deadline, weight: 16),
                    .init(labels.daysOverdue, weight: 13, numeric: true),
                ]
                if withNote { columns.append(.init(labels.note, weight: 23)) }
                out.append(
                    .table(
                        OfficeTable(
                            columns: columns,
                            rows: items.enumerated().map { m, i in
                                [
                                    .number(m + 1), .text(ShortID.of(i, lang)), .text(i.text),
                                    .text(labels.deadline(i.due, original: i.originalDue)),
                                    i.daysOverdue.map(OfficeCell.number) ?? .empty,
                                ] + (withNote ? [.text(i.note ?? "")] : [])
                            })))
            }
        }
        return out
    }

    /// The Word document: I. results (the grid, the comparison with the previous period, the
    /// best and worst units, the table per unit with its total), II. shortcomings and their
    /// causes (overdue and blocked tasks by unit, with the units' reasons), III. proposals
    /// (left for the office to write, marked), then the appendix of tasks by unit. The report
    /// speaks for the organisation that numbers and signs it.
    public static func document(
        _ r: DigestReport, stamp: DocumentStamp, previous: Previous? = nil,
        lang: Language
    ) -> (OfficialDocument, DocumentFrame) {
        let labels = DigestLabels(lang: lang)
        let frame = DocumentFrame(settings: r.settings, kind: .report, stamp: stamp, lang: lang)
        let names = unitNames(r)
        let voice = r.settings.organization ?? DocumentFrame.blank
        var body: [OfficeBlock] = [
            .paragraph(
                labels.pick(
                    "\(voice) báo cáo tình hình thực hiện các kết luận, nhiệm vụ được giao tại các cuộc họp, "
                        + "số liệu tính đến ngày \(r.asOf.vietnamese), như sau:",
                    "\(voice) reports on the tasks assigned by meeting conclusions, as of \(r.asOf.iso):"))
        ]
        if !r.unitFilter.isEmpty { body.append(.note(labels.unitScope(r.unitFilter))) }
        body.append(.heading(labels.pick("I. KẾT QUẢ THỰC HIỆN", "I. RESULTS")))
        body.append(.heading(labels.pick("1. Tổng hợp chung", "1. Summary")))
        body.append(.table(gridTable(r, labels)))
        if let previous { body.append(.paragraph(comparison(r, previous, labels))) }
        if let line = bestAndWorst(r, labels) { body.append(.paragraph(line)) }
        body.append(.heading(labels.pick("2. Kết quả theo đơn vị", "2. By unit")))
        body.append(r.units.isEmpty ? .paragraph(labels.none) : .table(unitTable(r, labels, codes: false)))
        body.append(.heading(labels.pick("II. TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN", "II. SHORTCOMINGS AND CAUSES")))
        body += shortcomings(r, labels, names: names)
        body.append(.heading(labels.pick("III. ĐỀ XUẤT, KIẾN NGHỊ", "III. PROPOSALS")))
        body.append(
            .note(
                labels.pick(
                    "[Văn phòng soạn phần đề xuất, kiến nghị trước khi trình ký: ……]",
                    "[The office writes the proposals here before signing: ……]")))
        var doc = frame.document(
            title: labels.pick("BÁO CÁO", "REPORT"),
            summary: labels.pick(
                "Tình hình thực hiện kết luận, nhiệm vụ được giao",
                "Progress of the tasks assigned by meeting conclusions"),
            body: body, recipients: frame.recipientLines(lang: lang))
        let appendix = appendix(r, labels, names: names)
        if !appendix.isEmpty {
            doc.appendixTitle = labels.pick(
                "PHỤ LỤC\nDANH SÁCH NHIỆM VỤ QUÁ HẠN, VƯỚNG MẮC THEO ĐƠN VỊ",
                "APPENDIX\nOVERDUE AND BLOCKED TASKS BY UNIT")
            doc.appendixNote = labels.pick(
                "(Kèm theo Báo cáo \(frame.number.replacingOccurrences(of: "Số: ", with: "số ")) ngày "
                    + "\(stamp.date.vietnamese))",
                "(Attached to report \(frame.number) of \(stamp.date.iso))")
            doc.appendix = appendix
        }
        return (doc, frame)
    }

    /// A sheet's title lines: the organisation, what the sheet holds, the cut-off date.
    static func title(_ settings: Settings, _ what: String, asOf: Day, _ labels: DigestLabels) -> [String] {
        [settings.organization?.uppercased() ?? DocumentFrame.blank, what, labels.asOf(asOf)]
    }

    /// A deadline in two cells: the date (empty when ongoing), and "thường xuyên" apart, so
    /// that the date column sorts and filters as dates.
    static func deadlineCells(_ d: Deadline, _ lang: Language) -> [OfficeCell] {
        [d.day.map(OfficeCell.date) ?? .empty, d.day == nil ? .text(Deadline.ongoing.label(lang)) : .empty]
    }

    /// The workbook: the grid, the units, then one sheet per list.
    public static func sheets(_ r: DigestReport, lang: Language) -> [OfficeSheet] {
        let labels = DigestLabels(lang: lang)
        let names = unitNames(r)
        let report = labels.pick("Báo cáo tình hình thực hiện kết luận, nhiệm vụ được giao", "Progress report")
        func title(_ sheet: String) -> [String] {
            ReportDocument.title(r.settings, report + " — " + sheet, asOf: r.asOf, labels)
        }
        var grid = gridTable(r, labels)
        grid.totalRow = false
        var out = [
            OfficeSheet(
                name: labels.pick("Tổng hợp", "Summary"), title: title(labels.pick("Tổng hợp chung", "Summary")),
                table: grid),
            OfficeSheet(
                name: labels.pick("Theo đơn vị", "By unit"), title: title(labels.unitsHeading),
                table: unitTable(r, labels, codes: true)),
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
            .init(labels.ongoing, weight: 1),
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
                    .text(names[i.unit] ?? i.unit), .text(i.text),
                ] + deadlineCells(i.due, lang) + [
                    i.originalDue.day.map(OfficeCell.date) ?? .empty,
                    .text(i.state.label(lang)), i.daysOverdue.map(OfficeCell.number) ?? .empty,
                    i.daysLeft.map(OfficeCell.number) ?? .empty, i.lastUpdate.map(OfficeCell.date) ?? .empty,
                    i.daysSinceUpdate.map(OfficeCell.number) ?? .empty, .number(i.reminders),
                    i.doneDate.map(OfficeCell.date) ?? .empty, i.note.map(OfficeCell.text) ?? .empty,
                ]
            }
            out.append(
                OfficeSheet(name: name, title: title(name), table: OfficeTable(columns: columns, rows: rows)))
        }
        return out
    }
}

/// `digest --format docx`.
public struct DigestDocxRenderer: DigestRenderer {
    public var lang: Language
    public var stamp: DocumentStamp?
    public var previous: ReportDocument.Previous?

    public init(lang: Language, stamp: DocumentStamp? = nil, previous: ReportDocument.Previous? = nil) {
        self.lang = lang
        self.stamp = stamp
        self.previous = previous
    }

    public func bytes(_ report: DigestReport) throws(FollowupError) -> [UInt8] {
        let (doc, _) = ReportDocument.document(
            report, stamp: stamp ?? DocumentStamp(date: report.asOf), previous: previous, lang: lang)
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
    public static func bytes(
        _ rows: [TaskRow], units: UnitRegistry, settings: Settings, asOf: Day, lang: Language
    ) throws(FollowupError) -> [UInt8] {
        let labels = DigestLabels(lang: lang)
        let columns: [OfficeTable.Column] = [
            .init(labels.pick("Mã nhiệm vụ", "Task ID"), weight: 1), .init(labels.meetingDate, weight: 1),
            .init(labels.pick("Mã đơn vị", "Unit code"), weight: 1), .init(labels.unit, weight: 1),
            .init(labels.pick("Đơn vị phối hợp", "Supporting units"), weight: 1), .init(labels.text, weight: 1),
            .init(labels.deadline, weight: 1), .init(labels.ongoing, weight: 1),
            .init(labels.pick("Hạn gốc", "Original due"), weight: 1),
            .init(labels.status, weight: 1), .init(labels.lastUpdate, weight: 1),
        ]
        func name(_ code: String) -> String { units.resolve(code)?.name ?? code }
        let table = OfficeTable(
            columns: columns,
            rows: rows.map { t in
                [
                    .text(t.id), .date(t.meetingDate), .text(t.unit), .text(name(t.unit)),
                    t.support.isEmpty ? .empty : .text(t.support.map(name).joined(separator: "; ")), .text(t.text),
                ] + ReportDocument.deadlineCells(t.due, lang) + [
                    t.originalDue.day.map(OfficeCell.date) ?? .empty, .text(t.status.label(lang)),
                    t.updated.map(OfficeCell.date) ?? .empty,
                ]
            })
        let sheet = labels.pick("Nhiệm vụ", "Tasks")
        return try XlsxWriter.bytes([
            OfficeSheet(
                name: sheet,
                title: ReportDocument.title(
                    settings, labels.pick("Danh sách nhiệm vụ", "Task list"), asOf: asOf, labels),
                table: table)
        ])
    }
}
