import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import Foundation

/// One conclusion as the office types it over a template's `TODO` entry: the text, the lead
/// unit, the supporting units and the deadline (`yyyy-MM-dd`, or "thường xuyên").
public struct ConclusionDraft: Sendable, Equatable {
    public var text: String
    public var owner: String
    public var support: [String]
    public var due: String

    public init(text: String, owner: String, support: [String] = [], due: String) {
        self.text = text
        self.owner = owner
        self.support = support
        self.due = due
    }

    /// The entry as a clerk writes it in a record, two spaces in under `conclusions:`.
    var yaml: String {
        var out = "  - text: \(UpdateText.quoted(NFC.normalize(text)))\n"
        out += "    owner: \(Self.scalar(owner))\n"
        if !support.isEmpty { out += "    support: [\(support.map(Self.scalar).joined(separator: ", "))]\n" }
        out += "    due: \(Self.scalar(due))\n"
        return out
    }

    /// A unit's code or a date as it is (`TNMT`, `2026-12-15`, `thường xuyên`); anything else
    /// double-quoted.
    static func scalar(_ s: String) -> String {
        let n = NFC.normalize(s)
        let word = { (u: Unicode.Scalar) in CharacterSet.alphanumerics.contains(u) || u == "-" || u == "_" }
        let plain =
            n.unicodeScalars.first.map(word) == true && n.unicodeScalars.last.map(word) == true
            && n.unicodeScalars.allSatisfy { word($0) || $0 == " " }
            && !["true", "false", "null", "yes", "no", "on", "off"].contains(n.lowercased())
        return plain ? n : UpdateText.quoted(n)
    }
}

extension NewMeeting {
    /// The record `plan` made from a template with the template's `conclusions:` entries replaced
    /// by `rows` (what a clerk does by hand after `new`): the lines from `conclusions:` to the
    /// next top-level key or the end. Also the line each row's entry starts on (1-based), so a
    /// problem `check` finds there can be shown beside its row.
    public static func withConclusions(_ text: String, _ rows: [ConclusionDraft]) -> (text: String, lines: [Int]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let start = lines.firstIndex(where: { $0.hasPrefix("conclusions:") }) else {
            return (text, [])
        }
        var end = start + 1
        while end < lines.count {
            let l = lines[end]
            if let c = l.first, c != " ", c != "#", c != "-" { break }
            end += 1
        }
        // Comments at the end of the block that belong to what follows stay with it.
        while end > start + 1, lines[end - 1].hasPrefix("#") || lines[end - 1].isEmpty { end -= 1 }
        var out = lines[...start].joined(separator: "\n") + "\n"
        var starts: [Int] = []
        var line = start + 2
        for r in rows {
            starts.append(line)
            let entry = r.yaml
            out += entry
            line += entry.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        if end < lines.count { out += lines[end...].joined(separator: "\n") + "\n" }
        return (out, starts)
    }

    /// Where a record whose meeting ID is `id` goes: `ROOT/YYYY/ID.yaml`, as `new` and `import`
    /// name theirs. Refused when the ID is taken or the file is there.
    public static func place(root: String, date: Day, id: String, existingIDs: Set<String>) throws(FollowupError)
        -> String
    {
        guard Identifier.isValidID(id), !id.contains("/"), !id.contains("..") else {
            throw FollowupError(.badID(id), kind: .badInput)
        }
        if existingIDs.contains(id) { throw FollowupError(.meetingIDTaken(id)) }
        let dir = RootScanner.join(root, String(date.iso.prefix(4)))
        if let m = RootBoundary(root: root).violation(dir) {
            throw FollowupError(m, at: SourceLocation(path: dir, line: 0, column: 0))
        }
        let path = RootScanner.join(dir, id + ".yaml")
        if access(path, F_OK) == 0 || access(RootScanner.join(dir, id + ".yml"), F_OK) == 0 {
            throw FollowupError(.meetingIDTaken(id))
        }
        return path
    }

    /// Writes a new record: its year's folder made when missing, the file created atomically and
    /// never over an existing one (what `new`, `import` and the portal all do).
    public static func write(_ text: String, to path: String) throws(FollowupError) {
        let dir = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw FollowupError(.writeFailed(path: path, reason: error.localizedDescription))
        }
        try AtomicFile().create(path, with: Array(text.utf8))
    }
}
