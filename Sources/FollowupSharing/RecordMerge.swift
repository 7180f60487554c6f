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
        // A version with no `updates:` key (a new record before its first entry) is given one at
        // its end, where `followup` would add it, when another version has one: then a
        // conclusion added on one side and the first entry on the other do not meet at the end
        // of the file.
        let listed = parts[1].hasPlaceholder(placeholder) || parts[2].hasPlaceholder(placeholder)
        if listed {
            for i in parts.indices where !parts[i].hasPlaceholder(placeholder) && !parts[i].frame.isEmpty {
                let le = parts[i].lineEnding
                if let last = parts[i].frame.last, last != 0x0A, last != 0x0D { parts[i].frame += le }
                parts[i].frame += Array("updates:".utf8) + le + placeholder + le
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
        let logA = log(a, factsA)
        let logB = log(b, factsB)
        // Each entry as read, for the rules (an entry both sides have reads the same in both).
        var read: [ArraySlice<UInt8>: Update] = [:]
        for (l, u) in zip(logB, factsB.updates) { read[l.identity] = u }
        for (l, u) in zip(logA, factsA.updates) { read[l.identity] = u }
        // The base's entries are only compared by their bytes.
        let baseLog = o.entries.map { LogEntry(text: $0, task: "", date: Day(daysSinceEpoch: 0)) }
        var broken: [String: Message] = [:]
        let pieces = LogMerge.merge(base: baseLog, ours: logA, theirs: logB) { flat in
            // A task the two sides gave different statuses or extensions on one day is that
            // conflict, said as such (it breaks the rules too, most often).
            let sameDay = Set(LogMerge.sameDayClashes(flat).map(\.task))
            let found = contradictions(flat, read: read, ours: logA, theirs: logB, facts: factsA)
                .filter { !sameDay.contains($0.clash.task) }
            for (c, m) in found { broken[c.task] = m }
            return found.map(\.clash)
        }

        let frame = try textMerge.merge(base: o.frame, ours: a.frame, theirs: b.frame, labels: labels)
        let le = a.lineEnding
        let rendered = render(pieces, lineEnding: le)
        guard
            let merged = substitute(
                placeholder, in: frame.bytes, with: rendered.bytes,
                expected: listed)
        else {
            return try asText(.textConflictAroundList, forceConflict: true)
        }
        // The hunks' lines in the file written: the entries start where the placeholder was.
        let firstLine =
            1
            + (RecordSplit.ranges(of: placeholder, in: frame.bytes).first.map {
                frame.bytes[..<$0].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            } ?? 0)
        var notes: [Note] = []
        for (k, piece) in pieces.filter(\.isConflict).enumerated() {
            guard case .conflict(let x, let y, let task, let date) = piece else { continue }
            let line = firstLine + rendered.hunkLines[k]
            let (ours, theirs) = (said(x, side: labels.ours, read: read), said(y, side: labels.theirs, read: read))
            let message: SharingMessage =
                broken[task].map { .ruleConflict(task: task, line: line, finding: $0, ours: ours, theirs: theirs) }
                ?? .logConflict(task: task, date: date, line: line, ours: ours, theirs: theirs)
            notes.append(.message(.sharing(message)))
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

    /// What one side's entries in a conflict say: who wrote them, the last status and extension.
    private func said(_ entries: [LogEntry], side: String, read: [ArraySlice<UInt8>: Update]) -> Claim {
        var by: [String] = []
        for b in entries.compactMap({ read[$0.identity]?.by }) where !by.contains(b) { by.append(b) }
        return Claim(
            side: side, by: by, status: entries.last { $0.status != nil }?.status,
            due: entries.last { $0.due != nil }?.due)
    }

    /// The tasks whose merged entries break a rule that neither side's entries broke (with
    /// the first such finding): `UpdateRules` over the task's merged entries, against each
    /// side's own. Only a task both sides added to can be one. The clash holds the entries
    /// from the first one of the side the broken entry is not from, when keeping either half
    /// then leaves entries the rules accept; else all the task's entries either side added.
    package func contradictions(
        _ flat: [(LogEntry, LogMerge.Side)], read: [ArraySlice<UInt8>: Update],
        ours: [LogEntry], theirs: [LogEntry], facts: RecordFacts
    ) -> [(clash: LogMerge.Clash, finding: Message)] {
        var order: [String] = []
        var sides: [String: Set<Bool>] = [:]
        for (e, side) in flat where side != .both {
            if sides[e.task] == nil { order.append(e.task) }
            sides[e.task, default: []].insert(side == .ours)
        }
        var out: [(clash: LogMerge.Clash, finding: Message)] = []
        for task in order where sides[task]?.count == 2 {
            guard let due = facts.deadlines[task] else { continue }
            // Each entry's findings on its own side, lines left out: they would be lines of
            // versions that are not on disk.
            func judged(_ es: [LogEntry]) -> [[Message]] {
                var t = TaskTimeline(original: due)
                return es.map { e in
                    guard var u = read[e.identity] else { return [] }
                    u.location.line = 0
                    u.dateLocation = nil
                    u.statusLocation = nil
                    defer { t.apply(u) }
                    return UpdateRules.findings(u, after: t, meetingDate: facts.meetingDate, units: units).map(
                        \.message)
                }
            }
            var had: [ArraySlice<UInt8>: [Message]] = [:]
            for side in [theirs, ours] {
                let es = side.filter { $0.task == task }
                for (e, f) in zip(es, judged(es)) { had[e.identity] = f }
            }
            func firstNew(_ es: [(LogEntry, LogMerge.Side)]) -> (Int, Message)? {
                for (k, f) in judged(es.map(\.0)).enumerated() {
                    if let m = f.first(where: { !(had[es[k].0.identity] ?? []).contains($0) }) { return (k, m) }
                }
                return nil
            }
            let mine = flat.filter { $0.0.task == task }
            guard let (at, finding) = firstNew(mine) else { continue }
            var since: Day?
            let brokenSide = mine[at].1
            if brokenSide != .both {
                let other: LogMerge.Side = brokenSide == .ours ? .theirs : .ours
                if let d = mine.first(where: { $0.1 == other })?.0.date {
                    let keptOther = mine.filter { $0.1 == .both || $0.1 == other || $0.0.date < d }
                    if firstNew(keptOther) == nil { since = d }
                }
            }
            out.append((LogMerge.Clash(task: task, since: since), finding))
        }
        return out
    }

    /// The entries as text, conflicts between git's markers, and the line (from 0) where each
    /// conflict starts.
    package func render(_ pieces: [LogMerge.Piece], lineEnding le: [UInt8]) -> (bytes: [UInt8], hunkLines: [Int]) {
        var out: [UInt8] = []
        var hunkLines: [Int] = []
        func line(_ e: LogEntry) {
            out += e.text
            if !(e.text.last == 0x0A || e.text.last == 0x0D) { out += le }
        }
        let n = max(labels.markerSize, 1)
        for p in pieces {
            switch p {
            case .entry(let e, _): line(e)
            case .conflict(let x, let y, _, _):
                hunkLines.append(out.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 })
                out += Array(String(repeating: "<", count: n).utf8) + Array(" \(labels.ours)".utf8) + le
                x.forEach(line)
                out += Array(String(repeating: "=", count: n).utf8) + le
                y.forEach(line)
                out += Array(String(repeating: ">", count: n).utf8) + Array(" \(labels.theirs)".utf8) + le
            }
        }
        return (out, hunkLines)
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

extension LogMerge.Piece {
    var isConflict: Bool {
        if case .conflict = self { true } else { false }
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
