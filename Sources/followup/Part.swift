import ArgumentParser
import FollowupCLI
import FollowupKit

/// `followup part`: a supporting unit's report of its part in a task it supports.
struct PartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "part",
        abstract: "Record a supporting unit's report of its part in a task (it does not change the task's status).",
        discussion: """
            A unit named in a task's support (phối hợp) reports what it did with a note, a date \
            and a document. The entry has by: set to that unit and no status: the task's status \
            and deadline stay the lead unit's, and the lead's last report is not moved. --by must \
            be one of the task's supporting units; --note is required.

            Examples:
              followup part 2026-11-16#5 --by TTPTQD --note "Đã cung cấp hồ sơ địa chính các thửa đất"
              followup part 205/TB-UBND#2 --by TT-TANKY --note "Đã xác minh 12 trường hợp" --document 45/BC-UBND
            """
    )

    @OptionGroup var options: CommonOptions
    @Argument(help: "The task (ID or unique short form).", completion: Complete.tasks) var task: String
    @Option(name: .long, help: ArgumentHelp("What the supporting unit did (required).", valueName: "text")) var note:
        String?
    @OptionGroup var entry: EntryOptions
    @OptionGroup var attachments: AttachOptions

    func run() throws {
        let lang = options.language
        try reporting(lang) {
            var common = try entry.common(note: note, today: options.today)
            let (ledger, item) = try TaskLocator.locate(task, root: options.rootPath)
            common.files = try attachments.store(for: item, ledger: ledger, root: options.rootPath)
            let meeting = ledger.meeting(of: item)
            let store = RecordStore(root: options.rootPath, units: ledger.units, hooks: writeHooks(options.environment))
            let written = try store.append(to: meeting) { (snapshot) throws(FollowupError) in
                [try TaskUpdates.part(task: item.id, common, units: ledger.units, in: snapshot)]
            }
            printRecorded(written, path: meeting.path, lang: lang)
            warnIfDriverMissing(options, lang: lang)
        }
    }
}
