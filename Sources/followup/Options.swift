import ArgumentParser
import FollowupCLI
import FollowupKit
import Foundation

/// Parses a date a user typed (yyyy-MM-dd or dd/MM/yyyy), or fails as bad usage.
func parseDay(_ text: String, option: String) throws(FollowupError) -> Day {
    guard let d = Day(userInput: text) else {
        throw FollowupError(.badDateArgument(option: option, text), kind: .badInput)
    }
    return d
}

/// Runs a command body, turning a `FollowupError` into its message on stderr and its exit code.
func reporting(_ lang: Language, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as FollowupError {
        Output.error(e.said(lang))
        throw ExitCode(e.kind == .badInput ? 64 : 1)
    }
}

/// Loads the root, printing nothing; errors in records are left to the caller.
func loadLedger(_ options: CommonOptions) throws(FollowupError) -> Ledger {
    try Loader.load(root: options.rootPath)
}

/// Options shared by the commands that add a history entry.
struct EntryOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Date of the report, yyyy-MM-dd or dd/MM/yyyy (default: today).", valueName: "date"))
    var date: String?

    @Option(
        name: .long, help: ArgumentHelp("The unit that reported (code, name or alias).", valueName: "unit"),
        completion: Complete.units)
    var by: String?

    @Option(name: .long, help: ArgumentHelp("Number of the report or letter, e.g. 112/BC-VP.", valueName: "no"))
    var document: String?

    func common(note: String?, today: Day) throws(FollowupError) -> TaskUpdates.Common {
        var day = today
        if let date { day = try parseDay(date, option: "--date") }
        try TaskUpdates.refuseFuture(day, today: today)
        if TaskUpdates.Common.isEmptyNote(note) { throw FollowupError(.emptyNote, kind: .badInput) }
        return TaskUpdates.Common(
            date: day, note: note, by: by, enteredBy: osUser(Console.current.environment), document: document)
    }
}

/// Who runs the command: the OS user (`USER`, else `LOGNAME`), recorded as `entered_by`.
func osUser(_ env: [String: String]) -> String? {
    env["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LOGNAME"]
}

/// `--attach FILE` (repeatable): evidence files stored in the root and named by the entry.
struct AttachOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "An evidence file (PDF, DOCX, XLSX, ODT, JPG, PNG), stored beside the records; repeatable.",
            valueName: "file"),
        completion: .file())
    var attach: [String] = []

    /// Stores each file for `task` (refusing any the rules refuse, before anything is written);
    /// the paths for the entry's `files:`.
    func store(for task: TaskItem, ledger: Ledger, root: String) throws(FollowupError) -> [String] {
        var stored: [String] = []
        for file in attach {
            let path = try Evidence.store(
                file, name: file, meetingID: task.meetingID, taskID: task.id, root: root,
                limit: ledger.settings.evidenceLimit)
            if !stored.contains(path) { stored.append(path) }  // the same content twice: named once
        }
        return stored
    }
}
