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
    @Option(name: .long, help: ArgumentHelp("Only this unit (code, name or alias); repeatable.", valueName: "unit")) var unit: [String] = []
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day of the reminder (default: today).", valueName: "date")) var asOf: String?
    @Option(name: .customLong("due-soon"), help: ArgumentHelp("Days ahead that count as due soon.", valueName: "n")) var dueSoon: Int = 7
    @Flag(name: .long, help: "Append a reminder entry to each task concerned.") var record = false
    @Option(name: .long, help: ArgumentHelp("Number of the reminder letter, recorded with --record.", valueName: "no")) var document: String?

    func run() throws {
        let lang = options.language
        let day = try asOf.map { try parseDay($0, option: "--as-of") } ?? options.today
        try reporting(lang) {
            let ledger = try loadLedger(options)
            let codes = Set(try unit.map { try resolveUnit($0, in: ledger) })
            let letters = Reminders.letters(ledger, options: AssessmentOptions(asOf: day, dueSoonDays: dueSoon), units: codes)
            if letters.isEmpty {
                Output.print(lang.pick("Không có nhiệm vụ nào cần đôn đốc.\n", "Nothing to remind.\n"))
                return
            }
            Output.print(letters.map { Reminders.text($0, ledger: ledger, asOf: day, lang: lang) }.joined(separator: "\n────────\n\n"))
            guard record else { return }
            let store = RecordStore(root: ledger.root, units: ledger.units, hooks: writeHooks(options.environment))
            // One write per meeting, holding all its reminder entries.
            var byMeeting: [Int: [String]] = [:]
            for l in letters { for a in l.tasks { byMeeting[a.task.meetingIndex, default: []].append(a.task.id) } }
            var count = 0
            for mi in byMeeting.keys.sorted() {
                let meeting = ledger.meetings[mi]
                let written = try store.append(to: meeting) { (snapshot) throws(FollowupError) in
                    var entries: [Update] = []
                    for id in byMeeting[mi] ?? [] {
                        entries.append(try TaskUpdates.reminder(task: id, TaskUpdates.Common(date: day, document: document),
                                                                units: ledger.units, in: snapshot))
                    }
                    return entries
                }
                count += written.count
            }
            Output.error(lang.pick("Đã ghi \(count) lần đôn đốc vào biên bản.", "Recorded \(count) reminders in the records."))
        }
    }
}
