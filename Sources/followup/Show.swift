import ArgumentParser
import FollowupCLI
import FollowupKit

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one task: its conclusion, units, deadlines, state and full history.",
        discussion: """
            Example:
              followup show 2022-04-29-cchc#4
              followup show 2026-10-05#2 --as-of 2026-10-31
            """
    )

    @OptionGroup var options: CommonOptions
    @Argument(help: "The task (ID or unique short form).", completion: Complete.tasks) var task: String
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("Judge the task as of this day (default: today).", valueName: "date")) var asOf: String?

    func run() throws {
        let lang = options.language
        try reporting(lang) {
            var day = options.today
            if let asOf { day = try parseDay(asOf, option: "--as-of") }
            let (ledger, item) = try TaskLocator.locate(task, root: options.rootPath)
            Output.print(TaskView.render(item, ledger: ledger, asOf: day, lang: lang))
        }
    }
}
