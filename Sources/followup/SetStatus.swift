import ArgumentParser
import FollowupCLI
import FollowupKit
import Foundation

/// Prints what was recorded, in the user's language.
func printRecorded(_ entries: [Update], path: String, lang: Language) {
    for e in entries {
        var parts: [String] = []
        if let s = e.status { parts.append(s.label(lang)) }
        if let d = e.due { parts.append(lang.pick("gia hạn đến ", "extended to ") + lang.format(d)) }
        if e.reminder { parts.append(lang.pick("đôn đốc", "reminder")) }
        if let r = e.review { parts.append(r.label(lang)) }
        if e.status == nil, e.due == nil, !e.reminder, e.review == nil, let by = e.by {
            parts.append(lang.pick("phần phối hợp của ", "the part of ") + by)
        }
        if let n = e.note { parts.append("“\(TextWidth.sanitize(n))”") }
        let line =
            lang.pick("Đã ghi", "Recorded") + " \(e.task) (\(lang.format(e.date))): "
            + parts.joined(separator: "; ") + " → \(path)"
        Output.print(TextWidth.sanitize(line) + "\n")
    }
}

/// After a write in a git clone whose attributes send records to the merge driver that this
/// clone has not set up: say so now, before the next pull meets git's plain conflicts.
func warnIfDriverMissing(_ options: CommonOptions, lang: Language) {
    if let w = GitSetup.unconfiguredDriverWarning(root: options.rootPath, environment: options.environment) {
        Output.error(w.rendered(lang))
    }
}

struct SetStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Record a task's new status in its meeting record.",
        discussion: """
            Appends an entry to the meeting's updates: list; nothing else in the file changes. \
            STATUS is open, in_progress, blocked, done or cancelled; Vietnamese words work too: \
            chua-thuc-hien, dang-thuc-hien, vuong-mac, hoan-thanh, huy (with or without diacritics). \
            blocked and cancelled need --note (the reason). After done or cancelled, a change needs --reopen.

            TASK is a task ID or a shorter unique form: 2022-04-29-cchc#4, 2022-04-29#4, 2022-04-29-cchc#1/NV.

            Examples:
              followup status 2026-11-16#2 in_progress --note "Đã khởi công" --by BQLDA
              followup status 2022-04-29-cchc#4 hoan-thanh --date 28/07/2022
              followup status 2026-11-16#3 blocked --note "Chờ ý kiến của tỉnh về giá đất"
            """
    )

    @OptionGroup var options: CommonOptions
    @Argument(help: "The task (ID or unique short form).", completion: Complete.tasks) var task: String
    @Argument(
        help: "The new status: open, in_progress, blocked, done, cancelled (or hoan-thanh, dang-thuc-hien, ...).",
        completion: .list([
            "open", "in_progress", "blocked", "done", "cancelled", "chua-thuc-hien", "dang-thuc-hien", "vuong-mac",
            "hoan-thanh", "huy",
        ])) var status: String
    @Option(name: .long, help: ArgumentHelp("A note: what was done, or the reason.", valueName: "text")) var note:
        String?
    @OptionGroup var entry: EntryOptions
    @OptionGroup var attachments: AttachOptions
    @Flag(name: .long, help: "Allow a change after done or cancelled.") var reopen = false

    func run() throws {
        let lang = options.language
        try reporting(lang) {
            guard let newStatus = Status(userInput: status) else {
                throw FollowupError(.badStatus(status), kind: .badInput)
            }
            var common = try entry.common(note: note, today: options.today)
            let (ledger, item) = try TaskLocator.locate(task, root: options.rootPath)
            common.files = try attachments.store(for: item, ledger: ledger, root: options.rootPath)
            let meeting = ledger.meeting(of: item)
            let store = RecordStore(root: options.rootPath, units: ledger.units, hooks: writeHooks(options.environment))
            let written = try store.append(to: meeting) { (snapshot) throws(FollowupError) in
                [
                    try TaskUpdates.status(
                        newStatus, task: item.id, reopen: reopen, common, units: ledger.units, in: snapshot)
                ]
            }
            printRecorded(written, path: meeting.path, lang: lang)
            warnIfDriverMissing(options, lang: lang)
        }
    }
}
