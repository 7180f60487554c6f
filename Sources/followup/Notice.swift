import ArgumentParser
import FollowupCLI
import FollowupKit

enum NoticeFormat: String, ExpressibleByArgument, CaseIterable { case text, html, docx }

struct Notice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Write a meeting's conclusion notice (thông báo kết luận) from its record.",
        discussion: """
            The notice in the official form (NĐ 30/2020): the header from settings.yaml, \
            "THÔNG BÁO Kết luận của ... tại ...", the meeting's date, place, chair and attendees, \
            the numbered conclusions with their lead and supporting units and deadlines, and \
            "Nơi nhận" from the units concerned. The number defaults to the record's `document`, \
            the date to the meeting's.

            Examples:
              followup notice 2022-04-29
              followup notice 2022-04-29 --format docx --output thong-bao.docx
              followup notice 2026-11-16 --format html --number 52 --date 2026-11-18 --output tb.html
            """
    )

    @OptionGroup var options: CommonOptions
    @Argument(help: ArgumentHelp("The meeting: its ID or any unique start of it.", valueName: "meeting"))
    var meeting: String
    @Option(name: .long, help: "Output format: text, html or docx (docx needs --output).")
    var format: NoticeFormat = .text
    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?
    @OptionGroup var document: DocumentOptions

    func run() throws {
        let lang = options.language
        try reporting(lang) {
            if format == .docx, output == nil { throw FollowupError.binaryNeedsOutput("docx") }
            let ledger = try loadLedger(options)
            var found = ledger.meetings.filter { $0.id == meeting }
            if found.isEmpty { found = ledger.meetings.filter { $0.id.hasPrefix(meeting) } }
            guard found.count == 1, let m = found.first else {
                throw FollowupError(.meetingNotFound(meeting, candidates: found.prefix(8).map(\.id)), kind: .badInput)
            }
            var stamp = try document.stamp(default: m.date)
            if stamp.number == nil { stamp.number = m.document }
            let (doc, frame) = NoticeDocument.document(
                m, units: ledger.units, settings: ledger.settings, stamp: stamp,
                lang: lang)
            let bytes: [UInt8]
            switch format {
            case .docx: bytes = try DocxWriter(lang: lang).bytes([doc])
            case .html: bytes = Array(OfficialHTMLWriter.render(doc, lang: lang).utf8)
            case .text: bytes = Array(OfficialTextWriter.render(doc, lang: lang, width: options.terminal.width).utf8)
            }
            if let output { try writeOutput(bytes, to: output) } else { Output.write(bytes) }
            if let warning = frame.warning(lang) { Output.error(warning) }
            warnIfErrors(ledger.errorCount, lang)
        }
    }
}
