import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

/// CSV for spreadsheets: UTF-8 with a BOM (so Excel opens Vietnamese correctly), CRLF rows,
/// and cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR, also
/// after leading spaces) prefixed with `'` so they show as text. Control characters are made
/// visible (`TextWidth.sanitize`, line breaks kept).
public struct CSVWriter {
    public private(set) var output = "\u{FEFF}"

    public init() {}

    public static func field(_ s: String) -> String {
        var s = TextWidth.sanitize(s, keepingLineBreaks: true)
        let first = s.unicodeScalars.first(where: { $0 != " " })
        if let first, "=+-@\t\r".unicodeScalars.contains(first) {
            // A date like 2022-05-01 or a number is safe; only neutralise what is not.
            let number = first == "-" && Double(s.drop(while: { $0 == " " })) != nil
            if !number { s = "'" + s }
        }
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    public mutating func row(_ cells: [String]) {
        output += cells.map(CSVWriter.field).joined(separator: ",") + "\r\n"
    }
}
