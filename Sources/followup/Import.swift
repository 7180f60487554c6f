import ArgumentParser
import FollowupCLI
import FollowupKit
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Draft a meeting record from the text of a conclusion notice or news item.",
        discussion: """
            Reads FILE (.txt, .docx, .pdf through pdftotext, or - for standard input), finds the \
            date, number, chair, attendees and conclusions, matches the units it names against \
            units.yaml (names, aliases and groups), and writes a draft record beside the others \
            (named and never overwriting as 'new' does), with a '# kiểm tra:' comment on every \
            value to confirm. Then prints what it found on stderr. The rules are listed in \
            Docs/Import.md.

            Examples:
              followup import thong-bao-45.docx
              followup import tin-bai.txt --date 2022-04-29 --dry-run
              pbpaste | followup import - --lang en
            """
    )

    @OptionGroup var options: CommonOptions
    @Argument(
        help: "The notice: a .txt, .docx or .pdf file, or - for standard input.",
        completion: .file(extensions: ["txt", "docx", "pdf"]))
    var file: String
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Date for the year of dates written without one, yyyy-MM-dd or "
                + "dd/MM/yyyy; also the meeting date when the text gives none.",
            valueName: "date"))
    var date: String?
    @Option(name: .long, help: ArgumentHelp("Meeting ID (default: the date and the title's slug).", valueName: "id"))
    var id: String?
    @Flag(name: .customLong("dry-run"), help: "Print the draft on stdout; write nothing.") var dryRun = false

    func run() throws {
        let lang = options.language
        let root = options.rootPath
        try reporting(lang) {
            let context = try date.map { d throws(FollowupError) in try parseDay(d, option: "--date") }
            let text: String
            let stdin = { FileHandle.standardInput.readData(ofLength: NoticeReader.sizeLimit + 1) }
            let pdftotext = NoticeReader.which("pdftotext", searchPath: options.environment["PATH"])
            switch NoticeReader.read(file, stdin: stdin, pdftotext: pdftotext) {
            case .success(let t): text = t
            case .failure(let f): throw FollowupError(.importUnreadable(file, reason: ImportMessages.reason(f, lang)))
            }
            let found = try Loader.scan(root: root) { meeting, _ in meeting.id }
            let importer = NoticeImporter(registry: found.units, contextDate: context, fallbackDate: options.today)
            let draft: ImportDraft
            do throws(NoticeImporter.Failure) {
                draft = try importer.draft(text)
            } catch {
                throw FollowupError(.importUnreadable(file, reason: ImportMessages.reason(error, lang)))
            }
            let (path, meetingID) = try NewMeeting.place(
                root: root, date: draft.date.value, title: draft.title.value,
                id: id, existingIDs: Set(found.parts))
            let yaml = DraftRenderer.yaml(draft, id: meetingID, source: file == "-" ? "stdin" : file)
            if dryRun {
                Output.error(lang.pick("(thử) sẽ ghi vào ", "(dry run) would write ") + path)
                Output.print(yaml)
            } else {
                try NewMeeting.write(yaml, to: path)
                Output.print(path + "\n")
            }
            Output.error(ImportSummary.text(draft, lang: lang), terminator: "")
        }
    }
}
