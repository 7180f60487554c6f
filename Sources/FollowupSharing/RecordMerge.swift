import FollowupLoading
import FollowupModel
import FollowupStorage
import FollowupSupport
import FollowupTracking
import FollowupYAML
import Foundation

/// Merges two versions of one meeting record and their common ancestor, for `git merge`:
/// the text people wrote merges as git merges text, the `updates:` list as a log
/// (`LogMerge`). What cannot be merged that way is left as git's own text merge.
public struct RecordMerge {
    /// What the merge left, and what to tell the person.
    public struct Outcome {
        public var bytes: [UInt8]
        /// False when something is left for a person (git then reports a conflict).
        public var clean: Bool
        public var notes: [Note]
    }

    public enum Note: Sendable {
        case message(Message)
        /// A problem of the merged record (its location is in the version that was not kept).
        case problem(Diagnostic)
    }

    public var textMerge: TextMerging
    public var units: UnitRegistry
    /// The record's path, for messages and for the meeting id a file name implies.
    public var path: String
    public var labels: MergeLabels

    public init(textMerge: TextMerging, units: UnitRegistry, path: String, labels: MergeLabels = MergeLabels()) {
        self.textMerge = textMerge
        self.units = units
        self.path = path
        self.labels = labels
    }

    public func merge(base: [UInt8], ours: [UInt8], theirs: [UInt8]) throws(FollowupError) -> Outcome {
        func asText(
            _ reason: SharingReason?, forceConflict: Bool = false,
            notes: [Note] = []
        ) throws(FollowupError) -> Outcome {
            let plain = try textMerge.merge(base: base, ours: ours, theirs: theirs, labels: labels)
            let why: [Note] = reason.map { [.message(.sharing(.mergedAsText(reason: $0)))] } ?? []
            return Outcome(bytes: plain.bytes, clean: plain.conflicts == 0 && !forceConflict, notes: why + notes)
        }
        let components = path.split(separator: "/")
        if let name = components.last,
            RootScanner.reservedFiles.contains(String(name)) || components.contains("templates")
        {
            return try asText(.notARecord)
        }
        guard let factsA = RecordFacts.read(ours, path: path, units: units),
            let factsB = RecordFacts.read(theirs, path: path, units: units)
        else { return try asText(.notARecord) }
        if !factsA.errors.isEmpty { return try asText(.sideHasErrors(side: labels.ours)) }
        if !factsB.errors.isEmpty { return try asText(.sideHasErrors(side: labels.theirs)) }

        let placeholder = Array("#followup-merge-driver-entries-\(UInt64.random(in: 1...UInt64.max))".utf8)
        let cut = [base, ours, theirs].map { RecordSplit.split($0, placeholder: placeholder) }
        var parts: [RecordSplit] = []
        for c in cut {
            switch c {
            case .success(let s): parts.append(s)
            case .failure(.unsupportedList): return try asText(.listForm)
            case .failure: return try asText(.notARecord)
            }
        }
        let (o, a, b) = (parts[0], parts[1], parts[2])
        guard a.entries.count == factsA.entries.count, b.entries.count == factsB.entries.count else {
            return try asText(.notARecord)
        }
        func log(_ s: RecordSplit, _ f: RecordFacts) -> [LogEntry] {
            zip(s.entries, f.entries).map {
                LogEntry(text: $0, task: $1.task, date: $1.date, status: $1.status, due: $1.due)
            }
        }
        // The base's entries are only compared by their bytes.
        let baseLog = o.entries.map { LogEntry(text: $0, task: "", date: Day(daysSinceEpoch: 0)) }
        let pieces = LogMerge.merge(base: baseLog, ours: log(a, factsA), theirs: log(b, factsB))

        let frame = try textMerge.merge(base: o.frame, ours: a.frame, theirs: b.frame, labels: labels)
        let le = a.lineEnding
        guard
            let merged = substitute(
                placeholder, in: frame.bytes, with: render(pieces, lineEnding: le),
                expected: a.hasPlaceholder(placeholder) || b.hasPlaceholder(placeholder))
        else {
            return try asText(.textConflictAroundList, forceConflict: true)
        }
        var notes: [Note] = []
        for case .conflict(let x, let y, let task, let date) in pieces {
            notes.append(.message(.sharing(.logConflict(task: task, date: date, ours: said(x), theirs: said(y)))))
        }
        if frame.conflicts > 0 { notes.append(.message(.sharing(.textConflict(count: frame.conflicts)))) }
        if !notes.isEmpty { return Outcome(bytes: merged, clean: false, notes: notes) }

        // The result must be a record `check` accepts, holding exactly the merged entries.
        let count = LogMerge.entries(pieces)?.count ?? -1
        guard let result = RecordFacts.read(merged, path: path, units: units) else { return try asText(.notARecord) }
        if !result.errors.isEmpty || result.entries.count != count {
            return try asText(
                nil, forceConflict: true,
                notes: [.message(.sharing(.resultInvalid))] + result.errors.map(Note.problem))
        }
        return Outcome(bytes: merged, clean: true, notes: [])
    }

    /// What one side's entries in a conflict say: the last status and extension.
    private func said(_ entries: [LogEntry]) -> Claim {
        Claim(status: entries.last { $0.status != nil }?.status, due: entries.last { $0.due != nil }?.due)
    }

    /// The entries as text, conflicts between git's markers.
    package func render(_ pieces: [LogMerge.Piece], lineEnding le: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        func line(_ e: LogEntry) {
            out += e.text
            if !(e.text.last == 0x0A || e.text.last == 0x0D) { out += le }
        }
        let n = max(labels.markerSize, 1)
        for p in pieces {
            switch p {
            case .entry(let e, _): line(e)
            case .conflict(let x, let y, _, _):
                out += Array(String(repeating: "<", count: n).utf8) + Array(" \(labels.ours)".utf8) + le
                x.forEach(line)
                out += Array(String(repeating: "=", count: n).utf8) + le
                y.forEach(line)
                out += Array(String(repeating: ">", count: n).utf8) + Array(" \(labels.theirs)".utf8) + le
            }
        }
        return out
    }

    /// `frame` with its placeholder line replaced by `entries`; nil when the placeholder is
    /// not there exactly once (or twice-merged text put it inside a conflict).
    package func substitute(_ placeholder: [UInt8], in frame: [UInt8], with entries: [UInt8], expected: Bool)
        -> [UInt8]?
    {
        let at = RecordSplit.ranges(of: placeholder, in: frame)
        guard expected else { return at.isEmpty ? frame : nil }
        guard at.count == 1, let i = at.first else { return nil }
        // On a line of its own, outside any conflict markers.
        guard i == 0 || frame[i - 1] == 0x0A || frame[i - 1] == 0x0D else { return nil }
        var end = i + placeholder.count
        if end < frame.count, frame[end] == 0x0D { end += 1 }
        if end < frame.count, frame[end] == 0x0A { end += 1 }
        guard end > i + placeholder.count || end == frame.count else { return nil }
        let opening = Array(String(repeating: "<", count: max(labels.markerSize, 1)).utf8)
        let closing = Array(String(repeating: ">", count: max(labels.markerSize, 1)).utf8)
        var open = false
        var s = 0
        while s < i {
            if frame[s...].starts(with: opening) {
                open = true
            } else if frame[s...].starts(with: closing) {
                open = false
            }
            s = RecordAppender.endOfLine(after: s, in: frame)
        }
        guard !open else { return nil }
        return Array(frame[..<i]) + entries + Array(frame[end...])
    }
}

extension RecordSplit {
    package func hasPlaceholder(_ placeholder: [UInt8]) -> Bool { RecordSplit.contains(frame, placeholder) }
}

extension RecordMerge {
    /// The units registry of `root`.
    public static func units(root: String) -> UnitRegistry { RegistryLoader.units(root: root).0 }

    /// The units registry of the root holding `record` (a path relative to the current
    /// folder, as git gives it): the nearest `units.yaml` in its folder or one above, not
    /// above the current folder. None found: an empty registry (`check` would say so).
    public static func units(forRecord record: String) -> UnitRegistry {
        var parts = record.split(separator: "/").dropLast().map(String.init)
        let lead = record.hasPrefix("/") ? "/" : ""
        while true {
            let dir = parts.isEmpty ? lead.isEmpty ? "." : "/" : lead + parts.joined(separator: "/")
            for name in ["units.yaml", "units.yml"] where FileManager.default.fileExists(atPath: dir + "/" + name) {
                return RegistryLoader.units(root: dir).0
            }
            if parts.isEmpty { return RegistryLoader.units(root: dir).0 }
            parts.removeLast()
        }
    }
}
