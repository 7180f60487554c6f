import ArgumentParser
import FollowupCLI
import FollowupKit
import Foundation

/// The number and date of an official document (html, docx), shared by the commands that
/// write one.
struct DocumentOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The document's number (số), put into its code pattern from "
                + "settings.yaml, or a full number such as 12/BC-UBND.", valueName: "no"))
    var number: String?

    @Option(name: .long, help: ArgumentHelp("The document's date, yyyy-MM-dd or dd/MM/yyyy.", valueName: "date"))
    var date: String?

    func stamp(default day: Day) throws(FollowupError) -> DocumentStamp {
        var d = day
        if let date { d = try parseDay(date, option: "--date") }
        let n = number?.trimmingCharacters(in: .whitespaces)
        return DocumentStamp(number: n?.isEmpty == false ? n : nil, date: d)
    }
}

extension FollowupError {
    /// A Word or Excel file asked for without `--output`: binary is not for a terminal.
    static func binaryNeedsOutput(_ format: String) -> FollowupError {
        FollowupError(.binaryNeedsOutput(format), kind: .badInput)
    }
}
