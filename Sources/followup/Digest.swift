import ArgumentParser
import FollowupCLI
import FollowupKit
import Foundation

extension DigestFormat: ExpressibleByArgument {}
enum FailOn: String, ExpressibleByArgument, CaseIterable { case overdue, blocked, errors }

struct Digest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Print the follow-up digest: progress per unit, overdue, blocked, due-soon and stale tasks.",
        usage: """
            followup digest [--root <dir>] [--lang <lang>] [--as-of <date>] [--unit <unit> ...] [--meeting <id>]
                            [--since <date>] [--due-soon <n>] [--stale <n>] [--format <format>] [--number <no>]
                            [--date <date>] [--output <file>] [--fail-on <what> ...]
            """,
        discussion: """
            The report offices send the leadership: tasks done on time / late, not done within \
            deadline / overdue, per unit and in total, cut at a date (--as-of, default today). \
            Only meetings and history entries dated on or before that day count.

            Examples:
              followup digest
              followup digest --as-of 30/06/2022 --format markdown
              followup digest --unit VP --lang en
              followup digest --format html --output bao-cao.html
              followup digest --format docx --number 12 --date 05/02/2027 --output bao-cao.docx
              followup digest --format xlsx --output bao-cao.xlsx
              followup digest --output bao-cao.html    # the format from the extension: html, csv, json, md
              followup digest --fail-on overdue    # exit 1 when any task is overdue (for cron)
            """
    )

    @OptionGroup var options: CommonOptions

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The day the report is cut at (default: today).", valueName: "date"))
    var asOf: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Only this unit or unit group (code, name or alias); repeatable.", valueName: "unit"),
        completion: Complete.unitsOrGroups)
    var unit: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only meetings whose ID starts with this.", valueName: "id"))
    var meeting: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Start of the 'completed / assigned since' lists (default: 7 days before --as-of).", valueName: "date"))
    var since: String?

    @Option(name: .customLong("due-soon"), help: ArgumentHelp("Days ahead that count as due soon.", valueName: "n"))
    var dueSoon: Int = 7

    @Option(name: .long, help: ArgumentHelp("Days without an update that make a task stale.", valueName: "n"))
    var stale: Int = 30

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output format: text, markdown, json, csv, html, docx or xlsx (default: from the --output file's "
                + "extension, "
                + "else text; docx and xlsx need --output).",
            valueName: "format"))
    var format: DigestFormat?

    @OptionGroup var document: DocumentOptions

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp("Exit 1 when there is any: overdue, blocked, errors (in the records).", valueName: "what"))
    var failOn: [FailOn] = []

    func validate() throws {
        guard dueSoon >= 0, stale >= 1 else { throw ValidationError("--due-soon must be ≥ 0 and --stale ≥ 1") }
    }

    func run() throws {
        let lang = options.language
        try reporting(lang) {
            let format = try DigestFormat.choose(flag: format, output: output)
            if format.isBinary, output == nil { throw FollowupError.binaryNeedsOutput(format.rawValue) }
            var day = options.today
            if let asOf { day = try parseDay(asOf, option: "--as-of") }
            var sinceDay: Day?
            if let since { sinceDay = try parseDay(since, option: "--since") }
            var digestOptions = DigestOptions(
                assessment: AssessmentOptions(asOf: day, dueSoonDays: dueSoon, staleDays: stale),
                meetingPrefix: meeting, since: sinceDay, allItems: format == .csv)
            // Each record is judged in the worker that read it; only its part is kept.
            var found = try Loader.scan(root: options.rootPath) { [digestOptions] meeting, tasks in
                DigestPart(meeting, tasks: tasks, options: digestOptions)
            }
            digestOptions.units = Set(try unit.flatMap { try resolveUnits($0, in: found.units) })
            let report = DigestReport.make(
                parts: found.takeParts(), units: found.units, settings: found.settings,
                options: digestOptions)
            let terminal = options.terminal
            if format == .json, output == nil {
                // Streamed: a large report is never whole in memory.
                DigestJSONRenderer.stream(report) { Output.write($0) }
            } else {
                let color = output == nil && terminal.color
                let stamp = try document.stamp(default: day)
                var renderer = format.renderer(lang: lang, width: terminal.width, color: color, stamp: stamp)
                if format == .docx {
                    // The report compares with the previous period: the digest replayed as of
                    // the start of this one (--since).
                    let before = DigestOptions(
                        assessment: AssessmentOptions(
                            asOf: digestOptions.since, dueSoonDays: dueSoon, staleDays: stale),
                        units: digestOptions.units, meetingPrefix: meeting, allItems: false)
                    var earlier = try Loader.scan(root: options.rootPath) { meeting, tasks in
                        DigestPart(meeting, tasks: tasks, options: before)
                    }
                    let previous = DigestReport.make(
                        parts: earlier.takeParts(), units: earlier.units, settings: earlier.settings, options: before)
                    renderer = DigestDocxRenderer(
                        lang: lang, stamp: stamp,
                        previous: ReportDocument.Previous(asOf: digestOptions.since, totals: previous.totals))
                }
                let bytes = try renderer.bytes(report)
                if format == .html || format == .docx {
                    let frame = DocumentFrame(settings: report.settings, kind: .report, stamp: stamp, lang: lang)
                    if let warning = frame.warning(lang) { Output.error(warning) }
                }
                if let output { try writeOutput(bytes, to: output) } else { Output.write(bytes) }
            }
            warnIfErrors(found.errorCount, lang)
            let failed =
                failOn.contains(.overdue) && report.totals.overdue > 0
                || failOn.contains(.blocked) && report.totals.blocked > 0
                || failOn.contains(.errors) && found.errorCount > 0
            if failed { throw ExitCode(1) }
        }
    }
}

/// Writes a report file atomically; refuses to replace a directory or write through a link.
func writeOutput(_ bytes: [UInt8], to path: String) throws(FollowupError) {
    if path.contains("\0") { throw FollowupError(.unsafeName(path), kind: .badInput) }
    var st = stat()
    if lstat(path, &st) == 0 {
        let kind = st.st_mode & S_IFMT
        if kind == S_IFLNK { throw FollowupError(.outputFailed(path, reason: "symbolic link")) }
        if kind == S_IFDIR { throw FollowupError(.outputIsFolder(path)) }
        try AtomicFile().replace(path, with: bytes, mode: st.st_mode & 0o7777)
    } else {
        try checkOutputFolder(of: path)
        try AtomicFile().replace(path, with: bytes, mode: 0o644)
    }
}

/// The folder a new output file goes in must exist, be a folder and be writable: said here
/// in the user's language rather than as the system's English reason.
private func checkOutputFolder(of path: String) throws(FollowupError) {
    let parent = (path as NSString).deletingLastPathComponent
    let folder = parent.isEmpty ? "." : parent
    var st = stat()
    guard stat(folder, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
        throw FollowupError(.outputFolderMissing(path, folder: folder))
    }
    if access(folder, W_OK) != 0 { throw FollowupError(.outputFolderNotWritable(path, folder: folder)) }
}
