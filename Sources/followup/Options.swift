import ArgumentParser
import FollowupKit
import Foundation

extension Language: ExpressibleByArgument {}

/// Options every command takes: where the records are and what language to speak.
struct CommonOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("The meetings folder (default: $FOLLOWUP_ROOT, else ./meetings).", valueName: "dir"))
    var root: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Language of messages and reports: vi or en (default: from LANG, else vi).", valueName: "lang"))
    var lang: Language?

    var environment: [String: String] { Console.current.environment }

    var language: Language { Language.resolve(flag: lang, environment: environment) }

    var rootPath: String {
        if let root, !root.isEmpty { return root }
        if let r = environment["FOLLOWUP_ROOT"], !r.isEmpty { return r }
        return "meetings"
    }

    /// Today, from the clock, or from `FOLLOWUP_TODAY` (yyyy-MM-dd) so tests are reproducible.
    var today: Day {
        if let t = environment["FOLLOWUP_TODAY"], let d = Day(iso: t) { return d }
        return Clock.today()
    }

    var terminal: Terminal { Terminal.current(environment: environment, isTTY: Console.current.stdoutIsTerminal) }
}

enum Clock {
    /// The local calendar day now.
    static func today() -> Day {
        let now = Date()
        let cal = Calendar(identifier: .gregorian)
        let c = cal.dateComponents(in: TimeZone.current, from: now)
        return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? Day(daysSinceEpoch: 0)
    }
}

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

enum Output {
    static func error(_ line: String, terminator: String = "\n") {
        var text = line + terminator
        text.withUTF8 { Console.current.writeErr($0) }
    }

    static func print(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    static func write(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { write($0) } }

    static func write(_ buffer: UnsafeBufferPointer<UInt8>) { Console.current.writeOut(buffer) }
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

/// Test seam for the storage layer, read here and nowhere deeper:
/// FOLLOWUP_TEST_PAUSE=STEP:MS sleeps before a write step; FOLLOWUP_TEST_FAIL=STEP:ERRNO fails it.
func writeHooks(_ env: [String: String]) -> WriteHooks {
    let pause = env["FOLLOWUP_TEST_PAUSE"].flatMap(parseHook)
    let fail = env["FOLLOWUP_TEST_FAIL"].flatMap(parseHook)
    guard pause != nil || fail != nil else { return .none }
    return WriteHooks { step in
        if let pause, pause.0 == step.rawValue { usleep(useconds_t(pause.1 * 1000)) }
        if let fail, fail.0 == step.rawValue { return Int32(fail.1) }
        return nil
    }
}

private func parseHook(_ s: String) -> (String, Int)? {
    let p = s.split(separator: ":")
    guard p.count == 2, let n = Int(p[1]) else { return nil }
    return (String(p[0]), n)
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
