import Foundation
import ArgumentParser
import FollowupKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every meeting record and report all problems at once.",
        discussion: """
        Prints each problem as path:line:col: error: message (or warning:) on stderr, in file \
        and line order, then a one-line summary. Exit status 0 when there is no error, 1 when \
        there is any.

        Example:
          followup check --root meetings
        """
    )

    @OptionGroup var options: CommonOptions

    func run() throws {
        let lang = options.language
        try reporting(lang) {
            let ledger = try loadLedger(options)
            for d in ledger.diagnostics { Output.error(d.rendered(lang)) }
            let summary = CheckSummary(files: ledger.fileCount, tasks: ledger.tasks.count,
                                       errors: ledger.errorCount, warnings: ledger.warningCount)
            if ledger.errorCount > 0 {
                Output.error(summary.text(lang))
                throw ExitCode(1)
            }
            Output.print(summary.text(lang) + "\n")
            finish(keeping: ledger)
        }
    }
}
