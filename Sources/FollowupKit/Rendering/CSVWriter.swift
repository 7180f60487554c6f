/// CSV for spreadsheets: UTF-8 with a BOM (so Excel opens Vietnamese correctly), CRLF rows,
/// and cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR)
/// prefixed with `'` so they show as text.
public struct CSVWriter {
    public private(set) var output = "\u{FEFF}"

    public init() {}

    public static func field(_ s: String) -> String {
        var s = s
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            // A date like 2022-05-01 or a number is safe; only neutralise what is not.
            if !(first == "-" && Double(s) != nil) { s = "'" + s }
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
