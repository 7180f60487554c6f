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
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true)
                try AtomicFile().create(path, with: Array(yaml.utf8))
                Output.print(path + "\n")
            }
            Output.error(ImportSummary.text(draft, lang: lang), terminator: "")
        }
    }
}

/// The import's reasons for refusing an input, in the user's language.
enum ImportMessages {
    static func reason(_ f: NoticeReader.Failure, _ lang: Language) -> String {
        switch f {
        case .unreadable(let why): return lang.pick("không đọc được (\(why))", "cannot read it (\(why))")
        case .tooLarge(let bytes, let limit):
            return lang.pick(
                "tệp quá lớn (\(bytes) byte, tối đa \(limit)); một thông báo chỉ vài trang",
                "too large (\(bytes) bytes, limit \(limit)); a notice is a few pages")
        case .empty: return lang.pick("tệp rỗng", "the file is empty")
        case .binary:
            return lang.pick("không phải văn bản UTF-8 (tệp nhị phân?)", "not UTF-8 text (a binary file?)")
        case .notDocx(let why):
            return lang.pick("không phải tệp .docx hợp lệ: \(why)", "not a valid .docx: \(why)")
        case .pdftotextMissing:
            return lang.pick(
                "cần pdftotext để đọc PDF (Debian: sudo apt-get install poppler-utils), "
                    + "hoặc lưu văn bản thành .txt/.docx",
                "reading a PDF needs pdftotext (Debian: sudo apt-get install poppler-utils), "
                    + "or save the text as .txt/.docx")
        case .pdfFailed(let why):
            return lang.pick("pdftotext không đọc được tệp (\(why))", "pdftotext failed (\(why))")
        case .unknownType(let ext):
            return lang.pick(
                "không đọc được loại tệp .\(ext); dùng .txt, .docx hoặc .pdf",
                "cannot read .\(ext) files; use .txt, .docx or .pdf")
        }
    }

    static func reason(_ f: NoticeImporter.Failure, _ lang: Language) -> String {
        switch f {
        case .empty: return lang.pick("không có chữ nào", "it holds no words")
        case .noConclusions:
            return lang.pick(
                "không tìm thấy kết luận nào (câu giao việc: \"Giao/Yêu cầu/Đề nghị ...\", "
                    + "\"X chủ trì ...\"); không ghi gì",
                "no conclusions found (sentences that assign work: \"Giao/Yêu cầu/Đề nghị ...\", "
                    + "\"X chủ trì ...\"); nothing written")
        }
    }
}
