import ArgumentParser
import FollowupCLI
import FollowupKit
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a meeting record from a template.",
        discussion: """
            Writes ROOT/YYYY/YYYY-MM-DD-SLUG.yaml (the slug from --id or the title, folded to \
            ASCII) and prints its path, so that $EDITOR "$(followup new ...)" works. An existing \
            file is never overwritten: a clash adds -2, -3. Templates are ROOT/templates/NAME.yaml; \
            see Docs/Templates.md.

            Examples:
              followup new --list
              followup new hoi-nghi --date 2026-12-01 --title "Hội nghị sơ kết 6 tháng CCHC"
              followup new giao-ban --date 07/12/2026 --title "Giao ban tuần 49" --document 240/TB-UBND --dry-run
            """
    )

    @OptionGroup var options: CommonOptions
    @Argument(help: "The template name (default: giao-ban).", completion: Complete.templates) var template: String =
        "giao-ban"
    @Flag(name: .long, help: "List the templates and exit.") var list = false
    @Option(
        name: .long, help: ArgumentHelp("Meeting date, yyyy-MM-dd or dd/MM/yyyy (default: today).", valueName: "date"))
    var date: String?
    @Option(name: .long, help: ArgumentHelp("Meeting title.", valueName: "text")) var title: String?
    @Option(name: .long, help: ArgumentHelp("Meeting ID (default: the date and the title's slug).", valueName: "id"))
    var id: String?
    @Option(name: .long, help: ArgumentHelp("Chair (default: the template's).", valueName: "text")) var chair: String?
    @Option(name: .long, help: ArgumentHelp("Number of the conclusion notice, e.g. 45/TB-UBND.", valueName: "no"))
    var document: String?
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Fill another placeholder {{KEY}}; repeatable.", valueName: "key=value")) var set: [String] =
            []
    @Flag(name: .long, help: "Open the new file in $VISUAL/$EDITOR, then check it.") var edit = false
    @Flag(name: .customLong("dry-run"), help: "Print the record and where it would go; write nothing.") var dryRun =
        false

    func run() throws {
        let lang = options.language
        let root = options.rootPath
        if list {
            for t in MeetingTemplate.list(root: root) {
                Output.print(TextWidth.padRight(t.name, to: 12) + "  " + TextWidth.sanitize(t.description) + "\n")
            }
            return
        }
        guard let title, !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(lang.pick("cần --title (tên cuộc họp)", "--title is required"))
        }
        var extra: [String: String] = [:]
        for kv in set {
            guard let eq = kv.firstIndex(of: "="), eq != kv.startIndex else {
                throw ValidationError("--set \(kv): " + lang.pick("cần dạng KEY=VALUE", "expected KEY=VALUE"))
            }
            extra[String(kv[..<eq])] = String(kv[kv.index(after: eq)...])
        }
        try reporting(lang) {
            var day = options.today
            if let date { day = try parseDay(date, option: "--date") }
            // The template first: a wrong name fails before the root is read. Of the root,
            // only the meetings' ids and the units are needed.
            let tmpl = try MeetingTemplate.load(template, root: root)
            let found = try Loader.scan(root: root) { meeting, _ in meeting.id }
            let units = found.units
            var plan = try NewMeeting.plan(
                template: tmpl, root: root, date: day, title: title, id: id, chair: chair,
                document: document, extra: extra, existingIDs: Set(found.parts), settings: found.settings)
            plan.text = GroupExpansion.expand(plan.text, units: units)  // a record names units, not groups
            let problems = NewMeeting.problems(in: plan.text, path: plan.path, units: units, root: root)
            if let bad = problems.first(where: { $0.severity == .error }) {
                throw FollowupError(.templateInvalid(template, reason: bad.rendered(lang)))
            }
            if dryRun {
                Output.error(lang.pick("(thử) sẽ ghi vào ", "(dry run) would write ") + plan.path)
                Output.print(plan.text)
                return
            }
            try NewMeeting.write(plan.text, to: plan.path)
            Output.print(plan.path + "\n")
            let env = options.environment
            let editor =
                env["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["EDITOR"].flatMap { $0.isEmpty ? nil : $0 }
            let opening = editor != nil && (edit || options.terminal.isTTY)
            // The editor's check shows the problems afterwards; otherwise show them now.
            if !opening { for p in problems { Output.error(p.rendered(lang)) } }
            if let editor, opening {
                try openEditor(editor, path: plan.path, lang: lang, units: units, root: root)
            } else if edit {
                Output.error(
                    lang.pick(
                        "followup: chưa đặt $EDITOR hoặc $VISUAL; không mở trình soạn thảo",
                        "followup: neither $EDITOR nor $VISUAL is set; not opening an editor"))
            }
        }
    }

    func openEditor(_ editor: String, path: String, lang: Language, units: UnitRegistry, root: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "\(editor) \"$1\"", "sh", path]
        try p.run()
        p.waitUntilExit()
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let problems = NewMeeting.problems(in: text, path: path, units: units, root: root)
        for d in problems { Output.error(d.rendered(lang)) }
        if problems.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
