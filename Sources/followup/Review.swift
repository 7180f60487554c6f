import ArgumentParser
import FollowupCLI
import FollowupKit

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Accept or return a unit's report of done that awaits the office's review.",
        discussion: """
            Where settings.yaml has review: true, a unit's done (from the portal) waits as \
            "chờ xác nhận" until the office decides. accept counts the task done as of the unit's \
            date; return sends it back to in progress, with the reason in --note (required), which \
            the unit sees on its page.

            Examples:
              followup review 2026-11-16#2 accept
              followup review 2026-11-16#2 return --note "Thiếu biên bản nghiệm thu kèm theo"
            """
    )

    @OptionGroup var options: CommonOptions
    @Argument(help: "The task (ID or unique short form).", completion: Complete.tasks) var task: String
    @Argument(
        help: "accept or return (also: chap-nhan, tra-lai).",
        completion: .list(["accept", "return", "chap-nhan", "tra-lai"])) var decision: String
    @Option(name: .long, help: ArgumentHelp("The reason (required to return).", valueName: "text")) var note: String?
    @OptionGroup var entry: EntryOptions

    func run() throws {
        let lang = options.language
        try reporting(lang) {
            guard let review = Review(decision: decision) else {
                throw FollowupError(.badReviewDecision(decision), kind: .badInput)
            }
            let common = try entry.common(note: note, today: options.today)
            let (ledger, item) = try TaskLocator.locate(task, root: options.rootPath)
            let meeting = ledger.meeting(of: item)
            let store = RecordStore(root: options.rootPath, units: ledger.units, hooks: writeHooks(options.environment))
            let written = try store.append(to: meeting) { (snapshot) throws(FollowupError) in
                [try TaskUpdates.review(review, task: item.id, common, units: ledger.units, in: snapshot)]
            }
            printRecorded(written, path: meeting.path, lang: lang)
        }
    }
}
