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

    /// One number per letter, in letter order: `--number 215` gives 215, 216, …; a list
    /// (`215,219,230`) gives its numbers; a full number with its code (`215/UBND-VP`) fits
    /// one letter only; none leaves every number blank.
    public static func numbers(_ spec: String?, count: Int) throws(FollowupError) -> [String?] {
        guard let spec, !spec.isEmpty else { return Array(repeating: nil, count: count) }
        let list = spec.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if list.count == 1, let first = Int(list[0]), first > 0 {
            return (0..<count).map { String(first + $0) }
        }
        guard list.count == count, Set(list).count == count, !list.contains(where: \.isEmpty) else {
            throw FollowupError(.letterNumbers(spec, letters: count), kind: .badInput)
        }
        return list
    }

    /// The letters as one Word file, a letter a page (what `remind --format docx --output
    /// FILE.docx` writes and the portal sends), and the warning of a frame the settings leave
    /// incomplete.
    public static func docx(
        _ letters: [ReminderLetter], settings: Settings, units: UnitRegistry,
        stamps: [DocumentStamp], asOf: Day, replyBy: Day, lang: Language
    ) throws(FollowupError) -> (bytes: [UInt8], warning: String?) {
        let (docs, frame) = documents(
            letters, settings: settings, units: units, stamps: stamps, asOf: asOf, replyBy: replyBy, lang: lang)
        return (try DocxWriter(lang: lang).bytes(docs), frame.warning(lang))
    }

    /// The letters as documents, `stamps[i]` the number and date of `letters[i]`.
    public static func documents(
        _ letters: [ReminderLetter], settings: Settings, units: UnitRegistry,
        stamps: [DocumentStamp], asOf: Day, replyBy: Day,
        lang: Language
    ) -> ([OfficialDocument], DocumentFrame) {
        let labels = DigestLabels(lang: lang)
        let wording = ReminderWording(settings: settings, units: units, replyBy: replyBy, lang: lang)
        var last = DocumentFrame(
            settings: settings, kind: .letter, stamp: stamps.first ?? DocumentStamp(date: asOf), lang: lang)
        let docs = zip(letters, stamps).map { l, stamp -> OfficialDocument in
            let frame = DocumentFrame(settings: settings, kind: .letter, stamp: stamp, lang: lang)
            last = frame
            let blocked = l.items.filter(\.assessment.blocked)
            let overdue = l.overdue.filter { !$0.assessment.blocked }
            let soon = l.dueSoon.filter { !$0.assessment.blocked }
            var body: [OfficeBlock] = [.paragraph(wording.opening(l, asOf: asOf))]
            func from(_ i: ReminderLetter.Item) -> String {
                wording.source(i) + (wording.earlier(i).map { ". " + $0 } ?? "")
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
                                no, .init(labels.text, weight: 32),
                                .init(lang.pick("Theo kết luận", "From"), weight: 32),
                                .init(labels.deadline, weight: 16),
                                .init(labels.daysOverdue, weight: 13, numeric: true),
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
                                no, .init(labels.text, weight: 32),
                                .init(lang.pick("Theo kết luận", "From"), weight: 32),
                                .init(labels.deadline, weight: 16), .init(labels.daysLeft, weight: 13, numeric: true),
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
            body += wording.closing(l).map(OfficeBlock.paragraph)
            return frame.document(
                excerpt: lang.pick(
                    // Two balanced lines: one line overran the column and left "giao" alone.
                    "V/v đôn đốc thực hiện\nnhiệm vụ được giao",
                    "Re: reminder of assigned tasks"),
                title: nil, summary: nil, addressees: [l.unitName], body: body,
                recipients: frame.recipientLines(
                    first: [lang.pick("Như trên", "As above")],
                    lang: lang))
        }
        return (docs, last)
    }
}
