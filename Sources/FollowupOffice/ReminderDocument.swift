import FollowupLoading
import FollowupModel
import FollowupRendering
import FollowupReports
import FollowupSupport

/// The reminder letters (công văn đôn đốc): one to each unit, its overdue and soon-due tasks
/// with their deadlines, the blocked ones apart with their reasons, and a reply-by date.
public enum ReminderDocument {
    /// Letters to every unit but the office itself (`office` in settings.yaml), which
    /// does not write to itself.
    public static func addressed(_ letters: [ReminderLetter], settings: Settings) -> [ReminderLetter] {
        guard let office = settings.office else { return letters }
        return letters.filter { $0.unit != office }
    }

    public static func documents(
        _ letters: [ReminderLetter], settings: Settings, units: UnitRegistry,
        stamp: DocumentStamp, asOf: Day, replyBy: Day,
        lang: Language
    ) -> ([OfficialDocument], DocumentFrame) {
        let frame = DocumentFrame(settings: settings, kind: .letter, stamp: stamp, lang: lang)
        let labels = DigestLabels(lang: lang)
        let office =
            settings.office.flatMap { units.resolve($0)?.name }
            ?? lang.pick("Văn phòng", "the office")
        let docs = letters.map { l -> OfficialDocument in
            let blocked = l.items.filter(\.assessment.blocked)
            let overdue = l.overdue.filter { !$0.assessment.blocked }
            let soon = l.dueSoon.filter { !$0.assessment.blocked }
            var parts: [String] = []
            let o = l.overdue.count
            let s = l.dueSoon.count
            if o > 0 { parts.append(lang.pick("\(o) nhiệm vụ quá hạn", "\(o) overdue")) }
            if s > 0 { parts.append(lang.pick("\(s) nhiệm vụ sắp đến hạn", "\(s) due soon")) }
            let what = parts.joined(separator: lang.pick(" và ", " and "))
            var body: [OfficeBlock] = [
                .paragraph(
                    lang.pick(
                        "Theo dõi việc thực hiện kết luận của các cuộc họp, tính đến ngày "
                            + "\(asOf.vietnamese), \(l.unitName) còn \(what) chưa hoàn thành, cụ thể như sau:",
                        "As of \(asOf.iso), \(l.unitName) has \(what) \(l.items.count == 1 ? "task" : "tasks") "
                            + "from meeting conclusions not completed:"))
            ]
            func from(_ i: ReminderLetter.Item) -> String {
                let notice = i.notice.map { lang.pick("Thông báo số \($0), ", "notice \($0), ") } ?? ""
                return notice + lang.pick("họp ngày ", "meeting of ") + lang.format(i.meetingDate)
            }
            func deadline(_ i: ReminderLetter.Item) -> String {
                labels.deadline(i.assessment.timeline.deadline, original: i.task.due)
            }
            let no = OfficeTable.Column(lang.pick("TT", "No."), weight: 7, numeric: true)
            var section = 0
            let roman = ["1", "2", "3"]
            if !overdue.isEmpty {
                body.append(.heading("\(roman[section]). " + lang.pick("Nhiệm vụ quá hạn", "Overdue tasks")))
                section += 1
                body.append(
                    .table(
                        OfficeTable(
                            columns: [
                                no, .init(labels.text, weight: 40),
                                .init(lang.pick("Theo kết luận", "From"), weight: 20),
                                .init(labels.deadline, weight: 17),
                                .init(labels.daysOverdue, weight: 16, numeric: true),
                            ],
                            rows: overdue.enumerated().map { n, i in
                                [
                                    .number(n + 1), .text(i.text), .text(from(i)), .text(deadline(i)),
                                    .number(i.assessment.daysLate ?? 0),
                                ]
                            })))
            }
            if !soon.isEmpty {
                body.append(
                    .heading("\(roman[section]). " + lang.pick("Nhiệm vụ sắp đến hạn", "Tasks due soon")))
                section += 1
                body.append(
                    .table(
                        OfficeTable(
                            columns: [
                                no, .init(labels.text, weight: 40),
                                .init(lang.pick("Theo kết luận", "From"), weight: 20),
                                .init(labels.deadline, weight: 17), .init(labels.daysLeft, weight: 16, numeric: true),
                            ],
                            rows: soon.enumerated().map { n, i in
                                [
                                    .number(n + 1), .text(i.text), .text(from(i)), .text(deadline(i)),
                                    .number(i.assessment.daysLeft ?? 0),
                                ]
                            })))
            }
            if !blocked.isEmpty {
                body.append(
                    .heading(
                        "\(roman[section]). "
                            + lang.pick(
                                "Nhiệm vụ đơn vị báo cáo vướng mắc",
                                "Tasks the unit reported blocked")))
                body.append(
                    .table(
                        OfficeTable(
                            columns: [
                                no, .init(labels.text, weight: 33), .init(labels.deadline, weight: 17),
                                .init(labels.daysOverdue, weight: 12, numeric: true), .init(labels.note, weight: 31),
                            ],
                            rows: blocked.enumerated().map { n, i in
                                [
                                    .number(n + 1), .text(i.text), .text(deadline(i)),
                                    i.assessment.state == .overdue ? .number(i.assessment.daysLate ?? 0) : .empty,
                                    .text(i.assessment.timeline.lastNote ?? ""),
                                ]
                            })))
            }
            body.append(
                .paragraph(
                    lang.pick(
                        "Đề nghị \(l.unitName) khẩn trương triển khai thực hiện các nhiệm vụ "
                            + "trên; đối với nhiệm vụ vướng mắc, đề xuất cụ thể hướng giải quyết. Báo cáo kết quả về "
                            + "\(office) trước ngày \(replyBy.vietnamese) để tổng hợp, báo cáo lãnh đạo.",
                        "\(l.unitName) is asked to carry out the tasks above without delay and, for blocked "
                            + "ones, to propose "
                            + "a way forward; please report the results to \(office) by \(replyBy.iso).")))
            return frame.document(
                excerpt: lang.pick(
                    "V/v đôn đốc thực hiện nhiệm vụ được giao",
                    "Re: reminder of assigned tasks"),
                title: nil, summary: nil, addressees: [l.unitName], body: body,
                recipients: frame.recipientLines(
                    first: [lang.pick("Như trên", "As above")],
                    lang: lang))
        }
        return (docs, frame)
    }
}
