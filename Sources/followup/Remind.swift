import ArgumentParser
import FollowupKit

struct Remind: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print reminders (đôn đốc) per unit for overdue and soon-due tasks; --record logs them.",
        discussion: """
        For each unit with overdue tasks or tasks due within --due-soon days, prints a text \
        ready to paste into an official letter. With --record, a reminder entry is appended to \
        each task concerned, so reports count reminders and flag tasks reminded three times.

        Examples:
          followup remind
          followup remind --unit TNMT --record --document 215/UBND-VP
        """
    )

    @OptionGroup var options: CommonOptions
    @Option(name: .long, help: ArgumentHelp("Only this unit (code, name or alias); repeatable.", valueName: "unit"), completion: Complete.units) var unit: [String] = []
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day of the reminder (default: today).", valueName: "date")) var asOf: String?
    @Option(name: .customLong("due-soon"), help: ArgumentHelp("Days ahead that count as due soon.", valueName: "n")) var dueSoon: Int = 7
    @Flag(name: .long, help: "Append a reminder entry to each task concerned.") var record = false
    @Option(name: .long, help: ArgumentHelp("Number of the reminder letter, recorded with --record.", valueName: "no")) var document: String?

    func validate() throws {
        guard dueSoon >= 0 else { throw ValidationError("--due-soon must be ≥ 0") }
    }

    func run() throws {
        let lang = options.language
        try reporting(lang) {
            var day = options.today
            if let asOf { day = try parseDay(asOf, option: "--as-of") }
            let ledger = try loadLedger(options)
            let codes = Set(try unit.map { try resolveUnit($0, in: ledger.units) })
            let letters = Reminders.letters(ledger, options: AssessmentOptions(asOf: day, dueSoonDays: dueSoon), units: codes)
            if letters.isEmpty {
                Output.print(lang.pick("Không có nhiệm vụ nào cần đôn đốc.\n", "Nothing to remind.\n"))
                return
            }
            Output.print(letters.map { ReminderTextRenderer.text($0, asOf: day, lang: lang) }.joined(separator: "\n────────\n\n"))
            guard record else { return }
            if day > options.today { throw FollowupError(.dateInFuture(day, today: options.today)) }
            let store = RecordStore(root: ledger.root, units: ledger.units, hooks: writeHooks(options.environment))
            var count = 0, failed = 0
            for (_, result) in store.recordReminders(letters, on: day, document: document, ledger: ledger) {
                switch result {
                case .success(let n): count += n
                case .failure(let e):
                    Output.error(e.rendered(lang))
                    failed += 1
                }
            }
            Output.error(lang.pick("Đã ghi \(count) lần đôn đốc vào biên bản.", "Recorded \(count) reminders in the records."))
            if failed > 0 { throw ExitCode(1) }
        }
    }
}
