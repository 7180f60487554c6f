import FollowupModel
import FollowupSupport
import FollowupYAML

/// git's conflict markers left in a record (`<<<<<<<`, `=======`, `>>>>>>>` at the start of a
/// line, as git and `followup merge-driver` write them): a merge or rebase that a person has
/// not finished. The reader says so in place of the YAML error the markers cause, and the
/// commands that look a task up, or write to a record, say so in place of "not found".
public enum ConflictMarkers {
    /// The 1-based line of the first marker line in `bytes`, or nil. A marker is seven (or
    /// more) of one of `<`, `=`, `>` at the start of a line, then a space, a line break or
    /// the end (git's `conflict-marker-size` may make them longer; `|||||||` marks a base).
    public static func firstLine(in bytes: [UInt8]) -> Int? {
        var line = 1
        var i = 0
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            if c == UInt8(ascii: "<") || c == UInt8(ascii: "=") || c == UInt8(ascii: ">") || c == UInt8(ascii: "|") {
                var j = i
                while j < n, bytes[j] == c { j += 1 }
                if j - i >= 7, j == n || bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x0D { return line }
            }
            // To the next line.
            while i < n, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
            if i < n, bytes[i] == 0x0D, i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
            i += 1
            line += 1
        }
        return nil
    }

    /// The diagnostic for a record holding markers (nil: it holds none).
    public static func diagnostic(path: String, bytes: [UInt8]) -> Diagnostic? {
        firstLine(in: bytes).map {
            Diagnostic(.error, SourceLocation(path: path, line: $0, column: 1), .unresolvedConflict(line: $0))
        }
    }

    /// The first unresolved conflict among `diagnostics` (a load's), in a record whose file
    /// name starts with `meetingPart` (any record when it is empty): what `status`, `show`
    /// and the portal say when the task they look for may be in that record.
    public static func unresolved(in diagnostics: [Diagnostic], meetingPart: String) -> Diagnostic? {
        diagnostics.first { d in
            guard d.message.name == "unresolvedConflict" else { return false }
            return meetingPart.isEmpty || Loader.stem(d.location.path).hasPrefix(meetingPart)
        }
    }
}
