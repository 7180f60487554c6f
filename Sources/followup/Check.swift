import ArgumentParser
import FollowupCLI
import FollowupKit
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
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
            // Each record is checked in the worker that read it; only its task count is kept.
            let root = options.rootPath
            let found = try Loader.scan(root: root) { _, tasks in
                // Evidence files named by entries: there, and as their names' hashes say.
                (count: tasks.count, numbers: LetterNumbers.uses(tasks), evidence: Evidence.findings(tasks, root: root))
            }
            let git =
                GitSetup.unconfiguredDriverWarning(root: options.rootPath, environment: options.environment)
                .map { [$0] } ?? []
            // A letter's number used by another letter in the year: a rule across records.
            let reused = LetterNumbers.warnings(found.parts.flatMap(\.numbers))
            // One write for all of them: a root with hundreds of warnings made a system call each.
            let evidence = found.parts.flatMap(\.evidence)
            let problems = Diagnostic.sorted(found.diagnostics + reused + evidence) + git
            if !problems.isEmpty { Output.error(problems.map { $0.rendered(lang) }.joined(separator: "\n")) }
            let summary = CheckSummary(
                files: found.fileCount, tasks: found.parts.reduce(0) { $0 + $1.count },
                errors: found.errorCount + evidence.count, warnings: found.warningCount + reused.count + git.count)
            if found.errorCount + evidence.count > 0 {
                Output.error(summary.text(lang))
                throw ExitCode(1)
            }
            Output.print(summary.text(lang) + "\n")
        }
    }
}
