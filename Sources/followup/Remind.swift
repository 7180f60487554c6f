import ArgumentParser
import FollowupCLI
import FollowupKit
import Foundation

enum RemindFormat: String, ExpressibleByArgument, CaseIterable { case text, docx }

struct Remind: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Print reminders (đôn đốc) per unit for overdue and soon-due tasks; --record logs them.",
        discussion: """
            For each unit with overdue tasks or tasks due within --due-soon days, prints a text \
            ready to paste into an official letter. With --record, a reminder entry is appended to \
            each task concerned, so reports count reminders and flag tasks reminded three times.

            Examples:
              followup remind
              followup remind --unit TNMT --record --document 215/UBND-VP
              followup remind --format docx --number 215 --output don-doc/     # 215, 216, … one file each
              followup remind --format docx --number 215 --record --output don-doc.docx
            """
    )

    @OptionGroup var options: CommonOptions
    @Option(
        name: .long,
        help: ArgumentHelp("Only this unit or unit group (code, name or alias); repeatable.", valueName: "unit"),
        completion: Complete.unitsOrGroups) var unit: [String] = []
    @Option(
        name: .customLong("as-of"), help: ArgumentHelp("The day of the reminder (default: today).", valueName: "date"))
    var asOf: String?
    @Option(name: .customLong("due-soon"), help: ArgumentHelp("Days ahead that count as due soon.", valueName: "n"))
    var dueSoon: Int = 7
    @Flag(name: .long, help: "Append a reminder entry to each task concerned.") var record = false
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The letters' number, recorded with --record: as --number (215 gives 215, 216, …).",
            valueName: "no"))
    var document: String?
    @Option(name: .long, help: "Output format: text, or docx (letters in the official form; needs --output).")
    var format: RemindFormat = .text
    @Option(
        name: .long,
        help: ArgumentHelp(
            "docx: a folder (one file per unit) or a .docx file (one letter a page).",
            valueName: "path"))
    var output: String?
    @Option(
        name: .customLong("reply-by"),
        help: ArgumentHelp(
            "The day units report back by (default: 7 days after the letter).",
            valueName: "date"))
    var replyBy: String?
    @OptionGroup var letter: DocumentOptions

    func validate() throws {
        guard dueSoon >= 0 else { throw ValidationError("--due-soon must be ≥ 0") }
    }

    func run() throws {
        let lang = options.language
        try reporting(lang) {
            var day = options.today
            if let asOf { day = try parseDay(asOf, option: "--as-of") }
            let ledger = try loadLedger(options)
            let codes = Set(try unit.flatMap { try resolveUnits($0, in: ledger.units) })
            if format == .docx, output == nil { throw FollowupError.binaryNeedsOutput("docx") }
            let letters = ReminderDocument.addressed(
                Reminders.letters(ledger, options: AssessmentOptions(asOf: day, dueSoonDays: dueSoon), units: codes),
                settings: ledger.settings)
            if letters.isEmpty {
                Output.print(lang.pick("Không có nhiệm vụ nào cần đôn đốc.\n", "Nothing to remind.\n"))
                return
            }
            let stamp = try letter.stamp(default: day)
            var reply = stamp.date.adding(days: 7)
            if let replyBy { reply = try parseDay(replyBy, option: "--reply-by") }
            // Each letter its own number: --number 215 gives 215, 216, … in letter order.
            let numbers = try ReminderDocument.numbers(stamp.number ?? document, count: letters.count)
            let stamps = numbers.map { DocumentStamp(number: $0, date: stamp.date) }
            let wording = ReminderWording(
                settings: ledger.settings, units: ledger.units, replyBy: reply, lang: lang)
            if format == .docx, let output {
                try writeLetters(
                    letters, ledger: ledger, stamps: stamps, asOf: day, replyBy: reply, to: output, lang: lang)
            } else {
                Output.print(
                    letters.map { ReminderTextRenderer.text($0, asOf: day, wording: wording) }
                        .joined(separator: "\n────────\n\n"))
            }
            guard record else { return }
            try TaskUpdates.refuseFuture(day, today: options.today)
            let store = RecordStore(root: ledger.root, units: ledger.units, hooks: writeHooks(options.environment))
            var count = 0
            var failed = 0
            let recorded = stamps.map { s in
                s.number.map { DocumentFrame.fullNumber($0, settings: ledger.settings, kind: .letter) }
            }
            for (_, result) in store.recordReminders(
                letters, on: day, documents: recorded, enteredBy: osUser(options.environment), ledger: ledger)
            {
                switch result {
                case .success(let n): count += n
                case .failure(let e):
                    Output.error(e.said(lang))
                    failed += 1
                }
            }
            Output.error(
                lang.pick(
                    "Đã ghi \(count) lần đôn "
                        + "đốc vào biên bản.", "Recorded \(count) reminders in the records."))
            if count > 0 { warnIfDriverMissing(options, lang: lang) }
            if failed > 0 { throw ExitCode(1) }
        }
    }
}

/// Writes the letters as Word files: into `path` as one .docx (a section per letter), or
/// one file per unit in the folder `path` (made if missing), named with the letter's number.
func writeLetters(
    _ letters: [ReminderLetter], ledger: Ledger, stamps: [DocumentStamp], asOf: Day, replyBy: Day,
    to path: String, lang: Language
) throws(FollowupError) {
    if path.lowercased().hasSuffix(".docx") {
        let (bytes, warning) = try ReminderDocument.docx(
            letters, settings: ledger.settings, units: ledger.units, stamps: stamps,
            asOf: asOf, replyBy: replyBy, lang: lang)
        if let warning { Output.error(warning) }
        try writeOutput(bytes, to: path)
        Output.error(
            lang.pick(
                "Đã ghi \(letters.count) công văn vào \(path)", "Wrote \(letters.count) letters to \(path)"))
        return
    }
    let (docs, frame) = ReminderDocument.documents(
        letters, settings: ledger.settings, units: ledger.units, stamps: stamps,
        asOf: asOf, replyBy: replyBy, lang: lang)
    if let warning = frame.warning(lang) { Output.error(warning) }
    let writer = DocxWriter(lang: lang)
    var isDir: ObjCBool = false
    if !FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw FollowupError(.outputFailed(path, reason: "\(error.localizedDescription)"))
        }
    } else if !isDir.boolValue {
        throw FollowupError(
            .outputFailed(
                path, reason: lang.pick("không phải thư mục hay tệp .docx", "not a folder or a .docx file")))
    }
    for ((l, doc), stamp) in zip(zip(letters, docs), stamps) {
        // "don-doc-215-TNMT.docx": the number first, as the register lists them; a full number's
        // "/" cannot be in a file name.
        let number = stamp.number.map { $0.replacingOccurrences(of: "/", with: "-") + "-" } ?? ""
        let file = (path.hasSuffix("/") ? path : path + "/") + "don-doc-\(number)\(l.unit).docx"
        try writeOutput(try writer.bytes([doc]), to: file)
        Output.error(file)
    }
}
