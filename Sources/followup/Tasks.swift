import ArgumentParser
import FollowupCLI
import FollowupKit

enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json, csv, xlsx }
extension TaskStateFilter: ExpressibleByArgument {}

struct Tasks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "List the tracked tasks.",
        usage: """
            followup tasks [--unit <unit> ...] [--status <status> ...] [--meeting <id>] [--chair <name>]
                           [--from <date>] [--to <date>] [--due-from <date>] [--due-to <date>] [--search <words>]
                           [--state <state> ...] [--as-of <date>] [--due-soon <n>] [--stale <n>]
                           [--format <format>] [--output <file>]
            """,
        discussion: """
            One line per task: its ID, lead unit, deadline in force, current status, meeting date \
            and the conclusion text cut to the terminal width.

            Examples:
              followup tasks --unit VP
              followup tasks --status blocked --format json
              followup tasks --meeting 2022-04-29
              followup tasks --format xlsx --output nhiem-vu.xlsx
              followup tasks --state overdue --state due_soon    # as the digest counts them today
              followup tasks --chair "Phan Văn Giáp" --from 2026-01-01 --search "giai ngan"
            """
    )

    @OptionGroup var options: CommonOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only tasks of this unit or unit group (code, name or alias); repeatable.", valueName: "unit"),
        completion: Complete.unitsOrGroups)
    var unit: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only tasks with this status (open, in_progress, blocked, done, cancelled); repeatable.",
            valueName: "status"))
    var status: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only tasks of meetings whose ID starts with this.", valueName: "id"))
    var meeting: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only tasks of meetings this person chaired (the name before the chair's comma).", valueName: "name"))
    var chair: String?

    @Option(name: .long, help: ArgumentHelp("Only tasks of meetings on or after this day.", valueName: "date"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Only tasks of meetings on or before this day.", valueName: "date"))
    var to: String?

    @Option(
        name: .customLong("due-from"),
        help: ArgumentHelp("Only tasks whose deadline in force is on or after this day.", valueName: "date"))
    var dueFrom: String?

    @Option(
        name: .customLong("due-to"),
        help: ArgumentHelp("Only tasks whose deadline in force is on or before this day.", valueName: "date"))
    var dueTo: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only tasks whose conclusion or a note holds these words (with or without diacritics).",
            valueName: "words"))
    var search: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only tasks in this state on --as-of, as the digest defines it; repeatable.", valueName: "state"))
    var state: [TaskStateFilter] = []

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "The day --state is judged on (default: today).",
            valueName: "date"))
    var asOf: String?

    @Option(
        name: .customLong("due-soon"),
        help: ArgumentHelp(
            "Days ahead that count as due soon (--state).",
            valueName: "n"))
    var dueSoon: Int = 7

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Days without an update that make a task stale (--state).",
            valueName: "n"))
    var stale: Int = 30

    @Option(name: .long, help: "Output format: text, json, csv or xlsx (xlsx needs --output).")
    var format: ListFormat = .text

    @Option(
        name: .long, help: ArgumentHelp("Write to this file instead of standard output (xlsx only).", valueName: "file")
    )
    var output: String?

    func validate() throws {
        guard dueSoon >= 0, stale >= 1 else { throw ValidationError("--due-soon must be ≥ 0 and --stale ≥ 1") }
        if output != nil, format != .xlsx { throw ValidationError("--output is for --format xlsx") }
    }

    func run() throws {
        let lang = options.language
        try reporting(lang) {
            if format == .xlsx, output == nil { throw FollowupError.binaryNeedsOutput("xlsx") }
            var filter = TaskFilter(
                meetingPrefix: meeting, chair: chair,
                meetingFrom: try from.map { d throws(FollowupError) in
                    try parseDay(d, option: "--from")
                },
                meetingTo: try to.map { d throws(FollowupError) in try parseDay(d, option: "--to") },
                dueFrom: try dueFrom.map { d throws(FollowupError) in try parseDay(d, option: "--due-from") },
                dueTo: try dueTo.map { d throws(FollowupError) in try parseDay(d, option: "--due-to") },
                words: search ?? "")
            for s in status {
                guard let st = Status(userInput: s) else { throw FollowupError(.badStatus(s), kind: .badInput) }
                filter.statuses.insert(st)
            }
            var day = options.today
            if let asOf { day = try parseDay(asOf, option: "--as-of") }
            let judged = AssessmentOptions(asOf: day, dueSoonDays: dueSoon, staleDays: stale)
            let states = Set(state)
            // Rows are made in the loader's workers; the records themselves are not kept.
            let asked = filter
            let found = try Loader.scan(root: options.rootPath) { meeting, tasks in
                TaskList.rows(of: meeting, tasks: tasks, states: states, options: judged, filter: asked)
            }
            filter.units = Set(try unit.flatMap { try resolveUnits($0, in: found.units) })
            let rows = TaskList.rows(found.parts, filter: filter)
            switch format {
            case .json: TaskListRenderer.stream(rows) { Output.write($0) }
            case .csv: Output.print(TaskListRenderer.csv(rows))
            case .text: Output.print(TaskListRenderer.text(rows, lang: lang, width: options.terminal.width))
            case .xlsx:
                if let output {
                    try writeOutput(
                        try TaskWorkbook.bytes(
                            rows, units: found.units, settings: found.settings, asOf: day, lang: lang), to: output)
                }
            }
            warnIfErrors(found.errorCount, lang)
        }
    }
}

/// Reports (briefly) that the records have errors, so a report is not trusted blindly.
func warnIfErrors(_ errors: Int, _ lang: Language) {
    guard errors > 0 else { return }
    Output.error(
        lang.pick(
            "followup: cảnh báo: các biên bản có \(errors) lỗi nên số liệu có thể chưa "
                + "đúng. Chạy 'followup check' để xem và sửa.",
            "followup: warning: the records have \(errors) \(errors == 1 ? "error" : "errors"), so the figures "
                + "may be wrong. Run 'followup check' to see and fix them."
        ))
}
