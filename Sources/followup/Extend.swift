import ArgumentParser
import FollowupCLI
import FollowupKit

struct Extend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Extend a task's deadline (gia hạn), keeping the original in the record.",
        discussion: """
            Appends an entry with the new deadline and the reason; reports then judge the task \
            against the new deadline and still show the original. Only a later date is accepted.

            Example:
              followup extend 2026-10-05#5 --to 2026-12-15 --note "UBND tỉnh chưa phân bổ kinh phí"
            """
    )

    @OptionGroup var options: CommonOptions
    @Argument(help: "The task (ID or unique short form).", completion: Complete.tasks) var task: String
    @Option(name: .long, help: ArgumentHelp("The new deadline, yyyy-MM-dd or dd/MM/yyyy.", valueName: "date")) var to:
        String
    @Option(name: .long, help: ArgumentHelp("The reason for the extension (required).", valueName: "text")) var note:
        String
    @OptionGroup var entry: EntryOptions

    func run() throws {
        let lang = options.language
        try reporting(lang) {
            let day = try parseDay(to, option: "--to")
            let common = try entry.common(note: note, today: options.today)
            let (ledger, item) = try TaskLocator.locate(task, root: options.rootPath)
            let meeting = ledger.meeting(of: item)
            let store = RecordStore(root: options.rootPath, units: ledger.units, hooks: writeHooks(options.environment))
            let written = try store.append(to: meeting) { (snapshot) throws(FollowupError) in
                [try TaskUpdates.extend(to: day, task: item.id, common, units: ledger.units, in: snapshot)]
            }
            printRecorded(written, path: meeting.path, lang: lang)
            warnIfDriverMissing(options, lang: lang)
        }
    }
}
