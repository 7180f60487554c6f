import ArgumentParser
import FollowupKit

enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

struct Tasks: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the tracked tasks.",
        discussion: """
        One line per task: its ID, lead unit, deadline in force, current status, meeting date \
        and the conclusion text cut to the terminal width.

        Examples:
          followup tasks --unit VP
          followup tasks --status blocked --format json
          followup tasks --meeting 2022-04-29
        """
    )

    @OptionGroup var options: CommonOptions

    @Option(name: .long, help: ArgumentHelp("Only tasks of this unit (code, name or alias); repeatable.", valueName: "unit"), completion: Complete.units)
    var unit: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only tasks with this status (open, in_progress, blocked, done, cancelled); repeatable.", valueName: "status"))
    var status: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only tasks of meetings whose ID starts with this.", valueName: "id"))
    var meeting: String?

    @Option(name: .long, help: "Output format: text, json or csv.")
    var format: ListFormat = .text

    func run() throws {
        let lang = options.language
        try reporting(lang) {
            var filter = TaskFilter(meetingPrefix: meeting)
            for s in status {
                guard let st = Status(userInput: s) else { throw FollowupError(.badStatus(s), kind: .badInput) }
                filter.statuses.insert(st)
            }
            // Rows are made in the loader's workers; the records themselves are not kept.
            let found = try Loader.scan(root: options.rootPath) { meeting, tasks in
                TaskList.rows(of: meeting, tasks: tasks)
            }
            filter.units = Set(try unit.map { try resolveUnit($0, in: found.units) })
            let rows = TaskList.rows(found.parts, filter: filter)
            switch format {
            case .json: TaskListRenderer.stream(rows) { Output.write($0) }
            case .csv: Output.print(TaskListRenderer.csv(rows))
            case .text: Output.print(TaskListRenderer.text(rows, lang: lang, width: options.terminal.width))
            }
            warnIfErrors(found.errorCount, lang)
        }
    }
}

/// A unit given on the command line, as its code.
func resolveUnit(_ name: String, in units: UnitRegistry) throws(FollowupError) -> String {
    guard let u = units.resolve(name) else {
        throw FollowupError(.unknownUnit(name, suggestions: units.suggestions(for: name)), kind: .badInput)
    }
    return u.code
}

/// Reports (briefly) that the records have errors, so a report is not trusted blindly.
func warnIfErrors(_ errors: Int, _ lang: Language) {
    guard errors > 0 else { return }
    Output.error(lang.pick("followup: cảnh báo: các biên bản có \(errors) lỗi nên số liệu có thể chưa đúng. Chạy 'followup check' để xem và sửa.",
                           "followup: warning: the records have \(errors) \(errors == 1 ? "error" : "errors"), so the figures may be wrong. Run 'followup check' to see and fix them."))
}
