import FollowupLoading
import FollowupModel
import FollowupReports
import FollowupSupport
import FollowupTracking

extension DigestFormat {
    /// The format a file name's extension names (`.html`, `.htm`, `.csv`, `.json`, `.md`,
    /// `.markdown`, `.txt`, `.docx`, `.xlsx`), or nil for any other name.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "html", "htm": self = .html
        case "csv": self = .csv
        case "json": self = .json
        case "md", "markdown": self = .markdown
        case "txt", "text": self = .text
        case "docx": self = .docx
        case "xlsx": self = .xlsx
        default: return nil
        }
    }

    /// The format of `digest`: the one asked for, else the output file's extension, else text.
    /// Asking for one format and naming a file of another is refused (the file would lie).
    public static func choose(flag: DigestFormat?, output: String?) throws(FollowupError) -> DigestFormat {
        let fromName = output.flatMap { DigestFormat(fileName: $0) }
        if let flag, let fromName, let output, flag != fromName {
            throw FollowupError(
                .formatMismatch(output, format: flag.rawValue, fileFormat: fromName.rawValue),
                kind: .badInput)
        }
        return flag ?? fromName ?? .text
    }
}
